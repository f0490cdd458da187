package ru.noko.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVRecord;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Checks CSV rows against a Frictionless Table Schema: types, required, minimum/maximum, pattern, enum. */
final class TableSchemaCheck {

    private TableSchemaCheck() {
    }

    static void assertRowsMatch(JsonNode schema, List<CSVRecord> rows, String what) {
        JsonNode fields = schema.get("fields");
        for (CSVRecord row : rows) {
            for (int i = 0; i < fields.size(); i++) {
                JsonNode field = fields.get(i);
                String value = row.get(i);
                String where = what + " line " + row.getRecordNumber() + " field " + field.get("name").asText() + " = '" + value + "'";
                JsonNode constraints = field.path("constraints");
                if (value.isEmpty()) {
                    assertTrue(!constraints.path("required").asBoolean(false), "required value missing: " + where);
                    continue;
                }
                double number = Double.NaN;
                switch (field.get("type").asText()) {
                    case "integer" -> number = parse(() -> (double) Long.parseLong(value), where);
                    case "number" -> number = parse(() -> Double.parseDouble(value), where);
                    case "boolean" -> assertTrue(value.equals("true") || value.equals("false"), where);
                    case "datetime" -> parse(() -> {
                        OffsetDateTime.parse(value);
                        return 0.0;
                    }, where);
                    case "string" -> {
                    }
                    default -> fail("unexpected type in " + where);
                }
                if (constraints.has("minimum")) {
                    assertTrue(number >= constraints.get("minimum").asDouble(), "below minimum: " + where);
                }
                if (constraints.has("maximum")) {
                    assertTrue(number <= constraints.get("maximum").asDouble(), "above maximum: " + where);
                }
                if (constraints.has("pattern")) {
                    assertTrue(Pattern.compile(constraints.get("pattern").asText()).matcher(value).matches(), "pattern: " + where);
                }
                if (constraints.has("enum")) {
                    boolean allowed = false;
                    for (JsonNode option : constraints.get("enum")) {
                        allowed |= option.asText().equals(value);
                    }
                    assertTrue(allowed, "enum: " + where);
                }
            }
        }
    }

    private interface Parser {
        double parse() throws Exception;
    }

    private static double parse(Parser parser, String where) {
        try {
            return parser.parse();
        } catch (Exception e) {
            throw new AssertionError("does not parse as its type: " + where, e);
        }
    }
}
