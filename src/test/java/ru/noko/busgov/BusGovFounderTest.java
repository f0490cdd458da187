package ru.noko.busgov;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.Json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The founder's fields of the bus.gov.ru export, remembered per campaign by the admin API. */
@MicronautTest(transactional = false)
class BusGovFounderTest extends AdminApiTestBase {

    @Test
    void theFieldsAreRememberedPerCampaignAndWhatIsMissingIsListed() {
        long campaign = admin.createCampaign("59", 2095, "Поля учредителя для bus.gov.ru", "school");
        String path = "/api/v1/admin/campaigns/" + campaign + "/exports/busgov/founder";

        JsonNode empty = Json.parse(admin.call(HttpRequest.GET(path)).body());
        assertEquals(0, empty.get("fields").size(), empty.toString());
        assertTrue(empty.get("missing").toString().contains("approved_by (ORGANIZATION_APPROVED)"), empty.toString());
        assertFalse(empty.get("missing").toString().contains("plan_period"), "the plan year defaults to the year after: " + empty);

        HttpResponse<String> saved = admin.call(HttpRequest.PUT(path, """
                {"approved_by": "Министерство образования и науки Пермского края", "approver_last_name": "Иванова",
                 "approver_first_name": "Мария", "approver_middle_name": "Петровна", "approve_date": "2096-02-01",
                 "plan_date": "2096-12-31", "responsible_name": "Петров Пётр Петрович", "threshold": 90}""")
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(200, saved.code(), saved.body());
        JsonNode founder = Json.parse(admin.call(HttpRequest.GET(path)).body());
        assertEquals("Иванова", founder.get("fields").get("approver_last_name").asText());
        assertEquals(90.0, founder.get("fields").get("threshold").asDouble());
        assertEquals("2096-12-31", founder.get("fields").get("plan_date").asText());
        assertTrue(founder.get("missing").toString().contains("responsible_position"), founder.toString());
        assertTrue(founder.get("missing").toString().contains("social_council"), "no council protocol to default to: " + founder);
        assertEquals(2, founder.get("missing").size(), founder.toString());

        HttpResponse<String> tooLong = admin.call(HttpRequest.PUT(path, "{\"responsible_position\": \"" + "д".repeat(501) + "\"}")
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(400, tooLong.code(), tooLong.body());

        HttpResponse<String> created = admin.call(HttpRequest.POST("/api/v1/admin/tokens",
                "{\"name\": \"Удмуртия — оператор\", \"role\": \"operator\", \"regions\": [\"18\"]}").contentType(MediaType.APPLICATION_JSON));
        String outsider = Json.parse(created.body()).get("secret").asText();
        assertEquals(404, admin.as(outsider).call(HttpRequest.GET(path)).code());
        assertEquals(404, admin.call(HttpRequest.GET("/api/v1/admin/campaigns/987654321/exports/busgov/founder")).code());
    }
}
