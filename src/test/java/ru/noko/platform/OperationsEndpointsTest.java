package ru.noko.platform;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import ru.noko.support.Json;
import ru.noko.support.ApiTestBase;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class OperationsEndpointsTest extends ApiTestBase {

    @Test
    void healthReportsUpWithTheDatabase() {
        HttpResponse<String> health = api.exchange(HttpRequest.GET("/health"));
        assertEquals(200, health.code());
        assertEquals("UP", Json.parse(health.body()).get("status").asText());
        assertTrue(health.body().contains("jdbc"), health.body());
    }

    @Test
    void prometheusExposesHttpAndPoolMetrics() {
        api.get("/api/v1/regions");
        HttpResponse<String> metrics = api.exchange(HttpRequest.GET("/prometheus"));
        assertEquals(200, metrics.code());
        assertTrue(metrics.body().contains("http_server_requests_seconds_count"));
        assertTrue(metrics.body().contains("hikaricp_connections"));
    }

    @Test
    void servesItsOwnContractAndSwaggerUi() throws Exception {
        HttpResponse<String> spec = api.exchange(HttpRequest.GET("/openapi.yaml"));
        assertEquals(200, spec.code());
        assertEquals(Files.readString(Path.of("api-spec/openapi.yaml")), spec.body(), "the served spec is the build's spec");

        HttpResponse<String> docs = api.exchange(HttpRequest.GET("/docs/index.html"));
        assertEquals(200, docs.code());
        assertTrue(docs.body().contains("swagger-ui-bundle.js"));
        assertEquals(200, api.exchange(HttpRequest.GET("/swagger-ui/swagger-ui-bundle.js")).code());
        HttpResponse<String> redirected = api.exchange(HttpRequest.GET("/docs"));
        assertTrue(redirected.body().contains("swagger-ui"), "/docs leads to Swagger UI");
    }

    @Test
    void unknownRouteIsProblemJson() {
        HttpResponse<String> response = api.exchange(HttpRequest.GET("/api/v1/no-such-thing"));
        assertEquals(404, response.code());
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("application/problem+json"));
        assertEquals(404, Json.parse(response.body()).get("status").asInt());
    }
}
