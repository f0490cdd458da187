package ru.noko.platform.web;

import ru.noko.platform.xlsx.CellKind;

import java.util.function.Function;

/**
 * A named column of a table of rows of type {@code R}. The name is the machine name used both as
 * the JSON field and as the CSV header, so the two representations cannot disagree; the Russian
 * header ({@code headers=ru}, the first row of a spreadsheet) and the kind (how a spreadsheet keeps
 * the value, which values {@code round=2} rounds) are defined beside it, once.
 */
record Column<R>(String name, String header, CellKind kind, Function<? super R, ?> value) {

    public Object valueOf(R row) {
        return value.apply(row);
    }
}
