package ru.noko.campaigns.upload;

import ru.noko.platform.text.Excerpt;

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

    /** Columns a file may have; a file with more is refused before its rows are read. */
    int MAX_COLUMNS = 500;
    /** Characters a header may have; a longer one is an error, kept only as an excerpt. */
    int MAX_HEADER_LENGTH = 200;

    /**
     * A column as written (at most an excerpt of {@link #MAX_HEADER_LENGTH} characters) and the field it
     * maps to (null = ignored).
     *
     * @param headerTooLong the file's header was longer than {@link #MAX_HEADER_LENGTH}
     */
    record Column(String header, String field, int position, boolean headerTooLong) {

        public Column(String header, String field, int position) {
            this(header, field, position, false);
        }

        /** The column a header names; a header over {@link #MAX_HEADER_LENGTH} characters names nothing. */
        public static Column of(String header, int position, UploadFields fields) {
            if (header != null && header.length() > MAX_HEADER_LENGTH) {
                return new Column(Excerpt.of(header, MAX_HEADER_LENGTH), null, position, true);
            }
            return new Column(header, fields.fieldOf(header), position, false);
        }
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

    /** Columns seen so far (a JSON table learns its columns while it is read), at most {@link #MAX_COLUMNS}. */
    List<Column> columns();

    /** How many columns the file has (so far): may exceed {@link #MAX_COLUMNS}, then {@link #tooManyColumns()}. */
    default int columnCount() {
        return columns().size();
    }

    /** The file has more than {@link #MAX_COLUMNS} columns; {@link #next()} then returns null. */
    default boolean tooManyColumns() {
        return false;
    }

    /** Next row or null at the end. */
    SourceRow next();

    /** Rows the file has, estimated before reading (null when unknown). */
    default Integer estimatedRows() {
        return null;
    }

    @Override
    void close();
}
