package ru.noko.platform.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ru.noko.platform.database.Sql;
import ru.noko.support.Admin;
import ru.noko.support.Api;
import ru.noko.support.TestCampaigns;
import ru.noko.support.TestDatabase;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Organization pages kept in the database for every node: node A renders an organization's answer
 * and keeps it; node B, which has never rendered it, serves that very row (the test swaps its body
 * for a marker to tell) under the ETag A gives, while the organization's region is unchanged — a
 * publish in another region leaves it valid — and renders afresh once its region publishes. A third
 * node with the page builder on renders a newly published region's pages before anybody asks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredPagesTest {

    private static final String BASE = "https://noko.example";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private Map<String, String> database;
    private EmbeddedServer nodeA;
    private EmbeddedServer nodeB;
    private Admin admin;
    private Sql sql;

    @BeforeAll
    void startTwoNodes() {
        database = TestDatabase.isolatedProperties("stored_pages");
        nodeA = start(false);      // first alone: it migrates and seeds the empty database
        nodeB = start(false);
        io.micronaut.http.client.HttpClient client = io.micronaut.http.client.HttpClient.create(nodeA.getURL());
        closing.add(client);
        admin = new Admin(new Api(client), Admin.BOOTSTRAP_TOKEN);
        sql = nodeA.getApplicationContext().getBean(Sql.class);
    }

    @AfterAll
    void stopNodes() {
        for (AutoCloseable closeable : closing) {
            try {
                closeable.close();
            } catch (Exception e) {
                // the next one is closed all the same
            }
        }
    }

    @Test
    void anOrganizationsAnswerIsServedFromTheStoreByAnotherNodeUntilItsRegionChanges() {
        long perm = publish("59", 2081);
        long organization = organizations(perm).get(0);
        String path = "/api/v1/organizations/" + organization;

        Answer rendered = get(nodeA, path, true);
        assertEquals(200, rendered.status());
        assertEquals("gzip", rendered.header("Content-Encoding"), "kept and sent compressed");
        assertTrue(rendered.text().contains("\"id\":" + organization), rendered.text());
        await(() -> stored(organization, "application/json") == 1, "node A kept the answer");
        assertEquals(version(), sql.count("SELECT changed_version FROM page_scope WHERE scope = '59'", List.of()),
                "the publish recorded the last change of its region");

        String marker = "{\"stored\":\"" + UUID.randomUUID() + "\"}";
        swapBody(organization, "application/json", marker);
        Answer fromStore = get(nodeB, path, true);
        assertEquals(marker, fromStore.text(), "node B served the stored row");
        assertEquals(rendered.header("ETag"), fromStore.header("ETag"), "one version, one ETag, on every node");
        assertEquals("gzip", fromStore.header("Content-Encoding"));
        Answer plain = get(nodeB, path, false);
        assertNull(plain.header("Content-Encoding"));
        assertTrue(plain.text().contains("\"id\":" + organization), "an uncompressed answer is another page");

        publish("01", 2081);
        awaitNodeB();
        Answer otherRegion = get(nodeB, path, true);
        assertEquals(marker, otherRegion.text(), "a publish in another region leaves the page valid");
        assertNotEquals(fromStore.header("ETag"), otherRegion.header("ETag"), "named by the new data version");

        publish("59", 2082);
        awaitNodeB();
        Answer ownRegion = get(nodeB, path, true);
        assertTrue(ownRegion.text().contains("\"id\":" + organization), "a publish in its region makes it stale: "
                + ownRegion.text());
        assertEquals(get(nodeA, path, true).text(), ownRegion.text());
    }

    @Test
    void anOrganizationsWidgetIsKeptWithItsHeaders() {
        long campaign = publish("59", 2083);
        long organization = organizations(campaign).get(0);
        String path = "/widgets/organizations/" + organization;
        Answer rendered = get(nodeA, path, true);
        assertEquals(200, rendered.status());
        assertTrue(rendered.text().contains("<html"), rendered.text());
        await(() -> stored(organization, "text/html") == 1, "node A kept the widget");

        String marker = "<!DOCTYPE html><title>" + UUID.randomUUID() + "</title>";
        swapBody(organization, "text/html", marker);
        Answer fromStore = get(nodeB, path, true);
        assertEquals(marker, fromStore.text());
        assertEquals(rendered.header("ETag"), fromStore.header("ETag"));
        assertEquals(rendered.header("Content-Security-Policy"), fromStore.header("Content-Security-Policy"));
    }

    @Test
    void thePageBuilderRendersAPublishedRegionsPagesAhead() {
        EmbeddedServer builder = start(true);
        long campaign = publish("02", 2084);
        List<Long> organizations = organizations(campaign);
        // each organization: its JSON, its results history and its widget
        await(() -> organizations.stream().allMatch(id -> sql.count(
                "SELECT count(*) FROM stored_page WHERE organization_id = ?", List.of(id)) == 3), "the builder kept every page");
        await(() -> sql.count("SELECT count(*) FROM page_build WHERE organization_id = ANY (?) AND built_version >= ?",
                List.of(organizations.toArray(Long[]::new), version())) == organizations.size(), "the builder recorded them");

        long organization = organizations.get(0);
        String marker = "{\"built\":\"" + UUID.randomUUID() + "\"}";
        sql.update("UPDATE stored_page SET body = ? WHERE organization_id = ? AND content_type LIKE 'application/json%' "
                + "AND headers NOT LIKE 'Link%'", List.of(gzip(marker), organization));
        Answer history = get(nodeB, "/api/v1/organizations/" + organization + "/results", true);
        Answer detail = get(nodeB, "/api/v1/organizations/" + organization, true);
        assertTrue(marker.equals(history.text()) || marker.equals(detail.text()),
                "node B served a page the builder made: " + detail.text());
        builder.close();
    }

    private EmbeddedServer start(boolean build) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("micronaut.server.port", "-1");
        properties.put("noko.bootstrap-admin-token", Admin.BOOTSTRAP_TOKEN);
        properties.put("noko.demo-data", "false");
        properties.put("noko.public-base-url", BASE);
        properties.put("noko.import.spool-dir", Path.of("target", "test-spool", UUID.randomUUID().toString())
                .toAbsolutePath().toString());
        properties.put("noko.stored-pages.build", String.valueOf(build));
        properties.put("noko.stored-pages.build-first", "100ms");
        properties.put("noko.stored-pages.build-every", "200ms");
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        closing.add(0, server);
        return server;
    }

    private long publish(String region, int year) {
        long campaign = admin.createCampaign(region, year, "НОКО (тест хранимых страниц) " + region + " " + year, "school");
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            rows.add(TestCampaigns.rawInputs(TestCampaigns.newInn(region), "Школа № " + i + " (хранимые страницы)", 60 + i * 10));
        }
        assertEquals("succeeded", admin.uploadAndWait(campaign, TestCampaigns.csv(rows), "text/csv", null).get("status").asText());
        assertEquals(200, admin.publish(campaign).code());
        return campaign;
    }

    private List<Long> organizations(long campaign) {
        return sql.list("SELECT organization_id FROM result WHERE campaign_id = ? ORDER BY organization_id",
                List.of(campaign), row -> row.getLong(1));
    }

    /** Node B has heard of the last publish (and so has dropped what it kept in memory). */
    private void awaitNodeB() {
        long version = version();
        PublicCache cache = nodeB.getApplicationContext().getBean(PublicCache.class);
        await(() -> cache.version() >= version, "node B heard of version " + version);
    }

    private long version() {
        return sql.count("SELECT version FROM data_version WHERE id = 1", List.of());
    }

    private long stored(long organization, String contentType) {
        return sql.count("SELECT count(*) FROM stored_page WHERE organization_id = ? AND content_encoding = 'gzip' "
                + "AND content_type LIKE ?", List.of(organization, contentType + "%"));
    }

    private void swapBody(long organization, String contentType, String body) {
        assertEquals(1, sql.update("UPDATE stored_page SET body = ? WHERE organization_id = ? AND content_encoding = 'gzip' "
                + "AND content_type LIKE ?", List.of(gzip(body), organization, contentType + "%")));
    }

    private record Answer(int status, Map<String, List<String>> headers, String text) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private Answer get(EmbeddedServer node, String path, boolean gzip) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + node.getPort() + path))
                .timeout(DEADLINE).header("Accept", "*/*");
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            boolean compressed = response.headers().firstValue("Content-Encoding").map("gzip"::equals).orElse(false);
            byte[] body = compressed ? gunzip(response.body()) : response.body();
            return new Answer(response.statusCode(), response.headers().map(), new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

}
