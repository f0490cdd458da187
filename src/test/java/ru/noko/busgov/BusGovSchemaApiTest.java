package ru.noko.busgov;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ru.noko.support.Api;
import ru.noko.support.TestDatabase;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public, stable URL of results.xsd, over real HTTP and checked against the contract. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BusGovSchemaApiTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    BusGovSchema schema;

    Api api;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.properties();
    }

    @BeforeAll
    void setUp() {
        api = new Api(client);
    }

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
