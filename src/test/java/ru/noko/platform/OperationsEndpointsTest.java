package ru.noko.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Inject;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.noko.support.Admin;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class OperationsEndpointsTest extends AdminApiTestBase {

    @Inject
    ApplicationContext context;

    private String operatorToken;

    @BeforeAll
    void createOperator() {
        HttpResponse<String> created = admin.call(HttpRequest.POST("/api/v1/admin/tokens",
                Map.of("name", "Пермь — оператор (операции)", "role", "operator", "regions", List.of("59"))));
        assertEquals(201, created.code(), created.body());
        operatorToken = Json.parse(created.body()).get("secret").asText();
    }

    @Test
    void withoutAReplicaUrlThereIsOnePoolOnly() {
        assertFalse(context.containsBean(DataSource.class, Qualifiers.byName("replica")), "no replica pool without NOKO_READ_REPLICA_URL");
        assertEquals(1, context.getBeansOfType(DataSource.class).size());
    }

    @Test
    void healthTellsStrangersOnlyWhetherItIsUp() {
        HttpResponse<String> anonymous = api.exchange(HttpRequest.GET("/health"));
        assertEquals(200, anonymous.code());
        assertEquals("{\"status\":\"UP\"}", anonymous.body().replace(" ", ""));

        HttpResponse<String> operator = api.exchange(HttpRequest.GET("/health").bearerAuth(operatorToken));
        assertEquals(200, operator.code());
        assertEquals("{\"status\":\"UP\"}", operator.body().replace(" ", ""), "regional operators are not admins either");

        HttpResponse<String> stranger = api.exchange(HttpRequest.GET("/health").bearerAuth("noko_1_" + "A".repeat(43)));
        assertFalse(stranger.body().contains("jdbc"), stranger.body());
    }

    @Test
    void healthShowsDetailsToAdmins() {
        HttpResponse<String> health = api.exchange(HttpRequest.GET("/health").bearerAuth(Admin.BOOTSTRAP_TOKEN));
        assertEquals(200, health.code());
        JsonNode body = Json.parse(health.body());
        assertEquals("UP", body.get("status").asText());
        assertTrue(health.body().contains("jdbc"), health.body());
        assertTrue(body.has("details"));
    }

    @Test
    void prometheusIsForAdminsOnly() {
        api.get("/api/v1/regions");
        assertEquals(401, api.exchange(HttpRequest.GET("/prometheus")).code());
        assertEquals(403, api.exchange(HttpRequest.GET("/prometheus").bearerAuth(operatorToken)).code());

        HttpResponse<String> metrics = api.exchange(HttpRequest.GET("/prometheus").bearerAuth(Admin.BOOTSTRAP_TOKEN));
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
