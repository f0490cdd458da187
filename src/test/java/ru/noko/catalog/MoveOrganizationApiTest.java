package ru.noko.catalog;

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
import ru.noko.support.TestCampaigns;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/v1/admin/organizations/{id}/region}: admins move an organization between regions. */
@MicronautTest(transactional = false)
class MoveOrganizationApiTest extends AdminApiTestBase {

    private static final String KIROV = "43";
    private static final String KOSTROMA = "44";
    private static final String KOSTROMA_MUNICIPALITY = "34701000";

    @Inject
    Sql sql;

    @Test
    void anAdminMovesAnOrganizationAndOperatorsCannot() {
        Admin kirov = admin.as(operatorToken("Киров — оператор (тест переноса)", KIROV));
        Admin kostroma = admin.as(operatorToken("Кострома — оператор (тест переноса)", KOSTROMA));
        String inn = TestCampaigns.newInn(KIROV);
        String kpp = inn.substring(0, 4) + "01001";
        String oktmo = "33701000";
        sql.update("INSERT INTO municipality (oktmo, region_code, name) VALUES (?, ?, 'г. Киров (тест)') ON CONFLICT DO NOTHING",
                List.of(oktmo, KIROV));
        sql.update("INSERT INTO municipality (oktmo, region_code, name) VALUES (?, ?, 'г. Кострома (тест)') ON CONFLICT DO NOTHING",
                List.of(KOSTROMA_MUNICIPALITY, KOSTROMA));
        long campaign = kirov.createCampaign(KIROV, 2034, "НОКО школ Кировской области 2034 (тест переноса)", "school");
        byte[] file = ("inn,kpp,name,type,oktmo,k1,k2,k3,k4,k5\n" + inn + "," + kpp + ",Филиал школы № 3,school," + oktmo
                + ",90,85,80,75,70\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(0, kirov.uploadAndWait(campaign, file, "text/csv", null).get("errors_count").asInt());
        assertEquals(200, kirov.publish(campaign).code());
        long id = Json.parse(api.get("/api/v1/organizations?inn=" + inn).body()).at("/data/0/id").asLong();
        assertEquals(KIROV, Json.parse(api.get("/api/v1/organizations/" + id).body()).at("/organization/region_code").asText(),
                "read once, so a stale cached answer would show after the move");

        String body = "{\"region_code\": \"" + KOSTROMA + "\", \"reason\": \"Филиал передан Костромской области\"}";
        for (Admin operator : List.of(kirov, kostroma)) {
            HttpResponse<String> refused = move(operator, id, body);
            assertEquals(403, refused.code(), refused.body());
            assertEquals("/docs/problems#forbidden", Json.parse(refused.body()).get("type").asText());
        }
        assertEquals(KIROV, sql.one("SELECT region_code FROM organization WHERE id = ?", List.of(id),
                row -> row.getString(1)).orElseThrow());

        HttpResponse<String> moved = move(admin, id, body);
        assertEquals(200, moved.code(), moved.body());
        JsonNode organization = Json.parse(moved.body());
        assertEquals(KOSTROMA, organization.get("region_code").asText());
        assertTrue(organization.path("oktmo").isMissingNode() || organization.get("oktmo").isNull(),
                "a municipality of the old region is cleared: " + moved.body());
        JsonNode detail = Json.parse(api.get("/api/v1/organizations/" + id).body());
        assertEquals(KOSTROMA, detail.at("/organization/region_code").asText(), "public caches were refreshed");
        assertEquals("Костромская область", detail.get("region_name").asText());
        assertEquals("Филиал школы № 3", detail.at("/organization/name").asText());

        JsonNode audit = Json.parse(admin.call(HttpRequest.GET("/api/v1/admin/audit?target=organization/" + id)).body())
                .at("/data/0");
        assertEquals("organization.move", audit.get("action").asText());
        assertEquals("Филиал передан Костромской области", audit.at("/details/reason").asText());
        assertEquals(KIROV, audit.at("/details/before/region_code").asText());
        assertEquals(oktmo, audit.at("/details/before/oktmo").asText());
        assertEquals(KOSTROMA, audit.at("/details/after/region_code").asText());
        assertTrue(audit.at("/details/after/oktmo").isNull());

        // ownership follows the move: the new region's operator may publish it, the old one's may not
        long kostromaCampaign = kostroma.createCampaign(KOSTROMA, 2034, "НОКО школ Костромской области 2034 (тест переноса)", "school");
        byte[] renamed = ("inn,kpp,name,type,oktmo,k1,k2,k3,k4,k5\n" + inn + "," + kpp + ",Школа № 3 г. Костромы,school,"
                + KOSTROMA_MUNICIPALITY + ",90,85,80,75,70\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(0, kostroma.uploadAndWait(kostromaCampaign, renamed, "text/csv", null).get("errors_count").asInt());
        assertEquals(200, kostroma.publish(kostromaCampaign).code());
        JsonNode after = Json.parse(api.get("/api/v1/organizations/" + id).body()).get("organization");
        assertEquals("Школа № 3 г. Костромы", after.get("name").asText());
        assertEquals(KOSTROMA_MUNICIPALITY, after.get("oktmo").asText());
        long kirovAgain = kirov.createCampaign(KIROV, 2033, "НОКО школ Кировской области 2033 (тест переноса)", "school");
        JsonNode foreign = kirov.uploadAndWait(kirovAgain, file, "text/csv", "dry_run=true");
        assertEquals("organization_of_other_region", foreign.at("/errors/0/code").asText(), foreign.toString());
    }

    @Test
    void aMoveNamesAKnownRegionAndAMunicipalityOfIt() {
        String inn = TestCampaigns.newInn(KIROV);
        long id = sql.one("""
                INSERT INTO organization (inn, kpp, name, type, region_code, search_name)
                VALUES (?, ?, 'Школа для переноса', 'school', ?, 'школа для переноса') RETURNING id""",
                List.of(inn, inn.substring(0, 4) + "01001", KIROV), row -> row.getLong(1)).orElseThrow();
        sql.update("INSERT INTO municipality (oktmo, region_code, name) VALUES (?, ?, 'г. Кострома (тест)') ON CONFLICT DO NOTHING",
                List.of(KOSTROMA_MUNICIPALITY, KOSTROMA));

        HttpResponse<String> unknown = move(admin, id, "{\"region_code\": \"98\", \"reason\": \"опечатка\"}");
        assertEquals(400, unknown.code(), unknown.body());
        assertEquals("unknown_region", Json.parse(unknown.body()).at("/errors/0/code").asText());
        HttpResponse<String> otherMunicipality = move(admin, id,
                "{\"region_code\": \"" + KIROV + "\", \"oktmo\": \"" + KOSTROMA_MUNICIPALITY + "\", \"reason\": \"опечатка\"}");
        assertEquals(400, otherMunicipality.code(), otherMunicipality.body());
        assertEquals("municipality_of_other_region", Json.parse(otherMunicipality.body()).at("/errors/0/code").asText());
        assertEquals(404, move(admin, Long.MAX_VALUE, "{\"region_code\": \"44\", \"reason\": \"опечатка\"}").code());

        HttpResponse<String> moved = move(admin, id,
                "{\"region_code\": \"" + KOSTROMA + "\", \"oktmo\": \"" + KOSTROMA_MUNICIPALITY + "\", \"reason\": \"перенос\"}");
        assertEquals(200, moved.code(), moved.body());
        assertEquals(KOSTROMA_MUNICIPALITY, Json.parse(moved.body()).get("oktmo").asText());
        assertEquals(1L, sql.count("SELECT count(*) FROM audit_log WHERE target = ? AND action = 'organization.move'",
                List.of("organization/" + id)), "refused moves are not recorded");
    }

    private static HttpResponse<String> move(Admin caller, long id, String body) {
        return caller.call(HttpRequest.POST("/api/v1/admin/organizations/" + id + "/region", body)
                .contentType(MediaType.APPLICATION_JSON));
    }

    private String operatorToken(String name, String region) {
        HttpResponse<String> response = admin.call(HttpRequest.POST("/api/v1/admin/tokens",
                "{\"name\": \"" + name + "\", \"role\": \"operator\", \"regions\": [\"" + region + "\"]}")
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, response.code(), response.body());
        return Json.parse(response.body()).get("secret").asText();
    }
}
