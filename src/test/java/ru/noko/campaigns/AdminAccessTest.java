package ru.noko.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.noko.platform.database.Sql;
import ru.noko.support.Admin;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.Json;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bearer tokens: 401 without a valid one, 404 for campaigns and jobs outside the token's regions (see
 * {@link ForeignRegionTest}), 403 for admin-only operations, hashes only, every action audited.
 */
@MicronautTest(transactional = false)
class AdminAccessTest extends AdminApiTestBase {

    @Inject
    Sql sql;

    @Test
    void missingOrWrongTokenIs401ProblemJson() {
        for (String token : new String[]{null, "wrong", Admin.BOOTSTRAP_TOKEN + "x",
                "noko_1_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}) {
            Admin caller = admin.as(token);
            assertUnauthorized(caller.call(HttpRequest.GET("/api/v1/admin/campaigns")));
            assertUnauthorized(caller.call(HttpRequest.POST("/api/v1/admin/campaigns",
                    "{\"region_code\": \"59\", \"year\": 2024, \"title\": \"x x x\"}").contentType(MediaType.APPLICATION_JSON)));
            assertUnauthorized(caller.upload(1, "inn\n".getBytes(StandardCharsets.UTF_8), "text/csv", null));
            assertUnauthorized(caller.call(HttpRequest.GET("/api/v1/admin/jobs/1")));
            assertUnauthorized(caller.call(HttpRequest.GET("/api/v1/admin/tokens")));
        }
        assertEquals(200, api.get("/api/v1/regions/59").code(), "public endpoints need no token");
    }

    @Test
    void operatorTokenIsScopedToItsRegions() {
        JsonNode created = createToken("Пермь — оператор", "operator", "59");
        String secret = created.get("secret").asText();
        long tokenId = created.at("/token/id").asLong();
        assertTrue(secret.startsWith("noko_" + tokenId + "_"));
        Admin operator = admin.as(secret);

        long own = operator.createCampaign("59", 2023, "НОКО Пермского края 2023 (тест доступа)", "school");
        long foreign = admin.createCampaign("66", 2023, "НОКО Свердловской области 2023 (тест доступа)", "school");

        assertForbidden(operator.call(HttpRequest.POST("/api/v1/admin/campaigns",
                "{\"region_code\": \"66\", \"year\": 2023, \"title\": \"Чужой регион\"}").contentType(MediaType.APPLICATION_JSON)));
        assertNotFound(operator.call(HttpRequest.GET("/api/v1/admin/campaigns/" + foreign)));
        assertNotFound(operator.upload(foreign, Admin.fixture("results-cp1251-semicolon.csv"), "text/csv", null));
        assertNotFound(operator.publish(foreign));
        assertForbidden(operator.call(HttpRequest.GET("/api/v1/admin/tokens")));
        assertForbidden(operator.call(HttpRequest.GET("/api/v1/admin/audit")));
        assertEquals(200, operator.call(HttpRequest.GET("/api/v1/admin/campaigns/" + own)).code());

        JsonNode visible = Json.parse(operator.call(HttpRequest.GET("/api/v1/admin/campaigns?per_page=500")).body());
        visible.get("data").forEach(c -> assertEquals("59", c.get("region_code").asText()));
        assertTrue(visible.at("/meta/total").asInt() >= 1);

        // the job of a foreign campaign is foreign too
        long job = admin.uploadAndWait(foreign, Admin.fixture("results-cp1251-semicolon.csv"), "text/csv", "dry_run=true")
                .get("id").asLong();
        assertNotFound(operator.call(HttpRequest.GET("/api/v1/admin/jobs/" + job)));

        // only the hash is stored
        byte[] hash = sql.one("SELECT token_hash FROM api_token WHERE id = ?", List.of(tokenId), row -> row.getBytes(1))
                .orElseThrow();
        assertEquals(32, hash.length);
        assertEquals(0L, sql.count("SELECT count(*) FROM api_token WHERE position(? in name || coalesce(created_by, '')) > 0",
                List.of(secret.substring(("noko_" + tokenId + "_").length())))); // the random part may hold '_' itself

        assertEquals(204, admin.call(HttpRequest.DELETE("/api/v1/admin/tokens/" + tokenId)).code());
        assertUnauthorized(operator.call(HttpRequest.GET("/api/v1/admin/campaigns/" + own)));
        JsonNode tokens = Json.parse(admin.call(HttpRequest.GET("/api/v1/admin/tokens")).body());
        boolean revoked = false;
        for (JsonNode token : tokens.get("data")) {
            assertFalse(token.has("secret"));
            if (token.get("id").asLong() == tokenId) {
                revoked = !token.get("revoked_at").isNull();
            }
        }
        assertTrue(revoked);
    }

    @Test
    void everyAdminActionIsAudited() {
        JsonNode created = createToken("Аудит — оператор", "operator", "59");
        Admin operator = admin.as(created.get("secret").asText());
        long id = operator.createCampaign("59", 2057, "НОКО (тест аудита)", "school");
        operator.uploadAndWait(id, Admin.fixture("results-cp1251-semicolon.csv"), "text/csv", "dry_run=true");

        JsonNode audit = Json.parse(admin.call(HttpRequest.GET("/api/v1/admin/audit?target=campaign/" + id)).body());
        assertEquals(2, audit.get("data").size(), audit.toString());
        JsonNode check = audit.at("/data/0");
        assertEquals("campaign.check", check.get("action").asText());
        assertEquals("Аудит — оператор", check.get("actor").asText());
        assertEquals(created.at("/token/id").asLong(), check.get("token_id").asLong());
        assertTrue(check.at("/details/dry_run").asBoolean());
        assertFalse(check.get("at").asText().isBlank());
        assertEquals("campaign.create", audit.at("/data/1/action").asText());

        JsonNode tokenAudit = Json.parse(admin.call(HttpRequest.GET("/api/v1/admin/audit?target=token/"
                + created.at("/token/id").asLong())).body());
        assertEquals("token.create", tokenAudit.at("/data/0/action").asText());
        assertEquals("bootstrap-admin", tokenAudit.at("/data/0/actor").asText());
    }

    @Test
    void operatorTokensNeedARegion() {
        HttpResponse<String> response = admin.call(HttpRequest.POST("/api/v1/admin/tokens",
                "{\"name\": \"Без региона\", \"role\": \"operator\"}").contentType(MediaType.APPLICATION_JSON));
        assertEquals(400, response.code());
        assertEquals("regions", Json.parse(response.body()).at("/errors/0/field").asText());
    }

    private JsonNode createToken(String name, String role, String region) {
        HttpResponse<String> response = admin.call(HttpRequest.POST("/api/v1/admin/tokens",
                "{\"name\": \"" + name + "\", \"role\": \"" + role + "\", \"regions\": [\"" + region + "\"]}")
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, response.code(), response.body());
        return Json.parse(response.body());
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertEquals(401, response.code(), response.body());
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("application/problem+json"));
        assertEquals(401, Json.parse(response.body()).get("status").asInt());
    }

    private static void assertNotFound(HttpResponse<String> response) {
        assertEquals(404, response.code(), response.body());
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("application/problem+json"));
        assertEquals(404, Json.parse(response.body()).get("status").asInt());
    }

    private static void assertForbidden(HttpResponse<String> response) {
        assertEquals(403, response.code(), response.body());
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("application/problem+json"));
        assertEquals(403, Json.parse(response.body()).get("status").asInt());
    }
}
