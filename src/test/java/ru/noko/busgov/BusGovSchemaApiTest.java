package ru.noko.busgov;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import ru.noko.support.ApiTestBase;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public, stable URL of results.xsd, over real HTTP and checked against the contract. */
@MicronautTest(transactional = false)
class BusGovSchemaApiTest extends ApiTestBase {

    @Inject
    BusGovSchema schema;

    @Test
    void theSchemaIsServedAnonymouslyAsTheSameBytesTheArchivesCarry() {
        HttpResponse<String> response = api.get("/busgov/results.xsd");
        assertEquals(200, response.code());
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("application/xml"),
                response.getContentType().toString());
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(schema.bytes(), body);
        assertEquals(List.of(), Schemas.errors(Schemas.of(body),
                ResultsSchemaTest.write(Samples.organization("5902000001", "590201001", "Школа", 90, null))),
                "the served schema compiles and accepts what the export writes");
        assertTrue(response.header("Cache-Control").startsWith("public"), response.header("Cache-Control"));
        assertEquals("\"" + schema.sha256() + "\"", response.header("ETag"));
    }

    @Test
    void aMatchingETagGets304() {
        String etag = api.get("/busgov/results.xsd").header("ETag");
        assertNotNull(etag);
        HttpResponse<String> response = api.call(HttpRequest.GET("/busgov/results.xsd").header("If-None-Match", etag));
        assertEquals(304, response.code());
        assertEquals(etag, response.header("ETag"));
        assertEquals(200, api.call(HttpRequest.GET("/busgov/results.xsd").header("If-None-Match", "\"other\"")).code());
    }
}
