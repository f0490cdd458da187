package ru.noko.support;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses CSV response bodies for assertions (independently of the service's own writer). */
public final class Csv {

    /** A parsed table: the header in order and the rows keyed by it. */
    public record Table(List<String> header, List<Map<String, String>> rows) {
    }

    private Csv() {
    }

    public static Table parse(String body) {
        return parse(body, ',');
    }

    public static Table parse(String body, char delimiter) {
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(new LinkedHashMap<>(record.toMap()));
            }
            return new Table(parser.getHeaderNames(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
