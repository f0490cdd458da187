package ru.noko.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import ru.noko.support.Admin;
import ru.noko.support.Json;
import ru.noko.support.ScratchPostgres;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The service against a PostgreSQL server of the test's own that is stopped, then frozen: a request
 * that needs the database answers 503 with Retry-After within 5 s, cached answers keep coming,
 * /health answers within 5 s, admin writes write nothing, and the service recovers by itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DatabaseFailureTest {

    private static final Duration FAIL_FAST = Duration.ofSeconds(5);
    private static final Duration RECOVERY = Duration.ofSeconds(60);
    private static final String CACHED = "/api/v1/ratings?region=00&year=2022&per_page=20";
    private static final String CACHED_FEED = "/feeds/publications.atom";

    private ScratchPostgres postgres;
    private EmbeddedServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int uncached;

    @BeforeAll
    void start() throws IOException {
        String missing = ScratchPostgres.missing();
        assumeTrue(missing == null, () -> "Skipped: " + missing);
        postgres = ScratchPostgres.initAndStart();
        server = ApplicationContext.run(EmbeddedServer.class, postgres.serviceProperties(), "test");
    }

    @AfterAll
    void stop() {
        try {
            if (server != null) {
                server.getApplicationContext().close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    @Order(1)
    void stoppedDatabase() throws Exception {
        HttpResponse<String> before = get(CACHED);
        assertEquals(200, before.statusCode(), before.body());
        assertTrue(before.headers().firstValue("Cache-Control").orElseThrow().contains("stale-if-error="));
        assertEquals(200, get(nextUncached()).statusCode(), "the pool has live connections");
        HttpResponse<String> feedBefore = get(CACHED_FEED);
        assertEquals(200, feedBefore.statusCode(), feedBefore.body());

        postgres.stopImmediately();

        assertUnavailable(nextUncached());
        assertUnavailable("/feeds/regions/00.atom");
        assertUnavailable("/sitemaps/regions.xml");
        HttpResponse<String> cached = get(CACHED);
        assertEquals(200, cached.statusCode(), "cached answers are served while the database is down");
        assertEquals(before.body(), cached.body());
        assertEquals(feedBefore.body(), get(CACHED_FEED).body(), "a cached feed too");
        assertHealth(503);
        HttpResponse<String> liveness = timed("/health/liveness");
        assertEquals(200, liveness.statusCode(), liveness.body());

        HttpResponse<String> created = timedSend(HttpRequest.newBuilder(uri("/api/v1/admin/campaigns"))
                .header("Authorization", "Bearer " + Admin.BOOTSTRAP_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"region_code":"00","year":2030,"title":"Кампания при недоступной базе"}"""))
                .build());
        assertProblem503(created);

        postgres.start();
        awaitRecovery();
        HttpResponse<String> campaigns = send(HttpRequest.newBuilder(uri("/api/v1/admin/campaigns?region=00&per_page=500"))
                .header("Authorization", "Bearer " + Admin.BOOTSTRAP_TOKEN).GET().build());
        assertEquals(200, campaigns.statusCode(), campaigns.body());
        assertTrue(Json.parse(campaigns.body()).at("/meta/total").asInt() > 0);
        assertTrue(!campaigns.body().contains("Кампания при недоступной базе"), "the refused write left nothing");
        assertHealth(200);
    }

    @Test
    @Order(2)
    void hungDatabase() throws Exception {
        HttpResponse<String> before = get(CACHED);
        assertEquals(200, before.statusCode(), before.body());
        assertEquals(200, get(nextUncached()).statusCode(), "the pool has live connections");
        try {
            postgres.freeze();
            assertUnavailable(nextUncached());
            assertUnavailable(nextUncached());
            HttpResponse<String> cached = get(CACHED);
            assertEquals(200, cached.statusCode(), "cached answers are served while the database hangs");
            assertEquals(before.body(), cached.body());
            assertHealth(503);
            assertEquals(200, timed("/health/liveness").statusCode());
        } finally {
            postgres.thaw();
        }
        awaitRecovery();
        assertHealth(200);
    }

    /** Answers 503 problem+json with Retry-After within the bound. */
    private void assertUnavailable(String path) throws Exception {
        assertProblem503(timed(path));
    }

    private static void assertProblem503(HttpResponse<String> response) {
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
        assertNotNull(retryAfter, "Retry-After");
        assertTrue(Integer.parseInt(retryAfter) >= 1, retryAfter);
        JsonNode problem = Json.parse(response.body());
        assertEquals("/docs/problems#database-unavailable", problem.get("type").asText());
        assertEquals(503, problem.get("status").asInt());
        assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isEmpty()
                || response.headers().firstValue("Cache-Control").orElse("").contains("no-store"), "never cached");
    }

    private void assertHealth(int status) throws Exception {
        assertEquals(status, timed("/health").statusCode());
        assertEquals(status, timed("/health/readiness").statusCode());
    }

    /** Uncached requests succeed again without a restart; each try is itself bounded. */
    private void awaitRecovery() throws Exception {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = get(nextUncached());
            if (last.statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        fail("No recovery within " + RECOVERY + "; last answer " + (last == null ? null : last.statusCode() + " " + last.body()));
    }

    /** A URL the service has not cached yet: another page size each time. */
    private String nextUncached() {
        uncached++;
        return "/api/v1/organizations?region=00&per_page=" + uncached;
    }

    private HttpResponse<String> timed(String path) throws Exception {
        return timedSend(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private HttpResponse<String> timedSend(HttpRequest request) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = send(request);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(FAIL_FAST) < 0, request.uri() + " took " + took.toMillis() + " ms");
        return response;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpRequest bounded = HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(30)).build();
        return http.send(bounded, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }
}
