package ru.noko.opendata;

import java.math.BigDecimal;

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

    /** Shortest exact decimal form, never scientific notation: 82.4, 100, 66.66666666666667. */
    static String number(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }
}
