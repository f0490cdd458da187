package ru.noko.campaigns.upload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.noko.methodology.MethodologyCatalogue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Headers of 40 000 characters shaped to make a backtracking pattern quadratic (a long run of the
 * characters a header may end with, then one that stops the match) are read in linear time, through
 * header normalization and through the CSV and JSON tables that map them. Linear work on these
 * inputs takes milliseconds; the quadratic header pattern took seconds for each one.
 */
class LongHeaderComplexityTest {

    private static final int LENGTH = 40_000;
    private static final Duration LIMIT = Duration.ofSeconds(1);

    /** Runs of closing marks and of opening ones, each followed by a character that defeats the end anchor. */
    static final List<String> SHAPES = List.of(
            ".".repeat(LENGTH) + "x",
            "*".repeat(LENGTH) + "x",
            "x" + ":".repeat(LENGTH) + "x",
            "»".repeat(LENGTH) + "x",
            "x" + "'".repeat(LENGTH) + "x",
            "x" + ".:*»'".repeat(LENGTH / 5) + "x",
            "«".repeat(LENGTH / 2) + "x" + "»".repeat(LENGTH / 2) + "x",
            "_ ".repeat(LENGTH / 2) + "k1");

    private final UploadFields fields = new UploadFields(MethodologyCatalogue.fromClasspath().defaultMethodology(),
            UploadFields.seedAliases());

    @TempDir
    Path dir;

    @Test
    void normalizingALongHeaderIsLinear() {
        for (String header : SHAPES) {
            String normalized = assertTimeoutPreemptively(LIMIT, () -> UploadFields.normalize(header), describe(header));
            assertNotNull(normalized);
        }
        assertEquals("к1", UploadFields.normalize(SHAPES.get(SHAPES.size() - 1)));
    }

    @Test
    void aCsvWithLongHeadersIsOpenedAndReadInLinearTime() throws IOException {
        for (String header : SHAPES) {
            Path file = dir.resolve("long.csv");
            Files.writeString(file, "ИНН;" + header + ";КПП\n5901001016;1;590101001\n", StandardCharsets.UTF_8);
            int rows = assertTimeoutPreemptively(LIMIT, () -> {
                try (CsvUploadTable table = new CsvUploadTable(file, fields)) {
                    int read = 0;
                    while (table.next() != null) {
                        read++;
                    }
                    assertEquals("inn", table.columns().get(0).field());
                    return read;
                }
            }, describe(header));
            assertEquals(1, rows);
        }
    }

    @Test
    void aJsonWithLongKeysIsReadInLinearTime() throws IOException {
        for (String header : SHAPES) {
            if (header.getBytes(StandardCharsets.UTF_8).length > 50_000) {
                continue; // the JSON parser itself refuses longer names
            }
            Path file = dir.resolve("long.json");
            Files.writeString(file, "[{\"inn\": \"5901001016\", \"" + header + "\": 1}]", StandardCharsets.UTF_8);
            UploadTable.SourceRow row = assertTimeoutPreemptively(LIMIT, () -> {
                try (JsonUploadTable table = new JsonUploadTable(file, fields)) {
                    return table.next();
                }
            }, describe(header));
            assertEquals("5901001016", row.get("inn"));
        }
    }

    private static String describe(String header) {
        return header.length() + " characters starting " + header.substring(0, 12);
    }
}
