package ru.noko.platform.csv;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a CSV file record by record without holding it in memory: encoding and BOM detected
 * ({@link TextEncoding}), delimiter detected from the header line ({@code ,} {@code ;} or tab),
 * RFC 4180 quoting (a quoted field may contain the delimiter, doubled quotes and line breaks).
 * Each record carries its row number as a spreadsheet shows it (the header is row 1, blank rows
 * count); rows whose cells are all blank are skipped. Text that is not CSV (an unclosed quote) is
 * a {@link Malformed}.
 */
public final class CsvStream implements Closeable {

    /** A data record: its row number in the file and its cells as written (untrimmed). */
    public record Record(int row, List<String> cells) {
    }

    /** The text is not CSV: a quote is never closed, or something other than a delimiter follows a closing quote. */
    public static final class Malformed extends RuntimeException {

        private final int row;

        Malformed(int row, CSVException cause) {
            super(cause.getMessage(), cause);
            this.row = row;
        }

        /** The row the broken record starts on, as {@link Record#row()} counts. */
        public int row() {
            return row;
        }
    }

    private final TextEncoding encoding;
    private final char delimiter;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private long lastLine;

    private CsvStream(TextEncoding encoding, char delimiter, CSVParser parser) {
        this.encoding = encoding;
        this.delimiter = delimiter;
        this.parser = parser;
        this.records = parser.iterator();
        List<String> first = List.of();
        for (CSVRecord record = read(); record != null; record = read()) {
            lastLine = parser.getCurrentLineNumber();
            if (!blank(record)) {
                first = record.toList();
                break;
            }
        }
        this.header = first;
    }

    public static CsvStream open(Path file) {
        TextEncoding encoding = TextEncoding.detect(file);
        try {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(encoding.bomLength());
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, encoding.charset()), 64 * 1024);
            reader.mark(64 * 1024);
            char[] start = new char[64 * 1024];
            int read = reader.read(start);
            reader.reset();
            char delimiter = detectDelimiter(read <= 0 ? "" : new String(start, 0, read));
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false)
                    .setAllowMissingColumnNames(true)
                    .setIgnoreSurroundingSpaces(false)
                    .get();
            CSVParser parser = CSVParser.parse(reader, format);
            try {
                return new CsvStream(encoding, delimiter, parser);
            } catch (RuntimeException e) {
                parser.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The most frequent of {@code ;}, {@code ,} and tab outside quotes in the first non-blank line. */
    public static char detectDelimiter(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        boolean seenContent = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (seenContent) {
                    break;
                }
            } else if (!quoted) {
                switch (c) {
                    case ';' -> semicolons++;
                    case ',' -> commas++;
                    case '\t' -> tabs++;
                    default -> {
                    }
                }
                if (!Character.isWhitespace(c)) {
                    seenContent = true;
                }
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    public TextEncoding encoding() {
        return encoding;
    }

    public char delimiter() {
        return delimiter;
    }

    /** Header cells as written; empty for an empty file. */
    public List<String> header() {
        return header;
    }

    /**
     * The next non-blank record, or null at the end.
     *
     * @throws Malformed when the text is not CSV
     */
    public Record next() {
        for (CSVRecord record = read(); record != null; record = read()) {
            int row = (int) lastLine + 1;
            lastLine = parser.getCurrentLineNumber();
            if (!blank(record)) {
                return new Record(row, new ArrayList<>(record.toList()));
            }
        }
        return null;
    }

    /** The next record, blank or not, or null at the end; a syntax error becomes {@link Malformed}. */
    private CSVRecord read() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException syntax) {
                throw new Malformed((int) lastLine + 1, syntax);
            }
            throw e;
        }
    }

    private static boolean blank(CSVRecord record) {
        for (String value : record) {
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
