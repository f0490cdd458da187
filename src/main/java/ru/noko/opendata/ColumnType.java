package ru.noko.opendata;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How a column's values are written, described in structure files ("format") and in Table Schema
 * ("type"). Output is locale-free and deterministic: the same row always gives the same bytes.
 */
public enum ColumnType {
    STRING("string", "string"),
    INTEGER("integer", "integer"),
    NUMBER("float", "number"),
    BOOLEAN("boolean", "boolean"),
    DATETIME("datetime", "datetime");

    private static final DateTimeFormatter ISO_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private final String structureFormat;
    private final String tableSchemaType;

    ColumnType(String structureFormat, String tableSchemaType) {
        this.structureFormat = structureFormat;
        this.tableSchemaType = tableSchemaType;
    }

    public String structureFormat() {
        return structureFormat;
    }

    public String tableSchemaType() {
        return tableSchemaType;
    }

    /** The cell text of {@code column} in the current row; empty for SQL NULL. */
    String read(ResultSet row, String column) throws SQLException {
        switch (this) {
            case INTEGER -> {
                String value = row.getString(column);
                return value == null ? "" : value;
            }
            case NUMBER -> {
                // PostgreSQL (12+) prints float8 as the shortest exact decimal; reuse its text and fall
                // back to our own formatting only for the exponent form
                String value = row.getString(column);
                if (value == null) {
                    return "";
                }
                return value.indexOf('e') < 0 ? value : number(Double.parseDouble(value));
            }
            case BOOLEAN -> {
                boolean value = row.getBoolean(column);
                return row.wasNull() ? "" : Boolean.toString(value);
            }
            case DATETIME -> {
                OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
                return value == null ? "" : value.withOffsetSameInstant(ZoneOffset.UTC).format(ISO_UTC);
            }
            default -> {
                String value = row.getString(column);
                return value == null ? "" : value;
            }
        }
    }

    /** Shortest exact decimal form, never scientific notation: 82.4, 100, 66.66666666666667. */
    static String number(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }
}
