package ru.noko.platform.csv;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The service's one CSV writer — API lists, open data, the bus.gov.ru export: RFC 4180 in UTF-8,
 * CRLF line ends, a cell quoted only when it holds the delimiter, a quote or a line break.
 * <ul>
 *   <li>numbers are written unrounded and never in exponent notation, with the dialect's decimal separator;</li>
 *   <li>text that a spreadsheet would run as a formula is neutralised ({@link FormulaGuard}); numbers are never altered;</li>
 *   <li>lists are joined with {@code |}; date-times are ISO 8601 as in JSON.</li>
 * </ul>
 * {@link #flush()} leaves the stream open (a ZIP entry, a checksum); {@link #close()} closes it.
 */
public final class CsvWriter implements Closeable {

    private static final String LINE_END = "\r\n";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Writer out;
    private final CsvDialect dialect;

    public CsvWriter(OutputStream stream, CsvDialect dialect) {
        this.dialect = dialect;
        try {
            if (dialect.byteOrderMark()) {
                stream.write(BOM);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 16 * 1024);
    }

    /** One line of values (a header is a line of names): each written as {@link #cell} says. */
    public void row(List<?> values) {
        line(values, value -> cell(value, dialect));
    }

    /**
     * One line of text the service wrote itself (open-data passports, registries, structure files),
     * only quoted, never neutralised: a passport's telephone {@code +7…} must stay as the open-data
     * standard has it. Never for text that came from an upload.
     */
    public void verbatimRow(List<String> cells) {
        line(cells, cell -> quoted(cell, dialect));
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> void line(List<T> cells, Function<? super T, String> text) {
        StringBuilder line = new StringBuilder(cells.size() * 12);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(dialect.delimiter());
            }
            line.append(text.apply(cells.get(i)));
        }
        write(line.append(LINE_END).toString());
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One value as a CSV cell, quoted when it has to be. */
    static String cell(Object value, CsvDialect dialect) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return number(number, dialect);
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        String text;
        if (value instanceof Collection<?> items) {
            text = items.stream().map(String::valueOf).collect(Collectors.joining("|"));
        } else if (value instanceof OffsetDateTime dateTime) {
            text = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime);
        } else {
            text = value.toString();
        }
        return quoted(FormulaGuard.neutralised(text), dialect);
    }

    private static String quoted(String text, CsvDialect dialect) {
        boolean needsQuotes = false;
        for (int i = 0; i < text.length() && !needsQuotes; i++) {
            char c = text.charAt(i);
            needsQuotes = c == dialect.delimiter() || c == '"' || c == '\n' || c == '\r';
        }
        return needsQuotes ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String number(Number number, CsvDialect dialect) {
        String plain;
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return "";
            }
            plain = BigDecimal.valueOf(d).toPlainString();
        } else if (number instanceof BigDecimal decimal) {
            plain = decimal.toPlainString();
        } else {
            return number.toString();
        }
        return dialect.decimalSeparator() == '.' ? plain : plain.replace('.', dialect.decimalSeparator());
    }
}
