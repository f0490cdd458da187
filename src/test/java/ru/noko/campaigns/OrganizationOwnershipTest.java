package ru.noko.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.noko.support.Admin;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.Json;
import ru.noko.support.TestCampaigns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An organization belongs to its region: an operator of another region can neither publish
 * results for it nor rename it, move it or change its website, at upload or at publish time.
 * Operators of Кировская область (43) and Костромская область (44), as the region seed names them.
 */
@MicronautTest(transactional = false)
class OrganizationOwnershipTest extends AdminApiTestBase {

    private static final String KIROV = "43";
    private static final String KOSTROMA = "44";
    private static final String HEADER = "inn,kpp,name,type,website,k1,k2,k3,k4,k5\n";

    private Admin kirov;
    private Admin kostroma;

    @BeforeAll
    void createOperators() {
        kirov = admin.as(operatorToken("Киров — оператор (тест принадлежности)", KIROV));
        kostroma = admin.as(operatorToken("Кострома — оператор (тест принадлежности)", KOSTROMA));
    }

    @Test
    void anOperatorOfAnotherRegionCannotTakeOverAnOrganization() {
        String inn = TestCampaigns.newInn(KIROV);
        String kpp = inn.substring(0, 4) + "01001";
        long own = kirov.createCampaign(KIROV, 2036, "НОКО школ Кировской области 2036 (тест принадлежности)", "school");
        publishResults(kirov, own, row(inn, kpp, "МБОУ СОШ № 7 г. Кирова", "https://school7.kirov.example"));
        long id = organizationId(inn);

        long foreign = kostroma.createCampaign(KOSTROMA, 2036, "НОКО школ Костромской области 2036 (тест захвата)", "school");
        JsonNode job = kostroma.uploadAndWait(foreign, csv(row(inn, kpp, "Школа-подделка",
                "https://kirov-school7.phishing.example/login")), "text/csv", null);
        assertEquals("succeeded", job.get("status").asText(), job.toString());
        assertEquals(1, job.get("errors_count").asInt(), job.toString());
        JsonNode error = job.at("/errors/0");
        assertEquals("organization_of_other_region", error.get("code").asText());
        assertEquals(2, error.get("row").asInt());
        assertEquals(inn, error.get("value").asText());
        assertTrue(error.get("message").asText().contains("ИНН " + inn + " и КПП " + kpp
                + " уже есть в каталоге региона 43 (Кировская область)"), error.toString());
        assertFalse(kostroma.campaign(foreign).get("publishable").asBoolean());

        HttpResponse<String> refused = kostroma.publish(foreign);
        assertEquals(422, refused.code(), refused.body());
        assertEquals("organization_of_other_region", Json.parse(refused.body()).at("/errors/0/code").asText());
        assertEquals("draft", kostroma.campaign(foreign).get("status").asText());

        JsonNode organization = Json.parse(api.get("/api/v1/organizations/" + id).body());
        assertEquals(KIROV, organization.at("/organization/region_code").asText());
        assertEquals("МБОУ СОШ № 7 г. Кирова", organization.at("/organization/name").asText());
        assertEquals("https://school7.kirov.example", organization.at("/organization/website").asText());
        assertEquals(own, organization.at("/latest_result/campaign_id").asLong());
        String card = api.get("/widgets/organizations/" + id).body();
        assertTrue(card.contains("МБОУ СОШ № 7 г. Кирова"), card);
        assertTrue(card.contains("href=\"https://school7.kirov.example\""), card);
        assertFalse(card.contains("phishing") || card.contains("Школа-подделка"), card);
    }

    @Test
    void publishingRefusesAnOrganizationAnotherRegionPublishedAfterTheUploadWasChecked() {
        String inn = TestCampaigns.newInn(KIROV);
        String kpp = inn.substring(0, 4) + "01001";
        long foreign = kostroma.createCampaign(KOSTROMA, 2037, "НОКО школ Костромской области 2037 (тест гонки)", "school");
        JsonNode job = kostroma.uploadAndWait(foreign, csv(row(inn, kpp, "Школа-подделка",
                "https://phishing.example/")), "text/csv", null);
        assertEquals(0, job.get("errors_count").asInt(), "not yet in the catalogue when checked: " + job);

        long own = kirov.createCampaign(KIROV, 2037, "НОКО школ Кировской области 2037 (тест гонки)", "school");
        publishResults(kirov, own, row(inn, kpp, "КОГОБУ СШ № 12", "https://school12.kirov.example"));
        long id = organizationId(inn);

        HttpResponse<String> refused = kostroma.publish(foreign);
        assertEquals(409, refused.code(), refused.body());
        JsonNode problem = Json.parse(refused.body());
        assertEquals("/docs/problems#organization-of-other-region", problem.get("type").asText());
        assertEquals("organization_of_other_region", problem.at("/errors/0/code").asText());
        assertTrue(problem.at("/errors/0/message").asText().contains("региона 43 (Кировская область)"), refused.body());
        assertEquals("draft", kostroma.campaign(foreign).get("status").asText(), "nothing was published");

        JsonNode organization = Json.parse(api.get("/api/v1/organizations/" + id).body()).get("organization");
        assertEquals(KIROV, organization.get("region_code").asText());
        assertEquals("КОГОБУ СШ № 12", organization.get("name").asText());
        assertEquals("https://school12.kirov.example", organization.get("website").asText());
    }

