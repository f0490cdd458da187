package ru.noko.methodology;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/methodology.md, the users' methodology reference, cannot drift from the catalogue the
 * service computes with: every criterion and every indicator is named there with its weight, and
 * every option of the choices.
 */
class MethodologyDocumentTest {

    private static final Path SEEDS = Path.of("data-seeds", "methodology");
    private static final Path DOCUMENT = Path.of("docs", "methodology.md");

    @Test
    void everyCriterionAndIndicatorIsNamedWithItsWeight() throws IOException {
        String document = Files.readString(DOCUMENT);
        List<CSVRecord> criteria = read("criteria.csv");
        List<CSVRecord> indicators = read("indicators.csv");
        assertEquals(14, indicators.size());
        for (CSVRecord criterion : criteria) {
            String row = criterion.get("methodology").equals("edu-2019")
                    ? "| " + criterion.get("code") + " | " + criterion.get("name_ru") + " | `" + criterion.get("field") + "` |"
                    : "| " + criterion.get("methodology") + " | " + criterion.get("code") + " | " + criterion.get("name_ru")
                            + " | `" + criterion.get("field") + "` | "
                            + (criterion.get("max_score").isEmpty() ? "100" : criterion.get("max_score")) + " |";
            assertTrue(document.contains(row), "criterion missing or changed: " + row);
        }
        for (CSVRecord indicator : indicators) {
            String row = "| " + indicator.get("code") + " | " + indicator.get("name_ru") + " | " + indicator.get("weight") + " |";
            assertTrue(document.contains(row), "indicator missing or changed: " + row);
        }
    }

    @Test
    void everyChoiceIsExplained() throws IOException {
        String document = Files.readString(DOCUMENT);
        for (CSVRecord choice : read("choices.csv")) {
            assertTrue(document.contains("**`" + choice.get("code") + "`**") && document.contains(choice.get("description")),
                    "choice missing or changed: " + choice.get("setting") + " " + choice.get("code"));
        }
    }

    @Test
    void theReadmeAndTheContractLinkToIt() throws IOException {
        assertTrue(Files.readString(Path.of("README.md")).contains("(docs/methodology.md)"));
        assertTrue(Files.readString(Path.of("api-spec", "openapi.yaml")).contains("docs/methodology.md"));
    }

    private static List<CSVRecord> read(String file) throws IOException {
        try (Reader in = Files.newBufferedReader(SEEDS.resolve(file), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
