package ru.noko.platform.web;

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
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a table as RFC 4180 CSV in UTF-8: a header row of machine names, then one line per row.
 * <ul>
 *   <li>numbers are written unrounded and never in exponent notation, with the dialect's decimal separator;</li>
 *   <li>text that a spreadsheet would run as a formula — starting with {@code = + - @}, tab or CR —
 *       is prefixed with {@code '} (OWASP "CSV injection"); numbers are never altered;</li>
 *   <li>lists are joined with {@code |}; date-times are ISO 8601 as in JSON.</li>
 * </ul>
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

    public void header(Columns<?> columns) {
        line(columns.names().stream().map(name -> cell(name, dialect)).toList());
    }

    public <R> void row(Columns<R> columns, R row) {
        List<Column<R>> list = columns.list();
        StringBuilder line = new StringBuilder(list.size() * 12);
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                line.append(dialect.delimiter());
            }
            line.append(cell(list.get(i).valueOf(row), dialect));
        }
        write(line.append(LINE_END).toString());
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

    private void line(List<String> cells) {
        write(String.join(String.valueOf(dialect.delimiter()), cells) + LINE_END);
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
        } else if (value instanceof TemporalAccessor) {
            text = value.toString();
        } else {
            text = value.toString();
        }
        return quoted(neutralised(text), dialect);
    }

    static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
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
