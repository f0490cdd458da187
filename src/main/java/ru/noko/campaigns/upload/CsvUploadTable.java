package ru.noko.campaigns.upload;

import ru.noko.platform.csv.CsvStream;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CSV upload: columns mapped once from the header (at most {@link #MAX_COLUMNS}), rows streamed.
 * Text that is not CSV is an {@link UnreadableUpload}.
 */
public final class CsvUploadTable implements UploadTable {

    private final CsvStream stream;
    private final List<Column> columns = new ArrayList<>();
    private final String[] fieldByPosition;
    /** Sized so a row's map never rehashes. */
    private final int mapCapacity;
    /** Columns up to the last one with a header. */
    private final int width;

    public CsvUploadTable(Path file, UploadFields fields) {
        this.stream = open(file);
        List<String> header = stream.header();
        int named = header.size();
        while (named > 0 && (header.get(named - 1) == null || header.get(named - 1).isBlank())) {
            named--;
        }
        width = named;
        int mapped = Math.min(header.size(), MAX_COLUMNS);
        fieldByPosition = new String[mapped];
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < mapped; i++) {
            Column column = Column.of(header.get(i), i + 1, fields);
            if (column.field() != null && !taken.add(column.field())) {
                column = new Column(column.header(), null, column.position());
            }
            fieldByPosition[i] = column.field();
            columns.add(column);
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
    public int columnCount() {
        return width;
    }

    @Override
    public boolean tooManyColumns() {
        return width > MAX_COLUMNS;
    }

    @Override
    public Integer estimatedRows() {
        return (int) Math.max(0, stream.encoding().lineBreaks() - 1);
    }

    @Override
    public SourceRow next() {
        if (tooManyColumns()) {
            return null;
        }
        CsvStream.Record record;
        try {
            record = stream.next();
        } catch (CsvStream.Malformed e) {
            throw unreadable(e);
        }
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

    private static CsvStream open(Path file) {
        try {
            return CsvStream.open(file);
        } catch (CsvStream.Malformed e) {
            throw unreadable(e);
        }
    }

    private static UnreadableUpload unreadable(CsvStream.Malformed e) {
        return new UnreadableUpload("Файл не читается как CSV: в строке " + e.row() + " кавычка не закрыта"
                + " или после закрывающей кавычки стоит не разделитель (значение с кавычками, разделителем или"
                + " переводом строки берётся в кавычки целиком, а кавычки внутри него удваиваются)");
    }

    @Override
    public void close() {
        stream.close();
    }
}
