package ru.noko.widgets.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every text colour of both themes has a WCAG AA contrast (≥ 4.5 : 1) against its background. */
class WidgetStyleTest {

    /** text colour, background colour, as CSS variable names. */
    private static final List<String[]> PAIRS = List.of(
            new String[]{"fg", "bg"}, new String[]{"muted", "bg"}, new String[]{"accent", "bg"},
            new String[]{"up", "bg"}, new String[]{"down", "bg"}, new String[]{"fg", "soft"},
            new String[]{"note-fg", "note-bg"}, new String[]{"demo-fg", "demo-bg"}, new String[]{"tag-fg", "tag-bg"},
            new String[]{"muted", "tag-bg"}, new String[]{"accent", "tag-bg"}, new String[]{"fg", "tag-bg"},
            new String[]{"bg", "accent"});

    @ParameterizedTest
    @ValueSource(strings = {":root", ".dark", ".auto"})
    void textColoursHaveEnoughContrast(String theme) {
        Map<String, String> colours = variables(new WidgetAssets().widgetCss(), theme);
        assertEquals(15, colours.size(), theme + " defines every colour");
        for (String[] pair : PAIRS) {
            double ratio = contrast(colours.get(pair[0]), colours.get(pair[1]));
            assertTrue(ratio >= 4.5, theme + ": " + pair[0] + " on " + pair[1] + " is " + ratio + " : 1");
        }
    }

    private static Map<String, String> variables(String css, String selector) {
        Matcher block = Pattern.compile(Pattern.quote(selector) + "\\{(--[^}]*)}").matcher(css);
        assertTrue(block.find(), selector);
        Map<String, String> out = new HashMap<>();
        Matcher variable = Pattern.compile("--([a-z-]+):(#[0-9a-f]{6})").matcher(block.group(1));
        while (variable.find()) {
            out.put(variable.group(1), variable.group(2));
        }
        return out;
    }

    static double contrast(String a, String b) {
        double l1 = luminance(a);
        double l2 = luminance(b);
        return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    }

    private static double luminance(String hex) {
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            rgb[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }
}
