package ru.noko.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.Csv;
import ru.noko.support.Json;
import ru.noko.support.TestCampaigns;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.noko.support.Rows.list;
import static ru.noko.support.Rows.problemFields;

/** The regional order, survey period and bus.gov.ru deadline of a campaign: stated by the operator, shown to everyone. */
@MicronautTest(transactional = false)
class CampaignFactsTest extends AdminApiTestBase {

    private static final Map<String, String> FACTS = Map.of(
            "regional_order_number", "СЭД-26-01-06-512",
            "regional_order_date", "2024-03-15",
            "survey_started_on", "2024-04-01",
            "survey_finished_on", "2024-05-31",
            "bus_gov_deadline", "2024-12-01");

    @Test
    void factsStatedOnTheDraftAreShownWhereverThePublishedCampaignIs() {
        HttpResponse<String> created = create("""
                {"region_code": "59", "year": 2031, "title": "НОКО школ 2031 (тест сведений о кампании)", "types": ["school"],
                 "council_protocol": "Протокол № 5 от 2024-11-20",
                 "regional_order_number": "  СЭД-26-01-06-512 ", "regional_order_date": "2024-03-15",
                 "survey_started_on": "2024-04-01", "survey_finished_on": "2024-05-31", "bus_gov_deadline": "2024-12-01"}""");
        assertEquals(201, created.code(), created.body());
        long id = Json.parse(created.body()).get("id").asLong();
        assertFacts(Json.parse(created.body()), "the draft as created");
        assertFacts(admin.campaign(id), "the admin view");

        String inn = TestCampaigns.newInn("59");
        String table = "[{\"inn\": \"" + inn + "\", \"kpp\": \"590101001\", \"name\": \"Школа (тест сведений)\","
                + " \"k1\": 82.4, \"k2\": 74.5, \"k3\": 43, \"k4\": 92.8, \"k5\": 83.2, \"total\": 75.18}]";
        JsonNode job = admin.uploadAndWait(id, table.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON, null);
        assertEquals(0, job.get("errors_count").asInt(), job.toString());
        assertEquals(200, admin.publish(id).code());

        JsonNode campaign = Json.parse(api.get("/api/v1/campaigns/" + id).body());
        assertFacts(campaign, "the public campaign");
        assertEquals("Протокол № 5 от 2024-11-20", campaign.get("council_protocol").asText());
        assertFacts(Json.parse(api.get("/api/v1/campaigns/" + id + "/results").body()).get("campaign"),
                "the campaign of its results");
        JsonNode listed = list(Json.parse(api.get("/api/v1/campaigns?region=59&year=2031&per_page=500").body()).get("data"))
                .stream().filter(c -> c.get("id").asLong() == id).findFirst().orElseThrow();
        assertEquals(campaign, listed, "the list shows the campaign as its own page does");

        Csv.Table csv = Csv.parse(api.get("/api/v1/campaigns?region=59&year=2031&format=csv").body());
        assertEquals(CampaignColumns.ALL.names(), csv.header());
        Map<String, String> row = csv.rows().stream().filter(r -> r.get("id").equals(String.valueOf(id))).findFirst()
                .orElseThrow();
        FACTS.forEach((column, value) -> assertEquals(value, row.get(column), "CSV " + column));
    }

    @Test
    void factsOutOfOrderAreRefusedNamingEachField() {
        HttpResponse<String> refused = create("""
                {"region_code": "59", "year": 2031, "title": "НОКО (даты не по порядку)", "regional_order_date": "2024-05-01",
                 "survey_started_on": "2024-04-01", "survey_finished_on": "2024-03-31", "bus_gov_deadline": "2024-03-01"}""");
        assertEquals(400, refused.code(), refused.body());
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
        assertEquals(Set.of("survey_started_on", "survey_finished_on", "bus_gov_deadline"),
                problemFields(Json.parse(refused.body())));

        HttpResponse<String> tooLong = create("{\"region_code\": \"59\", \"year\": 2031, \"title\": \"НОКО (длинный номер)\","
                + " \"regional_order_number\": \"" + "1".repeat(101) + "\"}");
        assertEquals(400, tooLong.code(), tooLong.body());
        assertEquals(Set.of("regional_order_number"), problemFields(Json.parse(tooLong.body())));
    }

    @Test
    void absentFactsAreNull() {
        long id = admin.createCampaign("59", 2031, "НОКО (без сведений)", "school");
        JsonNode campaign = admin.campaign(id);
        for (String field : FACTS.keySet()) {
            assertTrue(campaign.path(field).isNull() || campaign.path(field).isMissingNode(), field + ": " + campaign);
        }
        JsonNode demo = Json.parse(api.get("/api/v1/campaigns?region=00&year=2019").body()).at("/data/0");
        for (String field : FACTS.keySet()) {
            assertTrue(demo.path(field).isNull() || demo.path(field).isMissingNode(), "public " + field + ": " + demo);
        }
        Map<String, String> demoRow = Csv.parse(api.get("/api/v1/campaigns?region=00&year=2019&format=csv").body()).rows().get(0);
        FACTS.keySet().forEach(column -> assertEquals("", demoRow.get(column), "CSV " + column));
        HttpResponse<String> blank = create("{\"region_code\": \"59\", \"year\": 2031, \"title\": \"НОКО (пустой номер)\","
                + " \"regional_order_number\": \"   \"}");
        assertEquals(201, blank.code(), blank.body());
        assertTrue(Json.parse(blank.body()).path("regional_order_number").isNull()
                || Json.parse(blank.body()).path("regional_order_number").isMissingNode(), "a blank number is no number");
    }

    private HttpResponse<String> create(String json) {
        return admin.call(HttpRequest.POST("/api/v1/admin/campaigns", json).contentType(MediaType.APPLICATION_JSON));
    }

    private static void assertFacts(JsonNode campaign, String where) {
        FACTS.forEach((field, value) -> assertEquals(value, campaign.path(field).asText(), where + ": " + field));
    }
}
