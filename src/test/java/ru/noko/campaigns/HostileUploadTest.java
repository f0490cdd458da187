package ru.noko.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.noko.support.AdminApiTestBase;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uploads built to hurt the parser, over HTTP: they are answered quickly, with a bounded report. */
@MicronautTest(transactional = false)
class HostileUploadTest extends AdminApiTestBase {

    private static final int LENGTH = 40_000;
    /** Long runs of the marks a header may end with, each followed by a character that defeats the end anchor. */
    private static final List<String> LONG_HEADERS = List.of(".".repeat(LENGTH) + "x", "*".repeat(LENGTH) + "x",
            "x" + ":".repeat(LENGTH) + "x", "»".repeat(LENGTH) + "x", "x" + "'".repeat(LENGTH) + "x");
    /** Generous: milliseconds of work when linear, the quadratic header pattern took seconds per header. */
    private static final Duration QUICK = Duration.ofSeconds(3);
    private static final String ROW = "5901001016;590101001;Школа;1;2;3;4;5";

    /** One ordinary upload first, so that the timed ones do not pay for the service's first upload. */
    @BeforeAll
    void warmUp() {
        long id = admin.createCampaign("59", 2047, "НОКО (разогрев)", "school");
        String csv = "ИНН;КПП;Наименование;К1;К2;К3;К4;К5\n" + ROW + "\n";
        assertEquals("succeeded", admin.uploadAndWait(id, csv.getBytes(StandardCharsets.UTF_8), "text/csv", "dry_run=true")
                .get("status").asText());
        String json = "[{\"inn\": \"5901001016\", \"kpp\": \"590101001\", \"name\": \"Школа\", \"k1\": 1}]";
        admin.uploadAndWait(id, json.getBytes(StandardCharsets.UTF_8), "application/json", "dry_run=true");
    }

    @Test
    void csvWithLongAdversarialHeadersIsAnsweredQuickly() {
        long id = admin.createCampaign("59", 2047, "НОКО (тест длинных заголовков CSV)", "school");
        String csv = "ИНН;КПП;Наименование;К1;К2;К3;К4;К5;" + String.join(";", LONG_HEADERS) + "\n"
                + ROW + ";".repeat(LONG_HEADERS.size()) + "\n";
        long start = System.nanoTime();
        JsonNode job = admin.uploadAndWait(id, csv.getBytes(StandardCharsets.UTF_8), "text/csv", "dry_run=true");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals("succeeded", job.get("status").asText(), job.path("failure").asText());
        assertTrue(took.compareTo(QUICK) < 0, "took " + took);
        assertEquals(1, job.get("rows_processed").asInt());
        // each long header is one error naming its column, quoted as an excerpt; the column list is bounded too
        List<JsonNode> tooLong = new ArrayList<>();
        job.get("errors").forEach(e -> {
            if ("header_too_long".equals(e.get("code").asText())) {
                tooLong.add(e);
            }
        });
        assertEquals(LONG_HEADERS.size(), tooLong.size(), job.get("errors").toString());
        for (int i = 0; i < tooLong.size(); i++) {
            assertEquals(LONG_HEADERS.get(i).substring(0, 200) + "…", tooLong.get(i).get("value").asText());
            assertTrue(tooLong.get(i).get("message").asText().contains("№ " + (9 + i)), tooLong.get(i).toString());
        }
        job.get("detected").get("columns").forEach(c -> assertTrue(c.get("header").asText().length() <= 201, c.toString()));
        assertTrue(job.toString().length() < 20_000, "the whole job quotes no long header in full: " + job.toString().length());
    }

    @Test
    void jsonWithLongAdversarialKeysIsAnsweredQuickly() {
        long id = admin.createCampaign("59", 2047, "НОКО (тест длинных заголовков JSON)", "school");
        StringBuilder json = new StringBuilder("[{\"inn\": \"5901001016\", \"kpp\": \"590101001\", \"name\": \"Школа\","
                + " \"k1\": 1, \"k2\": 2, \"k3\": 3, \"k4\": 4, \"k5\": 5");
        LONG_HEADERS.stream().filter(key -> key.getBytes(StandardCharsets.UTF_8).length < 50_000) // the JSON parser's own limit
                .forEach(key -> json.append(", \"").append(key).append("\": 1"));
        json.append("}]");
        long start = System.nanoTime();
        JsonNode job = admin.uploadAndWait(id, json.toString().getBytes(StandardCharsets.UTF_8), "application/json",
                "dry_run=true");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals("succeeded", job.get("status").asText(), job.path("failure").asText());
        assertTrue(took.compareTo(QUICK) < 0, "took " + took);
        assertEquals(1, job.get("rows_processed").asInt());
        assertTrue(job.toString().length() < 20_000, "the whole job quotes no long key in full: " + job.toString().length());
    }

