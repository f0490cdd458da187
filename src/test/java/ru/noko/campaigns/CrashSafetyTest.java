package ru.noko.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.noko.support.Admin;
import ru.noko.support.Json;
import ru.noko.support.NationalFile;
import ru.noko.support.TestDatabase;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a real service process (SIGKILL, no shutdown hooks) in the middle of an import and in the
 * middle of a publish, then restarts the service on the same database.
 * <p>
 * What it proves: the import's staging and the publish each live in one database transaction that
 * dies with the process's connections, so no partial campaign, revision, result or organization
 * is left; after the restart the interrupted job is shown as failed, the interrupted publish can
 * simply be repeated, and data published before the crash is byte-for-byte unchanged.
 * What it does not prove: behaviour when PostgreSQL itself crashes (the unlogged staging table
 * is then emptied, which publishing detects and reports as "upload again").
 */
class CrashSafetyTest {

    private static final String TOKEN = Admin.BOOTSTRAP_TOKEN;
    /** Past the import's pause point at 2 000 rows; what is proved does not depend on the size. */
    private static final int BIG_FILE_ROWS = 5_000;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void killingTheServiceDuringAnImportOrAPublishLeavesNoPartialCampaign() throws Exception {
        Map<String, String> database = TestDatabase.isolatedProperties("crash_safety");
        Path small = generate("small.csv", 50, "43", "33");
        Path big = generate("big.csv", BIG_FILE_ROWS, "42", "33");

        // before the crash: a published campaign whose data must survive untouched
        long protectedCampaign;
        String protectedSnapshot;
        long demoResults;
        try (EmbeddedServer service = start(database)) {
            String base = service.getURL().toString();
            protectedCampaign = createCampaign(base, 2019);
            assertEquals("succeeded", waitForJob(base, upload(base, protectedCampaign, small)).get("status").asText());
            assertEquals(200, post(base, "/api/v1/admin/campaigns/" + protectedCampaign + "/publish", "{}").statusCode());
            protectedSnapshot = snapshot(database, protectedCampaign);
            demoResults = count(database, "SELECT count(*) FROM result r JOIN campaign c ON c.id = r.campaign_id WHERE c.demo");
        }

        // 1. kill the service while it imports a large file: the import is held, whatever the
        //    machine's speed, at its first progress report past 2 000 rows (its staging transaction open)
        long importCampaign;
        long importJob;
        Process child = startChild(database);
        try (PausePoint pause = PausePoint.hold(database)) {
            String base = childBase();
            importCampaign = createCampaign(base, 2020);
            pause.before("UPDATE ON import_job FOR EACH ROW WHEN (NEW.campaign_id = " + importCampaign
                    + " AND NEW.rows_processed >= 2000)");
            JsonNode accepted = upload(base, importCampaign, big);
            importJob = accepted.get("id").asLong();
            waitUntil(Duration.ofSeconds(120), pause::reached, "the import did not get to 2 000 rows");
            assertEquals("running", text(database, "SELECT status FROM import_job WHERE id = " + importJob));
            kill(child);
        } finally {
            kill(child);
        }
        waitUntil(Duration.ofSeconds(30), () -> count(database,
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'noko-crash-child'") == 0,
                "PostgreSQL still holds the dead service's connections");
        assertEquals("running", text(database, "SELECT status FROM import_job WHERE id = " + importJob),
                "nobody has looked at the job yet");
        assertEquals(0, count(database, "SELECT count(*) FROM staged_result WHERE job_id = " + importJob));
        assertEquals(0, count(database, "SELECT count(*) FROM campaign_revision WHERE campaign_id = " + importCampaign));
        assertEquals(0, count(database, "SELECT count(*) FROM result WHERE campaign_id = " + importCampaign));
        assertEquals(0, count(database, "SELECT count(*) FROM organization WHERE inn LIKE '42%'"));
        assertEquals("draft", text(database, "SELECT status FROM campaign WHERE id = " + importCampaign));

        // 2. restart: the job shows as failed, nothing can be published from it, published data is intact;
        //    then stage the large file properly for the next crash
        long publishCampaign;
        try (EmbeddedServer service = start(database)) {
            String base = service.getURL().toString();
            // the dead node's lease runs out (1 s here) and the live node marks its job failed
            waitUntil(Duration.ofSeconds(30), () -> "failed".equals(text(database, "SELECT status FROM import_job WHERE id = "
                    + importJob)), "the dead node's job was not marked failed");
            JsonNode job = Json.parse(get(base, "/api/v1/admin/jobs/" + importJob).body());
            assertEquals("failed", job.get("status").asText());
            assertTrue(job.get("failure").asText().contains("перезапуск"), job.toString());
            assertEquals(409, post(base, "/api/v1/admin/campaigns/" + importCampaign + "/publish", "{}").statusCode());
            assertEquals(protectedSnapshot, snapshot(database, protectedCampaign));

            publishCampaign = createCampaign(base, 2021);
            JsonNode staged = waitForJob(base, upload(base, publishCampaign, big));
            assertEquals("succeeded", staged.get("status").asText(), staged.toString());
            assertEquals(BIG_FILE_ROWS, staged.get("organizations").asInt());
        }

        // 3. kill the service while it publishes that upload: held as it starts writing results,
        //    after the revision and the new organizations are written in its transaction
        child = startChild(database);
        try (PausePoint pause = PausePoint.hold(database)) {
            String base = childBase();
            pause.before("INSERT ON result FOR EACH STATEMENT");
            http.sendAsync(request(base, "/api/v1/admin/campaigns/" + publishCampaign + "/publish")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            waitUntil(Duration.ofSeconds(60), pause::reached, "the publish did not get to writing results");
            kill(child);
        } finally {
            kill(child);
        }
        waitUntil(Duration.ofSeconds(30), () -> count(database,
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'noko-crash-child'") == 0,
                "PostgreSQL still holds the dead service's connections");
        assertEquals("draft", text(database, "SELECT status FROM campaign WHERE id = " + publishCampaign));
        assertEquals(0, count(database, "SELECT count(*) FROM campaign_revision WHERE campaign_id = " + publishCampaign));
        assertEquals(0, count(database, "SELECT count(*) FROM result WHERE campaign_id = " + publishCampaign));
        assertEquals(0, count(database, "SELECT count(*) FROM organization WHERE inn LIKE '42%'"), "no organization half-created");

        // 4. restart again: the upload is still staged and publishes; everything published before is intact
        try (EmbeddedServer service = start(database)) {
            String base = service.getURL().toString();
            HttpResponse<String> published = post(base, "/api/v1/admin/campaigns/" + publishCampaign + "/publish", "{}");
            assertEquals(200, published.statusCode(), published.body());
            assertEquals(BIG_FILE_ROWS, count(database, "SELECT count(*) FROM result WHERE campaign_id = " + publishCampaign));
            assertEquals(protectedSnapshot, snapshot(database, protectedCampaign));
            assertEquals(demoResults, count(database,
                    "SELECT count(*) FROM result r JOIN campaign c ON c.id = r.campaign_id WHERE c.demo"));
        }
    }

    private EmbeddedServer start(Map<String, String> database) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("micronaut.server.port", "-1");
        properties.put("noko.bootstrap-admin-token", TOKEN);
        properties.put("noko.import.wait-for-result", "0s");
        properties.put("noko.import.lease", "1s");
        properties.put("noko.import.heartbeat", "200ms");
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private Path childLog;

    /** A service in a process of its own, on a port it binds itself; returns once it is healthy. */
    private Process startChild(Map<String, String> database) throws IOException, InterruptedException {
        String url = database.get("datasources.default.url");
        url = url + (url.contains("?") ? "&" : "?") + "ApplicationName=noko-crash-child";
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                // it lives for seconds: the quick compiler and the small collector halve its start-up CPU
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "-Ddatasources.default.url=" + url,
                "-Ddatasources.default.username=" + database.get("datasources.default.username"),
                "-Ddatasources.default.password=" + database.get("datasources.default.password"),
                "-Dnoko.embedded-postgres.enabled=false", "-Dnoko.demo-data=false",
                "-Dmicronaut.server.port=-1",
                "-Dnoko.bootstrap-admin-token=" + TOKEN, "-Dnoko.import.wait-for-result=0s",
                "-Dnoko.import.spool-dir=" + dir.resolve("spool"),
                "ru.noko.Application"));
        childLog = dir.resolve("child-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
        waitUntil(Duration.ofSeconds(120), () -> childBase() != null && healthy(childBase()), "child service did not start");
        return process;
    }

    /** The child's address, as its start-up line names it; null until it has started. */
    private String childBase() {
        try {
            java.util.regex.Matcher running = java.util.regex.Pattern.compile("Server Running: (http://\\S+)")
                    .matcher(java.nio.file.Files.readString(childLog));
            return running.find() ? running.group(1) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();   // SIGKILL: no shutdown hook, no graceful close of anything
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
    }

    /**
     * A point where the child service stops, deterministically, whatever the machine's speed: a
     * trigger that waits for an advisory lock this test holds. The child's statement is then
     * in progress, its transaction open, until the child is killed.
     */
    private static final class PausePoint implements AutoCloseable {

        private static final long LOCK = 7_420_001L;
        private final Connection holder;
        private final List<String> triggers = new ArrayList<>();

        private PausePoint(Connection holder) {
            this.holder = holder;
        }

        static PausePoint hold(Map<String, String> database) throws SQLException {
            Connection connection = DriverManager.getConnection(database.get("datasources.default.url"),
                    database.get("datasources.default.username"), database.get("datasources.default.password"));
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + LOCK + ")");
                statement.execute("""
                        CREATE OR REPLACE FUNCTION noko_test_pause() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN PERFORM pg_advisory_lock(%d); PERFORM pg_advisory_unlock(%d); RETURN NEW; END $$"""
                        .formatted(LOCK, LOCK));
            }
            return new PausePoint(connection);
        }

        /** @param when the trigger's event, table and condition, as in CREATE TRIGGER … BEFORE … */
        void before(String when) throws SQLException {
            String name = "noko_test_pause_" + triggers.size();
            String table = when.replaceAll("^.* ON (\\w+) .*$", "$1");
            try (Statement statement = holder.createStatement()) {
                statement.execute("CREATE TRIGGER " + name + " BEFORE " + when + " EXECUTE FUNCTION noko_test_pause()");
            }
            triggers.add(name + " ON " + table);
        }

        /** Whether the child waits at the pause point. */
        boolean reached() {
            try (Statement statement = holder.createStatement();
                 ResultSet row = statement.executeQuery("""
                         SELECT count(*) FROM pg_stat_activity WHERE application_name = 'noko-crash-child'
                           AND wait_event_type = 'Lock' AND wait_event = 'advisory'""")) {
                return row.next() && row.getLong(1) > 0;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() throws SQLException {
            try (Statement statement = holder.createStatement()) {
                for (String trigger : triggers) {
                    statement.execute("DROP TRIGGER IF EXISTS " + trigger);
                }
                statement.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
            } finally {
                holder.close();
            }
        }
    }

    private Path generate(String name, int rows, String innPrefix, String okato) throws Exception {
        return NationalFile.write(dir.resolve(name), rows, innPrefix, okato);
    }

    private long createCampaign(String base, int year) throws Exception {
        HttpResponse<String> response = post(base, "/api/v1/admin/campaigns",
                "{\"region_code\": \"43\", \"year\": " + year + ", \"title\": \"НОКО Кировской области (тест сбоя)\"}");
        assertEquals(201, response.statusCode(), response.body());
        return Json.parse(response.body()).get("id").asLong();
    }

    private JsonNode upload(String base, long campaign, Path file) throws Exception {
        HttpResponse<String> response = http.send(request(base, "/api/v1/admin/campaigns/" + campaign + "/uploads?level=raw_inputs")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() == 200 || response.statusCode() == 202, response.body());
        return Json.parse(response.body());
    }

    private JsonNode waitForJob(String base, JsonNode job) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            JsonNode current = Json.parse(get(base, "/api/v1/admin/jobs/" + job.get("id").asLong()).body());
            if (current.get("status").asText().matches("succeeded|failed")) {
                return current;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job did not finish");
    }

    private HttpResponse<String> get(String base, String path) throws Exception {
        return http.send(request(base, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String base, String path, String json) throws Exception {
        return http.send(request(base, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base.replaceAll("/$", "") + path)).header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofMinutes(5));
    }

    private boolean healthy(String base) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private static void waitUntil(Duration timeout, BooleanSupplier condition, String message) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(message);
            }
            Thread.sleep(20);
        }
    }

    /** Every published value of a campaign, in a fixed order. */
    private static String snapshot(Map<String, String> database, long campaign) {
        return text(database, """
                SELECT c.status || '|' || c.published_revision || '|' || string_agg(r.revision || ':' || r.organization_id || ':'
                       || r.total || ':' || r.place_region || ':' || array_to_string(r.indicator_values, ','), ';'
                       ORDER BY r.revision, r.organization_id)
                FROM campaign c JOIN result r ON r.campaign_id = c.id WHERE c.id = %d
                GROUP BY c.status, c.published_revision""".formatted(campaign));
    }

    private static long count(Map<String, String> database, String query) {
        return Long.parseLong(text(database, query));
    }

    private static String text(Map<String, String> database, String query) {
        try (Connection connection = DriverManager.getConnection(database.get("datasources.default.url"),
                database.get("datasources.default.username"), database.get("datasources.default.password"));
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(query)) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
