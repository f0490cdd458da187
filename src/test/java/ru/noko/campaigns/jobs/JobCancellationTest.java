package ru.noko.campaigns.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.noko.platform.database.Sql;
import ru.noko.support.Admin;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.Json;
import ru.noko.support.NationalFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /api/v1/admin/jobs/{id}/cancel}: the job's work stops, nothing of it is staged, the
 * campaign takes a new upload, the cancel is audited; operators cancel only in their regions. One
 * import thread, so a second upload waits in the queue while the first is held.
 */
@MicronautTest(transactional = false)
class JobCancellationTest extends AdminApiTestBase {

    /**
     * Held at 2 048 rows, the reader thread still has rows to read after filling its queue of
     * batches, so the cancel also stops a reader that is waiting to hand over more.
     */
    private static final int BIG_FILE_ROWS = 10_000;

    @TempDir
    static Path files;

    @Inject
    Uploads uploads;

    @Inject
    SpoolDirectory spool;

    @Inject
    Sql sql;

    private static byte[] big;
    private static byte[] small;

    @Override
    public Map<String, String> getProperties() {
        return with(with(super.getProperties(), "noko.import.threads", "1"), "noko.import.wait-for-result", "0s");
    }

    @BeforeAll
    static void generateFiles() throws Exception {
        big = generate("big.csv", BIG_FILE_ROWS);
        small = generate("small.csv", 30);
    }

    @AfterEach
    void noProbe() {
        uploads.probe(ImportProbe.NONE);
    }

    @Test
    void adminCancelsARunningImportWhoseWorkStopsAndWhoseCampaignTakesANewUpload() throws Exception {
        long campaign = admin.createCampaign("43", 2031, "НОКО Кировской области (тест отмены)");
        Pause pause = new Pause(2048);
        uploads.probe(pause);
        try {
            HttpResponse<String> accepted = admin.upload(campaign, big, "text/csv", "level=raw_inputs");
            assertEquals(202, accepted.code(), accepted.body());
            long job = Json.parse(accepted.body()).get("id").asLong();
            assertEquals(job, pause.awaitHeld(Duration.ofMinutes(2)));
            JsonNode running = job(job);
            assertEquals("running", running.get("status").asText());
            assertTrue(running.get("rows_processed").asInt() >= 1000, "the import is under way: " + running);

            HttpResponse<String> cancelled = cancel(admin, job);
            assertEquals(200, cancelled.code(), cancelled.body());
            JsonNode answer = Json.parse(cancelled.body());
            assertEquals("cancelled", answer.get("status").asText());
            assertEquals(JobCancellation.REASON, answer.get("failure").asText());
            assertTrue(answer.hasNonNull("finished_at"));

            assertFalse(uploads.working(job), "the worker has let go of the job");
            assertEquals(0, pause.batchesAfterHold(), "not one more batch of rows was read");
            JsonNode after = job(job);
            assertEquals("cancelled", after.get("status").asText(), "the stopping worker did not overwrite the status");
            assertTrue(after.get("rows_processed").asInt() < BIG_FILE_ROWS, after.toString());
            assertEquals(0L, sql.count("SELECT count(*) FROM staged_result WHERE job_id = ?", List.of(job)));
            assertEquals(List.of(), spooled(), "the job's spool file is deleted");
            assertEquals(1L, sql.count("""
                    SELECT count(*) FROM audit_log WHERE action = 'import.cancel' AND target = ?
                      AND (details ->> 'job_id')::bigint = ?""", List.of("campaign/" + campaign, job)));

            HttpResponse<String> again = cancel(admin, job);
            assertEquals(409, again.code(), again.body());
            assertTrue(again.getContentType().orElseThrow().toString().startsWith("application/problem+json"));
            assertEquals(409, admin.publish(campaign).code(), "a cancelled upload cannot be published");
        } finally {
            pause.release();
        }

        JsonNode next = admin.uploadAndWait(campaign, small, "text/csv", "level=raw_inputs");
        assertEquals("succeeded", next.get("status").asText(), next.toString());
        assertEquals(0, next.get("errors_count").asInt(), next.toString());
        assertEquals(200, admin.publish(campaign).code());
    }

    @Test
    void operatorsCancelOnlyJobsOfCampaignsInTheirRegionsAndAQueuedJobNeverRuns() throws Exception {
        Admin kirov = admin.as(token("Киров — оператор (тест отмены)", "43"));
        Admin perm = admin.as(token("Пермь — оператор (тест отмены)", "59"));
        long first = admin.createCampaign("43", 2032, "НОКО Кировской области (тест отмены, 1)");
        long second = admin.createCampaign("43", 2033, "НОКО Кировской области (тест отмены, 2)");
        Pause pause = new Pause(0);
        uploads.probe(pause);
        long held;
        long queued;
        try {
            held = Json.parse(admin.upload(first, small, "text/csv", "level=raw_inputs").body()).get("id").asLong();
            assertEquals(held, pause.awaitHeld(Duration.ofMinutes(1)));
            HttpResponse<String> waiting = admin.upload(second, small, "text/csv", "level=raw_inputs");
            assertEquals(202, waiting.code(), waiting.body());
            queued = Json.parse(waiting.body()).get("id").asLong();
            assertEquals("queued", job(queued).get("status").asText(), "one import thread, and it is held");
            assertEquals(2, spooled().size());

            assertNotFound(cancel(perm, queued));
            assertNotFound(cancel(perm, held));
            assertNotFound(cancel(kirov, 987_654_321L));
            assertEquals("queued", job(queued).get("status").asText(), "a refused cancel changes nothing");

            HttpResponse<String> cancelled = cancel(kirov, queued);
            assertEquals(200, cancelled.code(), cancelled.body());
            assertEquals("cancelled", Json.parse(cancelled.body()).get("status").asText());
            assertEquals(1, spooled().size(), "the queued job's file is deleted at once");
        } finally {
            pause.release();
        }
        assertEquals("succeeded", admin.waitFor(held).get("status").asText());
        assertFalse(pause.saw(queued), "the cancelled job never ran");
        assertEquals("cancelled", job(queued).get("status").asText());

        JsonNode next = kirov.uploadAndWait(second, small, "text/csv", "level=raw_inputs");
        assertEquals("succeeded", next.get("status").asText(), next.toString());
    }

    private JsonNode job(long id) {
        HttpResponse<String> response = admin.call(HttpRequest.GET("/api/v1/admin/jobs/" + id));
        assertEquals(200, response.code(), response.body());
        return Json.parse(response.body());
    }

    private static HttpResponse<String> cancel(Admin caller, long job) {
        return caller.call(HttpRequest.POST("/api/v1/admin/jobs/" + job + "/cancel", ""));
    }

    private static void assertNotFound(HttpResponse<String> response) {
        assertEquals(404, response.code(), response.body());
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("application/problem+json"));
    }

    private String token(String name, String region) {
        HttpResponse<String> response = admin.call(HttpRequest.POST("/api/v1/admin/tokens",
                "{\"name\": \"" + name + "\", \"role\": \"operator\", \"regions\": [\"" + region + "\"]}")
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, response.code(), response.body());
        return Json.parse(response.body()).get("secret").asText();
    }

    private List<Path> spooled() {
        return SpoolFiles.in(spool);
    }

    /** A raw-inputs file for a Kirov region campaign (ИНН 41…, apart from other tests) from the benchmark's generator. */
    private static byte[] generate(String name, int rows) throws Exception {
        return Files.readAllBytes(NationalFile.write(files.resolve(name), rows, "41", "33"));
    }
}
