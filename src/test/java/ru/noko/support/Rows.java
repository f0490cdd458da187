package ru.noko.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions over list responses: JSON rows against CSV rows, problem documents. */
public final class Rows {

    private Rows() {
    }

    public static List<JsonNode> list(JsonNode array) {
        List<JsonNode> rows = new ArrayList<>();
        array.forEach(rows::add);
        return rows;
    }

    public static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** The {@code field} of every error of a problem document. */
    public static Set<String> problemFields(JsonNode problem) {
        Set<String> fields = new HashSet<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    /**
     * Every JSON row equals the CSV row at the same position, column for column: numbers are the
     * same doubles, a missing or null JSON value is an empty cell, lists are joined with {@code |},
     * and text a spreadsheet would run as a formula carries a leading {@code '} in CSV.
     */
    public static void assertSameRows(List<JsonNode> json, Csv.Table csv) {
        assertEquals(json.size(), csv.rows().size(), "row count");
        for (int i = 0; i < json.size(); i++) {
            JsonNode row = json.get(i);
            for (Iterator<String> names = row.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                assertTrue(csv.header().contains(name), "CSV has column " + name);
            }
            for (String column : csv.header()) {
                JsonNode value = row.get(column);
                String cell = csv.rows().get(i).get(column);
                String where = column + " of row " + i;
                if (value == null || value.isNull()) {
                    assertEquals("", cell, where);
                } else if (value.isNumber()) {
                    assertEquals(value.asDouble(), Double.parseDouble(cell), where);
                } else if (value.isArray()) {
                    assertEquals(String.join("|", texts(value)), cell, where);
                } else {
                    String text = value.asText();
                    String expected = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
                    assertEquals(expected, cell, where);
                }
            }
        }
    }
}
