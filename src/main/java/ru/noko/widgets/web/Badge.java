package ru.noko.widgets.web;

import ru.noko.methodology.Score;
import ru.noko.widgets.WidgetData;

/**
 * The SVG badge (GET /widgets/organizations/{id}/badge.svg): «НОКО 2025 | 87,45», in the manner
 * of the status badges of software projects, for links and documents. Plain SVG without scripts
 * or styles; the organization's name is only in the accessible title.
 */
final class Badge {

    private static final int HEIGHT = 20;
    private static final int PADDING = 7;
    private static final String FONT = "DejaVu Sans,Verdana,Geneva,Segoe UI,Arial,sans-serif";

    private Badge() {
    }

    /** {@code maxTotal}: the top of the total's scale under the shown result's methodology (100, or 160 points). */
    static String render(WidgetData.Card card, double maxTotal, Labels l) {
        WidgetData.Result shown = card.shown();
        boolean demo = card.organization().demoRegion() || shown != null && shown.campaign().demo();
        String label = shown == null ? l.t("НОКО", "NOKO")
                : l.t("НОКО ", "NOKO ") + shown.campaign().year() + (demo ? l.t(" · демо", " · demo") : "");
        String value = shown == null ? l.t("нет данных", "no data") : l.score(shown.total());
        String name = card.organization().shortName() != null && !card.organization().shortName().isBlank()
                ? card.organization().shortName() : shown != null ? shown.name() : card.organization().name();
        String title = shown == null
                ? name + l.t(": результаты НОКО не опубликованы", ": no NOKO results published")
                : name + l.t(": НОКО ", ": NOKO ") + shown.campaign().year() + l.t(", итоговый балл ", ", total score ")
                + value + l.t(" из " + new Score(maxTotal).russian(), " of " + new Score(maxTotal).shortText('.')) + (demo ? l.t(" (демонстрационные данные)", " (demonstration data)") : "");

        int labelWidth = textWidth(label) + 2 * PADDING;
        int valueWidth = textWidth(value) + 2 * PADDING;
        int width = labelWidth + valueWidth;
        String valueColour = shown == null ? "#6e7781" : "#1f5fbf";

        Html s = Html.svg();
        s.open("svg", "xmlns", "http://www.w3.org/2000/svg", "width", String.valueOf(width), "height", String.valueOf(HEIGHT),
                "viewBox", "0 0 " + width + " " + HEIGHT, "role", "img", "aria-label", title);
        s.element("title", title);
        s.open("linearGradient", "id", "shine", "x2", "0", "y2", "100%");
        s.empty("stop", "offset", "0", "stop-color", "#fff", "stop-opacity", ".12");
        s.empty("stop", "offset", "1", "stop-opacity", ".08");
        s.close();
        s.open("clipPath", "id", "round").empty("rect", "width", String.valueOf(width), "height", String.valueOf(HEIGHT), "rx", "4").close();
        s.open("g", "clip-path", "url(#round)");
        s.empty("rect", "width", String.valueOf(labelWidth), "height", String.valueOf(HEIGHT), "fill", "#3d4550");
        s.empty("rect", "x", String.valueOf(labelWidth), "width", String.valueOf(valueWidth), "height", String.valueOf(HEIGHT),
                "fill", valueColour);
        s.empty("rect", "width", String.valueOf(width), "height", String.valueOf(HEIGHT), "fill", "url(#shine)");
        s.close();
        s.open("g", "fill", "#fff", "font-family", FONT, "font-size", "11", "text-anchor", "middle", "aria-hidden", "true");
        text(s, label, labelWidth / 2.0, labelWidth - 2 * PADDING, false);
        text(s, value, labelWidth + valueWidth / 2.0, valueWidth - 2 * PADDING, shown != null);
        s.close();
        s.close();
        return s.finish();
    }

    private static void text(Html s, String text, double centre, int length, boolean bold) {
        s.element("text", text, "x", Labels.geometry(centre), "y", "14", "textLength", String.valueOf(length),
                "lengthAdjust", "spacingAndGlyphs", "font-weight", bold ? "bold" : null);
    }

    /** Approximate width in pixels of 11 px DejaVu Sans / Verdana; textLength makes it exact. */
    static int textWidth(String text) {
        double width = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == ',' || c == '.' || c == '·' || c == '\u00A0') {
                width += 3.6;
            } else if (Character.isDigit(c)) {
                width += 7.0;
            } else if (Character.isUpperCase(c)) {
                width += c == 'Ж' || c == 'Ш' || c == 'Щ' || c == 'Ю' || c == 'М' || c == 'W' ? 10.0 : 7.6;
            } else if (c == 'ш' || c == 'щ' || c == 'ж' || c == 'ю' || c == 'м' || c == 'm' || c == 'w') {
                width += 8.8;
            } else {
                width += 6.5;
            }
        }
        return (int) Math.ceil(width);
    }
}