    @Test
    void aLaterCampaignOfTheSameRegionStillUpdatesTheOrganization() {
        String inn = TestCampaigns.newInn(KIROV);
        String kpp = inn.substring(0, 4) + "01001";
        long first = kirov.createCampaign(KIROV, 2038, "НОКО школ Кировской области 2038 (тест обновления)", "school");
        publishResults(kirov, first, row(inn, kpp, "МКОУ ООШ д. Берёзовка", "https://berezovka.example"));
        long second = kirov.createCampaign(KIROV, 2039, "НОКО школ Кировской области 2039 (тест обновления)", "school");
        publishResults(kirov, second, row(inn, kpp, "МКОУ СОШ д. Берёзовка", "berezovka-school.example"));

        JsonNode organization = Json.parse(api.get("/api/v1/organizations/" + organizationId(inn)).body()).get("organization");
        assertEquals(KIROV, organization.get("region_code").asText());
        assertEquals("МКОУ СОШ д. Берёзовка", organization.get("name").asText());
        assertEquals("https://berezovka-school.example", organization.get("website").asText(), "a bare host is read as https");
    }

    @Test
    void aWebsiteThatIsNotAnHttpAddressIsAnErrorOfItsRow() {
        long id = kirov.createCampaign(KIROV, 2035, "НОКО школ Кировской области 2035 (тест сайтов)", "school");
        String[] websites = {"javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>",
                "//evil.example/login", "сайт есть", "https://school1.kirov.example"};
        List<String> rows = new ArrayList<>();
        for (String website : websites) {
            String inn = TestCampaigns.newInn(KIROV);
            rows.add(row(inn, inn.substring(0, 4) + "01001", "Школа " + rows.size(), website));
        }
        JsonNode job = kirov.uploadAndWait(id, csv(rows.toArray(String[]::new)), "text/csv", "dry_run=true");
        assertEquals(4, job.get("errors_count").asInt(), job.toString());
        for (int i = 0; i < 4; i++) {
            JsonNode error = job.get("errors").get(i);
            assertEquals("invalid_website", error.get("code").asText());
            assertEquals("website", error.get("column").asText());
            assertEquals(i + 2, error.get("row").asInt());
            assertEquals(websites[i], error.get("value").asText());
            assertTrue(error.get("message").asText().startsWith("Адрес сайта должен быть адресом http:// или https://"));
        }
    }

    private static String row(String inn, String kpp, String name, String website) {
        return inn + "," + kpp + ",\"" + name.replace("\"", "\"\"") + "\",school,\"" + website.replace("\"", "\"\"")
                + "\",90,85,80,75,70";
    }

    private static byte[] csv(String... rows) {
        return (HEADER + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static void publishResults(Admin operator, long campaignId, String row) {
        JsonNode job = operator.uploadAndWait(campaignId, csv(row), "text/csv", null);
        assertEquals(0, job.get("errors_count").asInt(), job.toString());
        HttpResponse<String> published = operator.publish(campaignId);
        assertEquals(200, published.code(), published.body());
    }

    private long organizationId(String inn) {
        JsonNode found = Json.parse(api.get("/api/v1/organizations?inn=" + inn).body()).get("data");
        assertEquals(1, found.size(), found.toString());
        return found.get(0).get("id").asLong();
    }

    private String operatorToken(String name, String region) {
        HttpResponse<String> response = admin.call(HttpRequest.POST("/api/v1/admin/tokens",
                "{\"name\": \"" + name + "\", \"role\": \"operator\", \"regions\": [\"" + region + "\"]}")
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, response.code(), response.body());
        return Json.parse(response.body()).get("secret").asText();
    }
}
