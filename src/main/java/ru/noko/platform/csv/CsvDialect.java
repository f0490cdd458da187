package ru.noko.platform.csv;

/**
 * How a CSV table is spelled. Both dialects are UTF-8 with CRLF line ends and RFC 4180 quoting;
 * {@link #EXCEL} adds a byte-order mark, separates with {@code ;} and writes a decimal comma, which
 * is what Excel with Russian regional settings opens correctly by double-click.
 */
public enum CsvDialect {
    RFC4180("rfc4180", ',', '.', false),
    EXCEL("excel", ';', ',', true);

    private final String code;
    private final char delimiter;
    private final char decimalSeparator;
    private final boolean byteOrderMark;

    CsvDialect(String code, char delimiter, char decimalSeparator, boolean byteOrderMark) {
        this.code = code;
        this.delimiter = delimiter;
        this.decimalSeparator = decimalSeparator;
        this.byteOrderMark = byteOrderMark;
    }

    public String code() {
        return code;
    }

    public char delimiter() {
        return delimiter;
    }

    public char decimalSeparator() {
        return decimalSeparator;
    }

    public boolean byteOrderMark() {
        return byteOrderMark;
    }

    public static CsvDialect fromCode(String code) {
        return EXCEL.code.equals(code) ? EXCEL : RFC4180;
    }
}
