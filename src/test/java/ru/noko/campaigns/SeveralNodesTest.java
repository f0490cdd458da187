package ru.noko.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import ru.noko.support.Admin;
import ru.noko.support.Api;
import ru.noko.support.Json;
import ru.noko.support.NationalFile;
import ru.noko.support.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two service nodes on one database, as a national deployment runs them: a publish on one is seen
 * by the other at once (PostgreSQL LISTEN/NOTIFY) under the same ETag; an answer is read from one
 * snapshot, so it never mixes revisions, even when a publish commits in the middle of it; a node's
 * start leaves another live node's running import alone; two uploads to one campaign through the
 * two nodes at once are never both accepted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralNodesTest {

    private static final Duration LEASE = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private Map<String, String> database;
    private EmbeddedServer nodeA;
    private EmbeddedServer nodeB;
    private HttpClient clientA;
    private HttpClient clientB;
    private Api apiA;
    private Api apiB;
    private Admin adminA;
    private Admin adminB;
    private Path spoolA;
    private Path spoolB;

    @BeforeAll
    void startTwoNodes() {
        database = TestDatabase.isolatedProperties("several_nodes");
        spoolA = Path.of("target", "test-spool", UUID.randomUUID().toString()).toAbsolutePath();
        spoolB = Path.of("target", "test-spool", UUID.randomUUID().toString()).toAbsolutePath();
        nodeA = start(spoolA);     // first alone: it migrates and seeds the empty database
        clientA = HttpClient.create(nodeA.getURL());
        apiA = new Api(clientA);
        adminA = new Admin(apiA, Admin.BOOTSTRAP_TOKEN);
        startB();
    }

    @AfterAll
    void stopNodes() {
        for (AutoCloseable closeable : new AutoCloseable[]{clientA, clientB, nodeA, nodeB}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // the next one is closed all the same
            }
        }
    }

    @Test
    void aPublishOnOneNodeIsServedByTheOtherWithinASecondUnderTheSameEtag() throws Exception {
        long id = adminA.createCampaign("59", 2061, "НОКО (тест двух узлов)", "preschool");
        assertEquals("succeeded", adminA.uploadAndWait(id, Admin.fixture("raw-inputs-utf8-bom.csv"), "text/csv", null)
                .get("status").asText());
        String url = "/api/v1/campaigns?region=59&year=2061";
        HttpResponse<String> before = apiB.get(url);
        assertEquals(200, before.code(), before.body());
        assertTrue(Json.parse(before.body()).get("data").isEmpty());
        assertEquals(before.header("ETag"), apiB.get(url).header("ETag"), "B keeps the answer cached");

        assertEquals(200, adminA.publish(id).code());
        Instant published = Instant.now();
        HttpResponse<String> seen = apiB.get(url);
        while (Json.parse(seen.body()).get("data").isEmpty() && Instant.now().isBefore(published.plusSeconds(1))) {
            Thread.sleep(5);
            seen = apiB.get(url);
        }
        assertFalse(Json.parse(seen.body()).get("data").isEmpty(), "node B did not serve the publish within a second");
        assertEquals(apiA.get(url).header("ETag"), seen.header("ETag"), "one data version, one ETag, on every node");
        assertNotEquals(before.header("ETag"), seen.header("ETag"));
    }

    /**
     * A read on node B is held after it has looked up the campaign and before it reads the rows; a
     * correction is published on node A meanwhile, and B hears of it. The held answer is still
     * wholly the old revision, under the old version's ETag; the next is wholly the new one.
     */
    @Test
    void anAnswerReadDuringACorrectionIsWhollyOneRevision() throws Exception {
        long id = adminA.createCampaign("59", 2062, "НОКО (тест чтения во время исправления)", "preschool");
        byte[] three = Admin.fixture("raw-inputs-utf8-bom.csv");
        assertEquals("succeeded", adminA.uploadAndWait(id, three, "text/csv", null).get("status").asText());
        assertEquals(200, adminA.publish(id).code());
        String[] lines = new String(three, StandardCharsets.UTF_8).split("\n");
        byte[] two = String.join("\n", lines[0], lines[1], lines[2]).concat("\n").getBytes(StandardCharsets.UTF_8);
        assertEquals("succeeded", adminA.uploadAndWait(id, two, "text/csv", null).get("status").asText());
        long oldVersion = version();

        String url = "/api/v1/ratings?region=59&year=2062&type=preschool";
        HeldResultPages.Hold hold = new HeldResultPages.Hold();
        HeldResultPages.NEXT.set(hold);
        CompletableFuture<HttpResponse<String>> held = CompletableFuture.supplyAsync(() -> apiB.get(url));
        try {
            assertTrue(hold.reached().await(60, TimeUnit.SECONDS), "the read did not reach its pause point");
            assertEquals(200, adminA.publish(id).code());
            long newVersion = version();
            waitUntil(Duration.ofSeconds(5), () -> Json.parse(apiB.get("/api/v1/campaigns/" + id).body())
                    .get("revision").asInt() == 2, "node B did not hear of the correction");
            assertTrue(newVersion > oldVersion);
        } finally {
            hold.release().countDown();
        }
        HttpResponse<String> during = held.get(60, TimeUnit.SECONDS);
        assertEquals(200, during.code(), during.body());
        assertEquals("1/3/3/3", revisionAndCounts(during));
        assertEquals(String.valueOf(oldVersion), etagVersion(during), "the old data under the old version's ETag");

        HttpResponse<String> after = apiB.get(url);
        assertEquals("2/2/2/2", revisionAndCounts(after));
        assertEquals(String.valueOf(version()), etagVersion(after));
        assertEquals(apiA.get(url).header("ETag"), after.header("ETag"));
    }

    /**
     * Node A's import is held mid-run (a trigger waits for an advisory lock this test holds, as the
     * import writes its first rows into staging); node B restarts and keeps sweeping for abandoned
     * jobs for twice the lease. A's job keeps running, then finishes, its {@code finished_at} when it did.
     */
    @Test
    void aNodesStartLeavesAnotherNodesRunningImportAlone() throws Exception {
        Path big = NationalFile.write(dir.resolve("big.csv"), 5_000, "43", "33");
        long id = adminA.createCampaign("43", 2063, "НОКО Кировской области (тест двух узлов)");
        long lock = 7_420_021L;
        try (Connection holder = connect(); Statement statement = holder.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + lock + ")");
            statement.execute("""
                    CREATE OR REPLACE FUNCTION noko_test_hold_import() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN PERFORM pg_advisory_lock(%d); PERFORM pg_advisory_unlock(%d); RETURN NEW; END $$"""
                    .formatted(lock, lock));
            // held as it writes its first rows into staging (its transaction open, its job row free to renew)
            statement.execute("CREATE TRIGGER hold_import BEFORE INSERT ON staged_result FOR EACH STATEMENT"
                    + " EXECUTE FUNCTION noko_test_hold_import()");
            long job;
            Timestamp released;
            try {
                HttpResponse<String> accepted = adminA.upload(id, Files.readAllBytes(big), "text/csv", "level=raw_inputs");
                assertEquals(202, accepted.code(), accepted.body());
                job = Json.parse(accepted.body()).get("id").asLong();
                waitUntil(Duration.ofSeconds(120), () -> heldImports() > 0, "the import did not get to staging its rows");
                assertEquals("running", text("SELECT status FROM import_job WHERE id = " + job));

                nodeB.close();
                clientB.close();
                startB();
                Timestamp restarted = timestamp("SELECT clock_timestamp()");
                assertEquals("running", text("SELECT status FROM import_job WHERE id = " + job), "B's start failed A's job");
                waitUntil(Duration.ofSeconds(30), () -> count("SELECT count(*) FROM import_job WHERE id = " + job
                        + " AND heartbeat_at > '" + restarted + "'::timestamp + interval '" + 2 * LEASE.toSeconds() + " seconds'") == 1,
                        "node A did not renew its job's lease");
                assertEquals("running", text("SELECT status FROM import_job WHERE id = " + job),
                        "a live node's job was failed while B swept for abandoned ones");
                released = timestamp("SELECT clock_timestamp()");
            } finally {
                statement.execute("SELECT pg_advisory_unlock(" + lock + ")");
            }
            JsonNode finished = adminA.waitFor(job);
            statement.execute("DROP TRIGGER hold_import ON staged_result");
            assertEquals("succeeded", finished.get("status").asText(), finished.toString());
            assertTrue(finished.get("failure") == null || finished.get("failure").isNull(), finished.toString());
            assertTrue(!timestamp("SELECT finished_at FROM import_job WHERE id = " + job).before(released),
                    "finished_at is when the job finished, not when its transaction began");
        }
    }

    /** A job of a node that is gone (its lease long run out) is failed by the live nodes, and stays failed. */
    @Test
    void aGoneNodesJobIsFailedAndNeverTurnsSucceeded() throws Exception {
        long id = adminA.createCampaign("59", 2064, "НОКО (тест узла, которого нет)", "preschool");
        long job = count("INSERT INTO import_job (campaign_id, status, node, heartbeat_at, started_at) VALUES (" + id
                + ", 'running', 'gone', clock_timestamp() - interval '1 hour', clock_timestamp() - interval '1 hour') RETURNING id");
        waitUntil(Duration.ofSeconds(30), () -> "failed".equals(text("SELECT status FROM import_job WHERE id = " + job)),
                "the gone node's job was not failed");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () ->
                    statement.executeUpdate("UPDATE import_job SET status = 'succeeded' WHERE id = " + job));
            assertTrue(refused.getMessage().contains("already ended"), refused.getMessage());
        }
        assertEquals("succeeded", adminB.uploadAndWait(id, Admin.fixture("raw-inputs-utf8-bom.csv"), "text/csv", null)
                .get("status").asText(), "the campaign takes uploads again");
    }

    @Test
    void twoUploadsToOneCampaignThroughTwoNodesAtOnceAreNeverBothAccepted() throws Exception {
        byte[] body = Admin.fixture("raw-inputs-utf8-bom.csv");
        List<Long> campaigns = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long lock = 7_420_022L;
        // each try's accepted job is held as it stages its rows until both answers are in, so the
        // two uploads always overlap, however fast the machine imports three rows
        try (Connection holder = connect(); Statement hold = holder.createStatement()) {
            hold.execute("""
                    CREATE OR REPLACE FUNCTION noko_test_hold_staging() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN PERFORM pg_advisory_lock(%d); PERFORM pg_advisory_unlock(%d); RETURN NEW; END $$"""
                    .formatted(lock, lock));
            hold.execute("CREATE TRIGGER hold_staging BEFORE INSERT ON staged_result FOR EACH STATEMENT"
                    + " EXECUTE FUNCTION noko_test_hold_staging()");
            try {
                for (int i = 0; i < 20; i++) {
                    hold.execute("SELECT pg_advisory_lock(" + lock + ")");
                    List<Integer> codes;
                    try {
                        long id = adminA.createCampaign("59", 2070 + i, "НОКО (тест одновременных загрузок " + i + ")", "preschool");
                        campaigns.add(id);
                        codes = uploadAtOnce(pool, id, body);
                    } finally {
                        hold.execute("SELECT pg_advisory_unlock(" + lock + ")");
                    }
                    assertEquals(1, codes.stream().filter(c -> c == 200 || c == 202).count(), "try " + i + ": " + codes);
                    assertEquals(1, codes.stream().filter(c -> c == 409).count(), "try " + i + ": " + codes);
                }
            } finally {
                hold.execute("DROP TRIGGER hold_staging ON staged_result");
            }
        } finally {
            pool.shutdownNow();
        }
        String ids = campaigns.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        waitUntil(Duration.ofSeconds(120), () -> count("SELECT count(*) FROM import_job WHERE campaign_id IN (" + ids
                + ") AND status IN ('queued', 'running')") == 0, "the accepted jobs did not finish");
        assertEquals(20, count("SELECT count(*) FROM import_job WHERE campaign_id IN (" + ids + ") AND status = 'succeeded'"));
        assertEquals(20, count("SELECT count(*) FROM import_job WHERE campaign_id IN (" + ids + ")"), "one job per campaign");
        assertEquals(60, count("SELECT count(*) FROM staged_result s JOIN import_job j ON j.id = s.job_id WHERE j.campaign_id IN ("
                + ids + ")"), "every accepted upload keeps its staged rows");
        waitUntil(Duration.ofSeconds(30), () -> spooled(spoolA).isEmpty() && spooled(spoolB).isEmpty(),
                "upload files left in the spool directories: " + spooled(spoolA) + " " + spooled(spoolB));
    }

    /** The same upload through node A and node B, let go at once; their status codes. */
    private List<Integer> uploadAtOnce(ExecutorService pool, long id, byte[] body) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (Admin admin : List.of(adminA, adminB)) {
            answers.add(pool.submit(() -> {
                barrier.await(30, TimeUnit.SECONDS);
                return admin.upload(id, body, "text/csv", null);
            }));
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            codes.add(answer.get(60, TimeUnit.SECONDS).code());
        }
        return codes;
    }

    private void startB() {
        nodeB = start(spoolB);
        clientB = HttpClient.create(nodeB.getURL());
        apiB = new Api(clientB);
        adminB = new Admin(apiB, Admin.BOOTSTRAP_TOKEN);
    }

    private EmbeddedServer start(Path spool) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("micronaut.server.port", "-1");
        properties.put("noko.bootstrap-admin-token", Admin.BOOTSTRAP_TOKEN);
        properties.put("noko.demo-data", "false");
        properties.put("noko.import.wait-for-result", "0s");
        properties.put("noko.import.spool-dir", spool.toString());
        properties.put("noko.import.lease", LEASE.toMillis() + "ms");
        properties.put("noko.import.heartbeat", "200ms");
        properties.put("noko.test.hold-result-pages", "true");
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    /** "revision/organizations_count/meta.total/rows": one revision's answer has them agree. */
    private static String revisionAndCounts(HttpResponse<String> response) {
        JsonNode body = Json.parse(response.body());
        return body.get("campaign").get("revision").asInt() + "/" + body.get("campaign").get("organizations_count").asInt()
                + "/" + body.get("meta").get("total").asInt() + "/" + body.get("data").size();
    }

    private static String etagVersion(HttpResponse<String> response) {
        String etag = response.header("ETag");
        return etag.substring(1, etag.indexOf('-'));
    }

    private static List<Path> spooled(Path spool) {
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Backends of the service waiting at a test's pause point. */
    private long heldImports() {
        return count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'"
                + " AND query NOT LIKE '%pg_stat_activity%'");
    }

    private long version() {
        return count("SELECT version FROM data_version WHERE id = 1");
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.get("datasources.default.url"),
                database.get("datasources.default.username"), database.get("datasources.default.password"));
    }

    private long count(String query) {
        return (Long) one(query);
    }

    private String text(String query) {
        return (String) one(query);
    }

    private Timestamp timestamp(String query) {
        return (Timestamp) one(query);
    }

    private Object one(String query) {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(query)) {
            assertTrue(row.next(), query);
            Object value = row.getObject(1);
            return value instanceof Number number && !(value instanceof Long) ? number.longValue() : value;
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }

    private static void waitUntil(Duration timeout, BooleanSupplier condition, String message) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), message);
            Thread.sleep(20);
        }
    }

}
