package ru.noko.opendata;

/**
 * How a column's values are written, described in structure files ("format") and in Table Schema
 * ("type"). Output is locale-free and deterministic: the same row always gives the same bytes.
 */
enum ColumnType {
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
}
