package ru.noko.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.noko.support.AdminApiTestBase;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
        long id = admin.createCampaign("59", 2017, "НОКО (разогрев)", "school");
        String csv = "ИНН;КПП;Наименование;К1;К2;К3;К4;К5\n" + ROW + "\n";
        assertEquals("succeeded", admin.uploadAndWait(id, csv.getBytes(StandardCharsets.UTF_8), "text/csv", "dry_run=true")
                .get("status").asText());
        String json = "[{\"inn\": \"5901001016\", \"kpp\": \"590101001\", \"name\": \"Школа\", \"k1\": 1}]";
        admin.uploadAndWait(id, json.getBytes(StandardCharsets.UTF_8), "application/json", "dry_run=true");
    }

    @Test
    void csvWithLongAdversarialHeadersIsAnsweredQuickly() {
        long id = admin.createCampaign("59", 2017, "НОКО (тест длинных заголовков CSV)", "school");
        String csv = "ИНН;КПП;Наименование;К1;К2;К3;К4;К5;" + String.join(";", LONG_HEADERS) + "\n"
                + ROW + ";".repeat(LONG_HEADERS.size()) + "\n";
        long start = System.nanoTime();
        JsonNode job = admin.uploadAndWait(id, csv.getBytes(StandardCharsets.UTF_8), "text/csv", "dry_run=true");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals("succeeded", job.get("status").asText(), job.path("failure").asText());
        assertTrue(took.compareTo(QUICK) < 0, "took " + took);
        assertEquals(1, job.get("rows_processed").asInt());
    }

    @Test
    void jsonWithLongAdversarialKeysIsAnsweredQuickly() {
        long id = admin.createCampaign("59", 2017, "НОКО (тест длинных заголовков JSON)", "school");
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
    }
}
