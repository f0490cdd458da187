package ru.noko.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a table was read from, for the «Источник» sheet of a spreadsheet: the feature adds its
 * lines (campaign, publication dates, methodology); the service, the query's URL and the licence
 * are added by {@link TableResponses}.
 */
public final class TableSource {

    private final Map<String, String> lines = new LinkedHashMap<>();

    public static TableSource of(String title) {
        return new TableSource().line("Таблица", title);
    }

    /** A line «label: value»; a null value is left out, a repeated label overwritten. */
    public TableSource line(String label, Object value) {
        if (value != null) {
            lines.put(label, String.valueOf(value));
        }
        return this;
    }

    public TableSource lines(Map<String, String> more) {
        more.forEach(this::line);
        return this;
    }

    Map<String, String> lines() {
        return lines;
    }
}
