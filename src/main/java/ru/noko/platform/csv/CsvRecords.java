package ru.noko.platform.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an RFC 4180 table with a header row into rows keyed by header name, skipping blank lines. */
public final class CsvRecords {

    /** A data row with its 1-based line number in the file (the header is line 1). */
    public record Row(int line, Map<String, String> values) {
        public String get(String column) {
            String value = values.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    private CsvRecords() {
    }

    public static List<Row> read(Reader reader, char delimiter) {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> values = new LinkedHashMap<>();
                record.toMap().forEach(values::put);
                if (values.values().stream().allMatch(v -> v == null || v.isBlank())) {
                    continue;
                }
                rows.add(new Row((int) record.getRecordNumber() + 1, values));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Row> read(Reader reader) {
        return read(reader, ',');
    }
}
