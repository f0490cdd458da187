package ru.noko.campaigns.upload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import ru.noko.platform.text.Excerpt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON upload: an array of flat objects whose keys are canonical or customary names, read with a
 * streaming parser. Numbers keep their written form; {@code true}/{@code false} become 1/0. Reading
 * stops at the first key beyond {@link #MAX_COLUMNS} different ones ({@link #tooManyColumns()}). A body
 * that is not an array of flat objects, or not JSON, is an {@link UnreadableUpload}.
 */
public final class JsonUploadTable implements UploadTable {

    private final JsonParser parser;
    private final UploadFields fields;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private int row;
    private boolean tooManyColumns;

    public JsonUploadTable(Path file, UploadFields fields) {
        this.fields = fields;
        JsonParser opened = null;
        try {
            opened = new JsonFactory().createParser(Files.newInputStream(file));
            if (opened.nextToken() != JsonToken.START_ARRAY) {
                throw new UnreadableUpload("Тело JSON должно быть массивом объектов: [{\"inn\": \"…\", …}, …]");
            }
        } catch (IOException e) {
            closeQuietly(opened);
            throw new UnreadableUpload("Не удалось прочитать JSON: " + Excerpt.of(e.getMessage(), 500));
        } catch (UnreadableUpload e) {
            closeQuietly(opened);
            throw e;
        }
        this.parser = opened;
    }

    @Override
    public String format() {
        return "json";
    }

    @Override
    public List<Column> columns() {
        return new ArrayList<>(columns.values());
    }

    @Override
    public int columnCount() {
        return columns.size() + (tooManyColumns ? 1 : 0);
    }

    @Override
    public boolean tooManyColumns() {
        return tooManyColumns;
    }

    @Override
    public SourceRow next() {
        if (tooManyColumns) {
            return null;
        }
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                return null;
            }
            row++;
            if (token != JsonToken.START_OBJECT) {
                throw new UnreadableUpload("Элемент " + row + " массива — не объект");
            }
            Map<String, String> values = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                Column column = columns.get(key);
                if (column == null) {
                    if (columns.size() == MAX_COLUMNS) {
                        tooManyColumns = true;
                        return null;
                    }
                    column = Column.of(key, columns.size() + 1, fields);
                    columns.put(key, column);
                }
                String text = switch (value) {
                    case VALUE_NULL -> null;
                    case VALUE_TRUE -> "1";
                    case VALUE_FALSE -> "0";
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
                    case VALUE_STRING -> parser.getText();
                    default -> {
                        parser.skipChildren();
                        throw new UnreadableUpload("Элемент " + row + ": значение поля «" + Excerpt.of(key)
                                + "» — не число и не строка");
                    }
                };
                if (column.field() != null) {
                    values.put(column.field(), text);
                }
            }
            return new SourceRow(row, values);
        } catch (IOException e) {
            throw new UnreadableUpload("Ошибка в JSON около элемента " + row + ": " + Excerpt.of(e.getMessage(), 500));
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser == null) {
            return;
        }
        try {
            parser.close();
        } catch (IOException ignored) {
            // already failing
        }
    }
}
