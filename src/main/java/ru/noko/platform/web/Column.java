package ru.noko.platform.web;

import java.util.function.Function;

/**
 * A named column of a table of rows of type {@code R}. The name is the machine name used both as
 * the JSON field and as the CSV header, so the two representations cannot disagree.
 */
record Column<R>(String name, Function<? super R, ?> value) {

    public Object valueOf(R row) {
        return value.apply(row);
    }
}
