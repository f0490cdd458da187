package ru.noko.campaigns.upload;

import java.util.Iterator;
import java.util.List;

/** Rows already in memory, keyed by canonical field (the demo loader's seed files). */
public final class MemoryUploadTable implements UploadTable {

    private final List<Column> columns;
    private final Iterator<SourceRow> rows;

    public MemoryUploadTable(List<String> fields, List<SourceRow> rows) {
        this.columns = java.util.stream.IntStream.range(0, fields.size())
                .mapToObj(i -> new Column(fields.get(i), fields.get(i), i + 1)).toList();
        this.rows = rows.iterator();
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public SourceRow next() {
        return rows.hasNext() ? rows.next() : null;
    }

    @Override
    public void close() {
    }
}
