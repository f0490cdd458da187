package ru.noko.busgov;

import java.util.Locale;
import java.util.Optional;

/** How {@code results.csv} is written. */
public enum CsvDialect {
    /** RFC 4180: UTF-8 without BOM, {@code ,} between fields, decimal point, CRLF. */
    STANDARD("standard", ',', '.', false),
    /** For Russian Excel: UTF-8 with BOM, {@code ;} between fields, decimal comma, CRLF. */
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

    public static Optional<CsvDialect> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = code.trim().toLowerCase(Locale.ROOT);
        for (CsvDialect dialect : values()) {
            if (dialect.code.equals(normalized)) {
                return Optional.of(dialect);
            }
        }
        return Optional.empty();
    }
}
