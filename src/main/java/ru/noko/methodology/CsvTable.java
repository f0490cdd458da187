package ru.noko.methodology;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A catalogue CSV file (RFC 4180, header row) read into rows of trimmed cells. */
final class CsvTable {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private final String fileName;
    private final boolean headerComplete;
    private final List<Row> rows;

    private CsvTable(String fileName, boolean headerComplete, List<Row> rows) {
        this.fileName = fileName;
        this.headerComplete = headerComplete;
        this.rows = rows;
    }

    /**
     * Reads the whole file. Missing columns are added to {@code problems} and yield an empty table.
     *
     * @throws CatalogueException when the text is not valid CSV
     */
    static CsvTable read(String fileName, Reader reader, List<String> requiredColumns, List<String> problems) {
        return read(fileName, reader, requiredColumns, List.of(), problems);
    }

    /** As {@link #read(String, Reader, List, List)}; optional columns read as empty cells when absent. */
    static CsvTable read(String fileName, Reader reader, List<String> requiredColumns, List<String> optionalColumns,
                         List<String> problems) {
        try (CSVParser parser = CSVParser.parse(withoutByteOrderMark(reader), FORMAT)) {
            List<String> header = parser.getHeaderNames();
            List<String> missing = requiredColumns.stream().filter(column -> !header.contains(column)).toList();
            if (!missing.isEmpty()) {
                problems.add(fileName + ": missing column(s) " + String.join(", ", missing));
                return new CsvTable(fileName, false, List.of());
            }
            List<Row> rows = new ArrayList<>();
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                Map<String, String> cells = new HashMap<>();
                for (String column : requiredColumns) {
                    cells.put(column, record.isSet(column) ? record.get(column) : "");
                }
                for (String column : optionalColumns) {
                    cells.put(column, record.isMapped(column) && record.isSet(column) ? record.get(column) : "");
                }
                rows.add(new Row(fileName, number, cells));
            }
            return new CsvTable(fileName, true, List.copyOf(rows));
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new CatalogueException(fileName + ": cannot read CSV: " + e.getMessage(), e);
        }
    }

    String fileName() {
        return fileName;
    }

    /** False when required columns were missing (the table is then empty). */
    boolean headerComplete() {
        return headerComplete;
    }

    List<Row> rows() {
        return rows;
    }

    private static Reader withoutByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != BYTE_ORDER_MARK) {
            pushback.unread(first);
        }
        return pushback;
    }

    /** One data row; {@code number} counts data rows from 1 (the header is not counted). */
    record Row(String fileName, int number, Map<String, String> cells) {

        /** The trimmed cell; empty when blank. */
        String get(String column) {
            String value = cells.get(column);
            return value == null ? "" : value;
        }

        String where() {
            return fileName + " row " + number;
        }
    }
}
