package ru.noko.platform;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import ru.noko.platform.web.PublicCache;
import ru.noko.support.Admin;
import ru.noko.support.Json;
import ru.noko.support.ScratchPostgres;
import ru.noko.support.TestCampaigns;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The service with a read replica: a real streaming standby of a primary, both servers of the test's
 * own (initdb, pg_basebackup -R). Public reads come from the replica (with its replay paused they
 * answer the old data under the old ETag while admin reads show the new), admin writes go to the
 * primary, and a stopped replica leaves public reads to the primary within the fail-fast bounds.
 * Skipped where the PostgreSQL binaries are missing, unless NOKO_REQUIRE_REPLICA=true.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReadReplicaTest {

    private static final Duration FAIL_FAST = Duration.ofSeconds(5);
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String CAMPAIGNS = "/api/v1/campaigns?region=" + TestCampaigns.REGION + "&per_page=100";

    private ScratchPostgres primary;
    private ScratchPostgres replica;
    private EmbeddedServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int uncached;

    @BeforeAll
    void start() throws Exception {
        String missing = ScratchPostgres.missingForReplica();
        if (missing != null) {
            if (Boolean.parseBoolean(System.getenv("NOKO_REQUIRE_REPLICA"))) {
                fail("NOKO_REQUIRE_REPLICA=true, but " + missing);
            }
            Assumptions.abort("Skipped: " + missing + " (NOKO_REQUIRE_REPLICA=true makes this a failure)");
        }
        long started = System.nanoTime();
        primary = ScratchPostgres.initAndStart();
        replica = primary.startReplica();
        System.out.printf("ReadReplicaTest: primary and streaming replica ready in %d ms%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        Map<String, Object> properties = primary.serviceProperties();
        properties.put("datasources.replica.url", replica.jdbcUrl());
        properties.put("datasources.replica.username", "postgres");
        // a paused replay must keep being served (under its own version) for the whole test
        properties.put("noko.read-replica.max-lag", "10m");
        properties.put("noko.read-replica.recheck", "1s");
        server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        awaitReplayed();
    }

    @AfterAll
    void stop() {
        try {
            if (server != null) {
                server.getApplicationContext().close();
            }
        } finally {
            try {
                if (replica != null) {
                    replica.close();
                }
            } finally {
                if (primary != null) {
                    primary.close();
                }
            }
        }
    }

    @Test
    @Order(1)
    void publicReadsComeFromTheReplica() throws Exception {
        TestCampaigns.Published first = publish(60);
        awaitReplayed();
        HttpResponse<String> before = get(CAMPAIGNS);
        assertEquals(200, before.statusCode(), before.body());
        assertTrue(years(before).contains(first.year()), before.body());
        String oldEtag = before.headers().firstValue("ETag").orElseThrow();
        long oldVersion = version(primary);
        assertEquals(oldVersion, etagVersion(oldEtag));

        execute(replica, "SELECT pg_wal_replay_pause()");
        await("the replica's replay paused", () -> "paused".equals(query(replica, "SELECT pg_get_wal_replay_pause_state()")));
        try {
            TestCampaigns.Published second = publish(70);
            long newVersion = version(primary);
            assertTrue(newVersion > oldVersion);
            PublicCache cache = server.getApplicationContext().getBean(PublicCache.class);
            await("the node to hear of version " + newVersion, () -> cache.version() == newVersion);

            for (int i = 0; i < 2; i++) {
                HttpResponse<String> during = get(CAMPAIGNS);
                assertEquals(200, during.statusCode(), during.body());
                assertEquals(oldEtag, during.headers().firstValue("ETag").orElseThrow(), "the replica's version names the answer");
                assertEquals(before.body(), during.body(), "the replica's data");
                assertFalse(years(during).contains(second.year()));
            }
            assertEquals("published", adminCampaign(second.campaignId()).at("/status").asText(), "admin reads the primary");

            HttpResponse<String> created = send(admin("/api/v1/admin/campaigns").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"region_code":"%s","year":2090,"title":"Кампания на основном сервере"}""".formatted(TestCampaigns.REGION)))
                    .build());
            assertEquals(201, created.statusCode(), created.body());
            long createdId = Json.parse(created.body()).at("/id").asLong();
            assertEquals(200, send(admin("/api/v1/admin/campaigns/" + createdId).GET().build()).statusCode());
            String sql = "SELECT count(*) FROM campaign WHERE id = " + createdId;
            assertEquals("1", query(primary, sql), "the admin write is on the primary");
            assertEquals("0", query(replica, sql), "and not yet on the paused replica");
        } finally {
            execute(replica, "SELECT pg_wal_replay_resume()");
        }

        long newVersion = version(primary);
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            HttpResponse<String> after = get(CAMPAIGNS);
            assertEquals(200, after.statusCode(), after.body());
            long etagVersion = etagVersion(after.headers().firstValue("ETag").orElseThrow());
            boolean newData = !after.body().equals(before.body());
            assertEquals(newData, etagVersion == newVersion, "new data exactly under the new version: " + after.headers().map());
            if (newData) {
                assertTrue(years(after).containsAll(List.of(first.year())));
                break;
            }
            assertEquals(oldVersion, etagVersion);
            if (System.nanoTime() > deadline) {
                fail("The replica did not catch up within " + DEADLINE);
            }
            Thread.sleep(100);
        }
    }

    @Test
    @Order(2)
    void stoppedReplicaLeavesPublicReadsToThePrimary() throws Exception {
        assertEquals(200, get(nextUncached()).statusCode(), "the replica's pool has live connections");
        replica.stopImmediately();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = timed(nextUncached());
            assertEquals(200, answer.statusCode(), answer.body());
        }
        HttpResponse<String> campaigns = timed(CAMPAIGNS + "&year=2060");
        assertEquals(200, campaigns.statusCode(), campaigns.body());
        assertEquals(200, timed("/health/readiness").statusCode(), "a stopped replica keeps the node in the load balancer");
        HttpResponse<String> health = send(admin("/health").GET().build());
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("public reads go to the primary"), health.body());

        replica.start();
        awaitReplayed();
        await("the replica's pool to answer again", () -> {
            try {
                HttpResponse<String> again = send(admin("/health").GET().build());
                return again.statusCode() == 200 && again.body().contains("\"replica\":\"UP\"");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        for (int i = 0; i < 3; i++) {
            assertEquals(200, timed(nextUncached()).statusCode());
        }
    }

    private TestCampaigns.Published publish(int satisfied) {
        return TestCampaigns.publish(server.getApplicationContext(), List.of(
                TestCampaigns.org("Школа реплики " + satisfied, "school", TestCampaigns.MUNICIPALITY_A, satisfied)));
    }

    private static List<Integer> years(HttpResponse<String> response) {
        List<Integer> years = new java.util.ArrayList<>();
        Json.parse(response.body()).at("/data").forEach(campaign -> years.add(campaign.at("/year").asInt()));
        return years;
    }

    private static long etagVersion(String etag) {
        return Long.parseLong(etag.substring(1, etag.indexOf('-')));
    }

    private com.fasterxml.jackson.databind.JsonNode adminCampaign(long id) throws Exception {
        HttpResponse<String> response = send(admin("/api/v1/admin/campaigns/" + id).GET().build());
        assertEquals(200, response.statusCode(), response.body());
        return Json.parse(response.body());
    }

    /** The replica has replayed everything the primary has written (and the replica answers). */
    private void awaitReplayed() throws Exception {
        await("the replica to replay the primary's changes", () -> "t".equals(query(primary,
                "SELECT coalesce(bool_and(replay_lsn >= pg_current_wal_lsn()), false) FROM pg_stat_replication")));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("No " + what + " within " + DEADLINE);
            }
            Thread.sleep(50);
        }
    }

    private static long version(ScratchPostgres server) {
        return Long.parseLong(query(server, "SELECT version FROM data_version WHERE id = 1"));
    }

    /** The first column of the first row, or null when the server does not answer (yet). */
    private static String query(ScratchPostgres server, String sql) {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl() + "?connectTimeout=5&socketTimeout=10", "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private static void execute(ScratchPostgres server, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl() + "?connectTimeout=5&socketTimeout=10", "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String nextUncached() {
        uncached++;
        return "/api/v1/organizations?region=00&per_page=" + uncached;
    }

    private HttpRequest.Builder admin(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + Admin.BOOTSTRAP_TOKEN);
    }

    private HttpResponse<String> timed(String path) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = get(path);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(FAIL_FAST) < 0, path + " took " + took.toMillis() + " ms");
        return response;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpRequest bounded = HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(30)).build();
        return http.send(bounded, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }
}
