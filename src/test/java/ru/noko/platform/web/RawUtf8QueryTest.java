package ru.noko.platform.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.noko.support.ApiTestBase;
import ru.noko.support.Json;
import ru.noko.support.RawHttp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * URLs as people type them: curl and many other clients send a query's UTF-8 bytes as they are,
 * not percent-encoded. The raw request line (written byte for byte on a socket) gets the same
 * answer as the encoded one.
 */
@MicronautTest(transactional = false)
class RawUtf8QueryTest extends ApiTestBase {

    @Inject
    EmbeddedServer server;

    @Test
    void rawUtf8InTheQueryIsReadLikeItsPercentEncoding() {
        RawHttp.Response raw = get("/api/v1/organizations?q=березка");
        RawHttp.Response encoded = get("/api/v1/organizations?q=%D0%B1%D0%B5%D1%80%D0%B5%D0%B7%D0%BA%D0%B0");
        assertEquals(200, raw.status(), raw.body());
        assertEquals(200, encoded.status(), encoded.body());
        assertTrue(Json.parse(raw.body()).at("/meta/total").asInt() > 0, "demo kindergartens named «Берёзка»");
        assertEquals(encoded.body(), raw.body());
    }

    @Test
    void rawAndEncodedCharactersMayBeMixed() {
        RawHttp.Response mixed = get("/api/v1/organizations?region=00&type=school&q=школа%20№%205");
        RawHttp.Response encoded = get("/api/v1/organizations?region=00&type=school&q=%D1%88%D0%BA%D0%BE%D0%BB%D0%B0%20%E2%84%96%205");
        assertEquals(200, mixed.status(), mixed.body());
        assertEquals(encoded.body(), mixed.body());
    }

    @Test
    void anUnknownParameterWithARawValueIsNamedNotMalformed() {
        RawHttp.Response raw = get("/api/v1/regions/00?x=ё");
        assertEquals(400, raw.status(), raw.body());
        assertTrue(raw.body().contains("\"x\""), raw.body());
    }

    private RawHttp.Response get(String target) {
        return RawHttp.send(server.getPort(), "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json");
    }
}