    @Test
    void theReportListsTheFirst5000ProblemsCountsTheRestAndQuotesValuesAsExcerpts() {
        long id = admin.createCampaign("59", 2046, "НОКО (тест длинного отчёта)", "school");
        String huge = "9".repeat(50_000) + "x";
        StringBuilder csv = new StringBuilder("ИНН;КПП;Наименование;К1;К2;К3;К4;К5\n");
        csv.append("5901001016;590101001;Школа;").append(huge).append(";2;3;4;5\n");
        for (int i = 0; i < 5_200; i++) {
            csv.append("5901001016;590101001;Школа;x;2;3;4;5\n");
        }
        JsonNode job = admin.uploadAndWait(id, csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv", "dry_run=true");
        assertEquals("succeeded", job.get("status").asText(), job.path("failure").asText());
        int count = job.get("errors_count").asInt();
        assertTrue(count > 5_000, "counted exactly, beyond what is listed: " + count);
        assertEquals(5_000, job.get("errors").size());
        assertEquals(count - 5_000, job.get("errors_omitted").asInt());
        assertEquals(0, job.get("warnings_omitted").asInt());
        JsonNode first = job.get("errors").get(0);
        assertEquals("not_a_number", first.get("code").asText(), first.toString());
        assertEquals(huge.substring(0, 200) + "…", first.get("value").asText());
        assertTrue(first.get("message").asText().length() < 400, first.get("message").asText());

        JsonNode polled = admin.waitFor(job.get("id").asLong());
        assertEquals(count - 5_000, polled.get("errors_omitted").asInt(), "the job's own URL says the same");
        assertEquals(5_000, polled.get("errors").size());
    }

    @Test
    void aCsvWithTooManyColumnsIsRefusedWithOneErrorAndNoRowRead() {
        long id = admin.createCampaign("59", 2046, "НОКО (тест числа столбцов)", "school");
        StringBuilder header = new StringBuilder("ИНН;КПП;Наименование;К1;К2;К3;К4;К5");
        StringBuilder row = new StringBuilder(ROW);
        for (int i = 1; i <= 592; i++) {
            header.append(";Столбец ").append(i);
            row.append(";x");
        }
        String csv = header + "\n" + (row + "\n").repeat(3);
        JsonNode job = admin.uploadAndWait(id, csv.getBytes(StandardCharsets.UTF_8), "text/csv", null);
        assertEquals("succeeded", job.get("status").asText(), job.path("failure").asText());
        assertEquals(1, job.get("errors_count").asInt(), job.get("errors").toString());
        JsonNode error = job.get("errors").get(0);
        assertEquals("too_many_columns", error.get("code").asText());
        assertTrue(error.get("message").asText().contains("600"), error.toString());
        assertEquals(0, job.get("warnings_count").asInt());
        assertEquals(0, job.get("rows_processed").asInt(), "no row is read");
        assertEquals(500, job.get("detected").get("columns").size());
        assertEquals(422, admin.publish(id).code(), "a refused file cannot be published");
    }

    @Test
    void aCsvThatIsNotCsvFailsWithAReasonInsteadOfAnInternalError() {
        long id = admin.createCampaign("59", 2046, "НОКО (тест незакрытой кавычки)", "school");
        String csv = "ИНН;КПП;Наименование;К1;К2;К3;К4;К5\n" + ROW + "\n5901001023;590101001;\"Школа \"№ 2\";1;2;3;4;5\n";
        JsonNode job = admin.uploadAndWait(id, csv.getBytes(StandardCharsets.UTF_8), "text/csv", "dry_run=true");
        assertEquals("failed", job.get("status").asText());
        String failure = job.get("failure").asText();
        assertTrue(failure.contains("строке 3") && failure.contains("кавычк"), failure);
    }
}
