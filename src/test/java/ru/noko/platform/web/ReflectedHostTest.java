package ru.noko.platform.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.noko.support.ApiTestBase;
import ru.noko.support.Json;
import ru.noko.support.RawHttp;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No client can put its own host into absolute URLs of public answers (open-data passports and
 * registry, their Link headers, widget embed codes, paging links): by default only localhost and
 * 127.0.0.1 are allowed, and no proxy is trusted.
 */
@MicronautTest(transactional = false)
class ReflectedHostTest extends ApiTestBase {

    private static final String EVIL = "evil.example";

    @Inject
    EmbeddedServer server;

    private List<String> publicPaths;

    @BeforeAll
    void findResources() {
        String registry = api.get("/opendata/list.csv").body();
        String dataset = registry.lines().skip(2).findFirst().orElseThrow().split(",")[0];
        long organization = Json.parse(api.get("/api/v1/organizations?region=00&per_page=1").body()).at("/data/0/id").asLong();
        publicPaths = List.of("/opendata/list.csv", "/opendata/" + dataset + "/meta.csv", "/opendata/" + dataset + "/meta.json",
                "/opendata/" + dataset + "/datapackage.json", "/widgets?organization=" + organization);
    }

    @Test
    void aHostileHostIsNeverEchoed() {
        for (String path : publicPaths) {
            RawHttp.Response response = RawHttp.send(server.getPort(), "GET " + path + " HTTP/1.1\r\nHost: " + EVIL);
            assertEquals(200, response.status(), path);
            assertNoEvil(path, response);
            assertTrue(response.body().contains("http://localhost:" + server.getPort() + "/"),
                    "the first allowed host, on the port the request came to: " + path);
        }
    }

    @Test
    void forwardedHeadersOfAStrangerAreIgnored() {
        for (String path : publicPaths) {
            RawHttp.Response response = RawHttp.send(server.getPort(), "GET " + path + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + server.getPort() + "\r\nX-Forwarded-Host: " + EVIL + "\r\n"
                    + "X-Forwarded-Proto: javascript\r\nForwarded: host=" + EVIL + ";proto=https");
            assertEquals(200, response.status(), path);
            assertNoEvil(path, response);
            assertFalse(response.body().contains("javascript:") || response.body().contains("https://127.0.0.1"), path);
            assertTrue(response.body().contains("http://127.0.0.1:" + server.getPort() + "/"), "an allowed Host is used: " + path);
        }
        RawHttp.Response passport = RawHttp.send(server.getPort(), "GET " + publicPaths.get(1) + " HTTP/1.1\r\n"
                + "Host: localhost:" + server.getPort() + "\r\nX-Forwarded-Host: " + EVIL);
        assertNotNull(passport.header("Link"));
        assertTrue(passport.header("Link").startsWith("<http://localhost:" + server.getPort() + "/opendata/"), passport.header("Link"));
    }

    @Test
    void anAbsoluteRequestTargetNeverReachesPagingLinks() {
        RawHttp.Response response = RawHttp.send(server.getPort(),
                "GET http://" + EVIL + "/api/v1/regions?per_page=2&page=2 HTTP/1.1\r\nHost: " + EVIL);
        assertEquals(200, response.status(), response.body());
        assertNoEvil("absolute-form", response);
        assertTrue(response.header("Link").contains("</api/v1/regions?per_page=2&page=1>; rel=\"first\""), response.header("Link"));

        RawHttp.Response cached = RawHttp.send(server.getPort(), "GET /api/v1/regions?per_page=2&page=2 HTTP/1.1\r\nHost: localhost");
        assertNoEvil("the same entry, served from the cache", cached);
    }

    private static void assertNoEvil(String label, RawHttp.Response response) {
        assertFalse(response.body().contains(EVIL), label + " echoes the host in its body");
        response.headers().forEach((name, values) -> values.forEach(value ->
                assertFalse(value.contains(EVIL), label + " echoes the host in " + name + ": " + value)));
    }
}
