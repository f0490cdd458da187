package ru.noko.opendata;

import java.util.List;

/**
 * One structure version of a dataset: its date (YYYYMMDD, the name of its structure file) and its
 * columns. A data file keeps the structure its release was made with, so changing the columns
 * never changes the bytes of a file already published.
 */
public record Structure(String version, List<DatasetColumn> columns) {

    public Structure {
        columns = List.copyOf(columns);
    }

    public List<String> header() {
        return columns.stream().map(DatasetColumn::name).toList();
    }
}
