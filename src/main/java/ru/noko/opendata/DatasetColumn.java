package ru.noko.opendata;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A column of a dataset: its machine name, descriptions for the structure file, type, and the
 * Table Schema constraints the data always satisfies.
 */
record DatasetColumn(String name, String english, String russian, ColumnType type, boolean required,
                            Map<String, Object> constraints) {

    public static DatasetColumn required(String name, ColumnType type, String english, String russian) {
        return new DatasetColumn(name, english, russian, type, true, Map.of());
    }

    public static DatasetColumn optional(String name, ColumnType type, String english, String russian) {
        return new DatasetColumn(name, english, russian, type, false, Map.of());
    }

    public DatasetColumn with(String constraint, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(constraints);
        more.put(constraint, value);
        return new DatasetColumn(name, english, russian, type, required, more);
    }

    /** Points of criteria, indicators and totals: 0..100. */
    public DatasetColumn points() {
        return with("minimum", 0).with("maximum", 100);
    }
}
