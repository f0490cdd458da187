package ru.noko.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import ru.noko.support.Json;
import ru.noko.support.ApiTestBase;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class CatalogApiTest extends ApiTestBase {

    @Test
    void regionsCarryBothNumberingsAndPageWithLinks() {
        HttpResponse<String> response = api.get("/api/v1/regions?per_page=10&page=2");
        assertEquals(200, response.code());
        JsonNode body = Json.parse(response.body());
        assertEquals(10, body.get("data").size());
        assertEquals(2, body.at("/meta/page").asInt());
        assertTrue(body.at("/meta/total").asInt() >= 90, "89 subjects of the federation and the demo region");
        String link = response.header("Link");
        assertTrue(link.contains("page=3") && link.contains("rel=\"next\""), link);
        assertTrue(link.contains("page=1") && link.contains("rel=\"prev\""), link);
        assertTrue(body.at("/links/next").asText().contains("per_page=10"));

        JsonNode perm = Json.parse(api.get("/api/v1/regions/59").body());
        assertEquals("57", perm.get("okato_code").asText());
        assertEquals("Пермский край", perm.get("name").asText());
        assertFalse(perm.get("demo").asBoolean());
        assertEquals("65", Json.parse(api.get("/api/v1/regions/66").body()).get("okato_code").asText());
        assertEquals("33", Json.parse(api.get("/api/v1/regions/43").body()).get("okato_code").asText());
    }

    @Test
    void demoRegionIsMarkedAndHasMunicipalities() {
        JsonNode demo = Json.parse(api.get("/api/v1/regions/00").body());
        assertTrue(demo.get("demo").asBoolean());
        assertTrue(demo.get("organizations_count").asInt() >= 300);
        JsonNode municipalities = Json.parse(api.get("/api/v1/regions/00/municipalities").body());
        assertTrue(municipalities.get("data").size() >= 6);
        int sum = 0;
        for (JsonNode m : municipalities.get("data")) {
            assertTrue(m.get("oktmo").asText().startsWith(demo.get("okato_code").asText()));
            sum += m.get("organizations_count").asInt();
        }
        assertEquals(demo.get("organizations_count").asInt(), sum, "every demo organization lies in a municipality");
    }

    @Test
    void unknownRegionIsProblemNotFound() {
        HttpResponse<String> response = api.get("/api/v1/regions/98");
        assertEquals(404, response.code());
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("application/problem+json"));
        assertEquals(404, Json.parse(response.body()).get("status").asInt());
        assertEquals(404, api.get("/api/v1/regions/98/municipalities").code());
    }

    @Test
    void organizationsFilterByTypeMunicipalityAndInn() {
        JsonNode schools = Json.parse(api.get("/api/v1/organizations?region=00&type=school&per_page=500").body());
        assertTrue(schools.at("/meta/total").asInt() > 50);
        schools.get("data").forEach(o -> assertEquals("school", o.get("type").asText()));

        JsonNode first = schools.get("data").get(0);
        String oktmo = first.get("oktmo").asText();
        JsonNode inMunicipality = Json.parse(api.get("/api/v1/organizations?municipality=" + oktmo + "&per_page=500").body());
        inMunicipality.get("data").forEach(o -> assertEquals(oktmo, o.get("oktmo").asText()));

        String inn = first.get("inn").asText();
        JsonNode byInn = Json.parse(api.get("/api/v1/organizations?inn=" + inn).body());
        assertTrue(byInn.get("data").size() >= 1);
        byInn.get("data").forEach(o -> assertEquals(inn, o.get("inn").asText()));
        byInn.get("data").forEach(o -> assertTrue(Inn.isValidLegalEntity(o.get("inn").asText())));
    }

    @Test
    void searchIgnoresCaseAndTreatsYoAsYe() {
        JsonNode withYo = Json.parse(api.get("/api/v1/organizations?q=" + encode("БЕРЁЗКА") + "&per_page=500").body());
        JsonNode withYe = Json.parse(api.get("/api/v1/organizations?q=" + encode("березка") + "&per_page=500").body());
        assertTrue(withYo.at("/meta/total").asInt() > 0, "demo data has kindergartens named «Берёзка»");
        assertEquals(withYo.at("/meta/total").asInt(), withYe.at("/meta/total").asInt());
        withYe.get("data").forEach(o -> assertTrue(
                SearchText.fold(o.get("name").asText() + " " + o.path("short_name").asText()).contains("березка")));
    }

    @Test
    void sortsByNameBothWays() {
        List<String> ascending = sortKeys("/api/v1/organizations?region=00&sort=name&per_page=100");
        List<String> descending = sortKeys("/api/v1/organizations?region=00&sort=-name&per_page=100");
        assertEquals(100, ascending.size());
        for (int i = 1; i < ascending.size(); i++) {
            assertTrue(ascending.get(i - 1).compareTo(ascending.get(i)) <= 0, ascending.get(i - 1) + " > " + ascending.get(i));
            assertTrue(descending.get(i - 1).compareTo(descending.get(i)) >= 0, descending.get(i - 1) + " < " + descending.get(i));
        }
        assertTrue(ascending.get(0).compareTo(descending.get(0)) < 0);
    }

    @Test
    void everyBadParameterIsNamed() {
        HttpResponse<String> response = api.get("/api/v1/organizations?per_page=501&page=0&inn=12345&region=abc");
        assertEquals(400, response.code());
        JsonNode body = Json.parse(response.body());
        Set<String> fields = new HashSet<>();
        body.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(Set.of("per_page", "page", "inn", "region"), fields);
    }

    @Test
    void unknownSortIsRejected() {
        HttpResponse<String> response = api.get("/api/v1/organizations?sort=rating");
        assertEquals(400, response.code());
        assertEquals("sort", Json.parse(response.body()).at("/errors/0/field").asText());
    }

    @Test
    void organizationShowsIdentityAndLatestResult() {
        JsonNode list = Json.parse(api.get("/api/v1/organizations?region=00&type=school&per_page=1").body());
        long id = list.at("/data/0/id").asLong();
        JsonNode detail = Json.parse(api.get("/api/v1/organizations/" + id).body());
        assertEquals(id, detail.at("/organization/id").asLong());
        assertTrue(detail.at("/organization/demo").asBoolean());
        assertEquals("Демонстрационная область", detail.get("region_name").asText());
        JsonNode latest = detail.get("latest_result");
        assertNotNull(latest, "demo schools are assessed");
        assertEquals(5, latest.get("criteria").size());
        double mean = 0;
        for (JsonNode c : latest.get("criteria")) {
            mean += c.get("value").asDouble() / 5;
        }
        assertEquals(mean, latest.get("total").asDouble(), 1e-9, "total is the mean of the five criteria");
        assertTrue(latest.get("place_region").asInt() >= 1);

        assertEquals(404, api.get("/api/v1/organizations/999999999").code());
        assertEquals(400, api.get("/api/v1/organizations/abc").code());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private List<String> sortKeys(String uri) {
        List<String> keys = new ArrayList<>();
        Json.parse(api.get(uri).body()).get("data").forEach(o -> keys.add(
                SearchText.fold(o.get("name").asText() + (o.get("short_name").isNull() ? "" : " " + o.get("short_name").asText()))));
        return keys;
    }
}
