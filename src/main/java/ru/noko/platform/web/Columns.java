package ru.noko.platform.web;

import ru.noko.platform.xlsx.CellKind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The ordered columns of a table; {@link #select} picks some of them by name. */
public final class Columns<R> {

    private final Map<String, Column<R>> byName;

    private Columns(List<Column<R>> columns) {
        Map<String, Column<R>> map = new LinkedHashMap<>();
        for (Column<R> column : columns) {
            if (map.put(column.name(), column) != null) {
                throw new IllegalArgumentException("Column " + column.name() + " is defined twice");
            }
        }
        this.byName = map;
    }

    public static <R> Builder<R> builder() {
        return new Builder<>();
    }

    public List<Column<R>> list() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** The row's values in column order (nulls included). */
    public List<Object> values(R row) {
        List<Object> values = new ArrayList<>(byName.size());
        for (Column<R> column : byName.values()) {
            values.add(column.valueOf(row));
        }
        return values;
    }

    /** Russian column headers, in column order. */
    public List<String> headers() {
        return byName.values().stream().map(Column::header).toList();
    }

    public List<CellKind> kinds() {
        return byName.values().stream().map(Column::kind).toList();
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /** The named columns in the order given, each once; every name must be a column. */
    public Columns<R> select(Collection<String> names) {
        List<Column<R>> chosen = new ArrayList<>();
        for (String name : new java.util.LinkedHashSet<>(names)) {
            Column<R> column = byName.get(name);
            if (column == null) {
                throw new IllegalArgumentException("No column " + name);
            }
            chosen.add(column);
        }
        return new Columns<>(chosen);
    }

    public static final class Builder<R> {

        private final List<Column<R>> columns = new ArrayList<>();

        /** A column known only by its code (tables that are never offered as spreadsheets). */
        public Builder<R> add(String name, Function<? super R, ?> value) {
            return add(name, name, CellKind.TEXT, value);
        }

        public Builder<R> add(String name, String header, CellKind kind, Function<? super R, ?> value) {
            columns.add(new Column<>(name, header, kind, value));
            return this;
        }

        public Columns<R> build() {
            return new Columns<>(columns);
        }
    }
}
