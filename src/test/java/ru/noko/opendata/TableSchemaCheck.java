package ru.noko.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVRecord;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Checks CSV rows against a Frictionless Table Schema: types, required, minimum/maximum, pattern, enum. */
final class TableSchemaCheck {

    private TableSchemaCheck() {
    }

    static void assertRowsMatch(JsonNode schema, List<CSVRecord> rows, String what) {
        List<Field> fields = new ArrayList<>();
        schema.get("fields").forEach(field -> fields.add(new Field(field)));
        for (CSVRecord row : rows) {
            for (int i = 0; i < fields.size(); i++) {
                Field field = fields.get(i);
                String value = row.get(i);
                // the message is written only for a failure: a dump has hundreds of thousands of cells
                Supplier<String> where = () -> what + " line " + row.getRecordNumber() + " field " + field.name + " = '" + value + "'";
                if (value.isEmpty()) {
                    assertTrue(!field.required, () -> "required value missing: " + where.get());
                    continue;
                }
                double number = Double.NaN;
                switch (field.type) {
                    case "integer" -> number = parse(() -> (double) Long.parseLong(value), where);
                    case "number" -> number = parse(() -> Double.parseDouble(value), where);
                    case "boolean" -> assertTrue(value.equals("true") || value.equals("false"), where);
                    case "date" -> parse(() -> {
                        java.time.LocalDate.parse(value);
                        return 0.0;
                    }, where);
                    case "datetime" -> parse(() -> {
                        OffsetDateTime.parse(value);
                        return 0.0;
                    }, where);
                    case "string" -> {
                    }
                    default -> fail("unexpected type in " + where.get());
                }
                if (field.minimum != null) {
                    assertTrue(number >= field.minimum, () -> "below minimum: " + where.get());
                }
                if (field.maximum != null) {
                    assertTrue(number <= field.maximum, () -> "above maximum: " + where.get());
                }
                if (field.pattern != null) {
                    assertTrue(field.pattern.matcher(value).matches(), () -> "pattern: " + where.get());
                }
                if (field.options != null) {
                    assertTrue(field.options.contains(value), () -> "enum: " + where.get());
                }
            }
        }
    }

    /** A field of the schema with its constraints, read once for all rows. */
    private static final class Field {

        final String name;
        final String type;
        final boolean required;
        final Double minimum;
        final Double maximum;
        final Pattern pattern;
        final Set<String> options;

        Field(JsonNode field) {
            JsonNode constraints = field.path("constraints");
            name = field.get("name").asText();
            type = field.get("type").asText();
            required = constraints.path("required").asBoolean(false);
            minimum = constraints.has("minimum") ? constraints.get("minimum").asDouble() : null;
            maximum = constraints.has("maximum") ? constraints.get("maximum").asDouble() : null;
            pattern = constraints.has("pattern") ? Pattern.compile(constraints.get("pattern").asText()) : null;
            if (constraints.has("enum")) {
                options = new HashSet<>();
                constraints.get("enum").forEach(option -> options.add(option.asText()));
            } else {
                options = null;
            }
        }
    }

    private interface Parser {
        double parse() throws Exception;
    }

    private static double parse(Parser parser, Supplier<String> where) {
        try {
            return parser.parse();
        } catch (Exception e) {
            throw new AssertionError("does not parse as its type: " + where.get(), e);
        }
    }
}
