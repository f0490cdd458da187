package ru.noko.campaigns.upload;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

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
 * streaming parser. Numbers keep their written form; {@code true}/{@code false} become 1/0.
 */
public final class JsonUploadTable implements UploadTable {

    /** The body is not an array of flat objects. */
    public static final class NotATable extends RuntimeException {
        public NotATable(String message) {
            super(message);
        }
    }

    private final JsonParser parser;
    private final UploadFields fields;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private int row;

    public JsonUploadTable(Path file, UploadFields fields) {
        this.fields = fields;
        try {
            parser = new JsonFactory().createParser(Files.newInputStream(file));
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new NotATable("Тело JSON должно быть массивом объектов: [{\"inn\": \"…\", …}, …]");
            }
        } catch (IOException e) {
            throw new NotATable("Не удалось прочитать JSON: " + e.getMessage());
        }
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
    public SourceRow next() {
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                return null;
            }
            row++;
            if (token != JsonToken.START_OBJECT) {
                throw new NotATable("Элемент " + row + " массива — не объект");
            }
            Map<String, String> values = new HashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                Column column = columns.computeIfAbsent(key, k -> new Column(k, fields.fieldOf(k), columns.size() + 1));
                String text = switch (value) {
                    case VALUE_NULL -> null;
                    case VALUE_TRUE -> "1";
                    case VALUE_FALSE -> "0";
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
                    case VALUE_STRING -> parser.getText();
                    default -> {
                        parser.skipChildren();
                        throw new NotATable("Элемент " + row + ": значение поля «" + key + "» — не число и не строка");
                    }
                };
                if (column.field() != null) {
                    values.put(column.field(), text);
                }
            }
            return new SourceRow(row, values);
        } catch (IOException e) {
            throw new NotATable("Ошибка в JSON около элемента " + row + ": " + e.getMessage());
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
}
