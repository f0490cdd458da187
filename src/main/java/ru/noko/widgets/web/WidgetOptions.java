package ru.noko.widgets.web;

import java.util.ArrayList;
import java.util.List;

/** Display options common to the widget pages, already validated against the contract. */
record WidgetOptions(String theme, Labels labels, boolean compact) {

    static WidgetOptions of(String theme, String lang, Boolean compact) {
        return new WidgetOptions(theme == null ? "light" : theme, Labels.of(lang), Boolean.TRUE.equals(compact));
    }

    /** Query string that carries the non-default options to another widget page, e.g. {@code ?lang=en}. */
    String query(boolean withCompact) {
        List<String> parts = new ArrayList<>();
        if (!theme.equals("light")) {
            parts.add("theme=" + theme);
        }
        if (labels.english()) {
            parts.add("lang=en");
        }
        if (withCompact && compact) {
            parts.add("compact=true");
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    /** Cache key part: every option that changes the representation. */
    String key() {
        return theme + "," + labels.lang() + "," + compact;
    }
}
