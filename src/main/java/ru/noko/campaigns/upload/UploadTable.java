package ru.noko.campaigns.upload;

import java.io.Closeable;
import java.util.List;
import java.util.Map;

/**
 * An uploaded table read row by row, cells already keyed by canonical field. Header problems
 * (unknown or repeated columns) are known before the first row.
 */
public interface UploadTable extends Closeable {

    /** One data row: its row number in the file (CSV: spreadsheet row, header = 1; JSON: 1-based element). */
    record SourceRow(int row, Map<String, String> values) {
        public String get(String field) {
            String value = values.get(field);
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** A column as written and the field it maps to (null = ignored). */
    record Column(String header, String field, int position) {
    }

    /** csv or json. */
    String format();

    /** Encoding, BOM, delimiter: null/false where they do not apply. */
    default String encoding() {
        return null;
    }

    default boolean bom() {
        return false;
    }

    default Character delimiter() {
        return null;
    }

    /** Columns seen so far (a JSON table learns its columns while it is read). */
    List<Column> columns();

    /** Next row or null at the end. */
    SourceRow next();

    /** Rows the file has, estimated before reading (null when unknown). */
    default Integer estimatedRows() {
        return null;
    }

    @Override
    void close();
}
