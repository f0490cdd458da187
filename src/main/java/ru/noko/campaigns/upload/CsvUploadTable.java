package ru.noko.campaigns.upload;

import ru.noko.platform.csv.CsvStream;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A CSV upload: columns mapped once from the header, rows streamed. */
public final class CsvUploadTable implements UploadTable {

    private final CsvStream stream;
    private final List<Column> columns = new ArrayList<>();
    private final String[] fieldByPosition;
    /** Sized so a row's map never rehashes. */
    private final int mapCapacity;

    public CsvUploadTable(Path file, UploadFields fields) {
        this.stream = CsvStream.open(file);
        List<String> header = stream.header();
        fieldByPosition = new String[header.size()];
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String field = fields.fieldOf(header.get(i));
            if (field != null && !taken.add(field)) {
                field = null;
            }
            fieldByPosition[i] = field;
            columns.add(new Column(header.get(i), field, i + 1));
        }
        mapCapacity = taken.size() * 4 / 3 + 1;
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public String encoding() {
        return stream.encoding().displayName();
    }

    @Override
    public boolean bom() {
        return stream.encoding().bom();
    }

    @Override
    public Character delimiter() {
        return stream.delimiter();
    }

    @Override
    public List<Column> columns() {
        return columns;
    }

    @Override
    public Integer estimatedRows() {
        return (int) Math.max(0, stream.encoding().lineBreaks() - 1);
    }

    @Override
    public SourceRow next() {
        CsvStream.Record record = stream.next();
        if (record == null) {
            return null;
        }
        Map<String, String> values = new HashMap<>(mapCapacity);
        List<String> cells = record.cells();
        for (int i = 0; i < fieldByPosition.length && i < cells.size(); i++) {
            if (fieldByPosition[i] != null) {
                values.put(fieldByPosition[i], cells.get(i));
            }
        }
        return new SourceRow(record.row(), values);
    }

    @Override
    public void close() {
        stream.close();
    }
}
