package ru.noko.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.noko.catalog.OrganizationType;
import ru.noko.catalog.SearchText;
import ru.noko.methodology.CalculationSettings;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.campaigns.results.ResultColumns;
import ru.noko.support.ApiTestBase;
import ru.noko.support.Csv;
import ru.noko.support.Json;
import ru.noko.support.TestCampaigns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.noko.support.Rows.assertSameRows;
import static ru.noko.support.Rows.list;
import static ru.noko.support.Rows.problemFields;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Published campaigns and their results tables on the demonstration region. */
@MicronautTest(transactional = false)
class CampaignApiTest extends ApiTestBase {

    @Inject
    ApplicationContext context;

    @Test
    void campaignsAreListedLatestFirstAndFiltered() {
        JsonNode all = Json.parse(api.get("/api/v1/campaigns?region=00&per_page=500").body());
        List<JsonNode> campaigns = list(all.get("data"));
        assertEquals(9, campaigns.size(), "the demo region's nine published campaigns");
        for (int i = 1; i < campaigns.size(); i++) {
            assertTrue(campaigns.get(i - 1).get("year").asInt() >= campaigns.get(i).get("year").asInt());
        }
        for (JsonNode campaign : campaigns) {
            assertEquals("published", campaign.get("status").asText());
            assertTrue(campaign.get("demo").asBoolean());
            assertTrue(campaign.get("organizations_count").asInt() > 0);
        }
        JsonNode schools = Json.parse(api.get("/api/v1/campaigns?region=00&type=school").body());
        assertEquals(3, schools.at("/meta/total").asInt());
        schools.get("data").forEach(c -> assertEquals("school", c.at("/types/0").asText()));
        JsonNode year2021 = Json.parse(api.get("/api/v1/campaigns?region=00&year=2021").body());
        assertEquals(2, year2021.at("/meta/total").asInt());
        JsonNode perm = Json.parse(api.get("/api/v1/campaigns?region=59&per_page=500").body());
        perm.get("data").forEach(c -> assertEquals("59", c.get("region_code").asText(), "only the region asked for"));
        // no test publishes in region 79, whatever ran before in this JVM
        assertEquals(0, Json.parse(api.get("/api/v1/campaigns?region=79").body()).at("/meta/total").asInt());

        Csv.Table csv = Csv.parse(api.get("/api/v1/campaigns?region=00&format=csv").body());
        assertEquals(CampaignColumns.ALL.names(), csv.header());
        assertSameRows(campaigns, csv);

        HttpResponse<String> bad = api.get("/api/v1/campaigns?region=x&year=20&type=castle&per_page=0");
        assertEquals(400, bad.code());
        assertEquals(Set.of("region", "year", "type", "per_page"), problemFields(Json.parse(bad.body())));
    }

    @Test
    void oneCampaignAndNoDrafts() {
        JsonNode first = Json.parse(api.get("/api/v1/campaigns?region=00&year=2019").body()).at("/data/0");
        JsonNode campaign = Json.parse(api.get("/api/v1/campaigns/" + first.get("id").asLong()).body());
        assertEquals(first, campaign);
        assertEquals("edu-2019", campaign.get("methodology").asText());
        assertTrue(campaign.get("title").asText().contains("2019"));
        assertEquals(1, campaign.get("revision").asInt());

        long draft = context.getBean(CampaignRepository.class).createDraft(new CampaignDraft("00", 2026, "Черновик",
                List.of(OrganizationType.SCHOOL), "edu-2019",
                CalculationSettings.defaults(context.getBean(MethodologyCatalogue.class).defaultMethodology()),
                null, null, null, null, true));
        assertEquals(404, api.get("/api/v1/campaigns/" + draft).code(), "drafts are not public");
        assertEquals(404, api.get("/api/v1/campaigns/" + draft + "/results").code());
        assertFalse(api.get("/api/v1/campaigns?region=00&year=2026").body().contains("Черновик"));
        assertEquals(404, api.get("/api/v1/ratings?region=00&year=2026").code());
        assertEquals(404, api.get("/api/v1/campaigns/999999999").code());
        assertEquals(400, api.get("/api/v1/campaigns/abc").code());
    }

    @Test
    void resultsTableHasEveryColumnByDefaultAndPagesAll() {
        long id = campaignId(2022, "school");
        JsonNode body = Json.parse(api.get("/api/v1/campaigns/" + id + "/results?per_page=500").body());
        assertEquals(id, body.at("/campaign/id").asLong());
        List<JsonNode> rows = list(body.get("data"));
        assertEquals(body.at("/campaign/organizations_count").asInt(), rows.size());
        JsonNode row = rows.get(0);
        for (String column : List.of("organization_id", "inn", "kpp", "name", "type", "k1", "k5", "total", "place_region",
                "place_type", "respondents", "i1_1", "i2_1")) {
            assertTrue(row.has(column), column);
        }
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).get("total").asDouble() >= rows.get(i).get("total").asDouble(), "default: -total");
        }
        HttpResponse<String> streamed = api.get("/api/v1/campaigns/" + id + "/results?format=csv");
        assertEquals("chunked", streamed.header("Transfer-Encoding"), "the results table is streamed, not buffered");
        Csv.Table csv = Csv.parse(streamed.body());
        assertEquals(ResultColumns.RESULTS.names(), csv.header());
        assertSameRows(rows, csv);
    }

    @Test
    void fieldsChooseTheColumnsInBothRepresentations() {
        long id = campaignId(2022, "school");
        JsonNode rows = Json.parse(api.get("/api/v1/campaigns/" + id + "/results?fields=inn,total,i3_2").body()).get("data");
        rows.forEach(row -> {
            Set<String> names = new HashSet<>();
            row.fieldNames().forEachRemaining(names::add);
            assertEquals(Set.of("inn", "total", "i3_2"), names);
        });
        String csv = api.get("/api/v1/campaigns/" + id + "/results?fields=total,inn&format=csv").body();
        assertTrue(csv.startsWith("total,inn\r\n"), csv.substring(0, 20));
        HttpResponse<String> unknown = api.get("/api/v1/campaigns/" + id + "/results?fields=inn,rating");
        assertEquals(400, unknown.code());
        assertEquals("fields", Json.parse(unknown.body()).at("/errors/0/field").asText());
    }

    @Test
    void filtersNarrowTheRows() {
        long id = campaignId(2022, "school");
        List<JsonNode> all = list(Json.parse(api.get("/api/v1/campaigns/" + id + "/results?per_page=500").body()).get("data"));
        String oktmo = all.get(0).get("oktmo").asText();
        List<JsonNode> inMunicipality = list(Json.parse(api.get("/api/v1/campaigns/" + id
                + "/results?per_page=500&municipality=" + oktmo).body()).get("data"));
        assertEquals(all.stream().filter(r -> r.get("oktmo").asText().equals(oktmo)).count(), inMunicipality.size());

        double low = all.get(all.size() - 10).get("total").asDouble();
        double high = all.get(10).get("total").asDouble();
        List<JsonNode> band = list(Json.parse(api.get("/api/v1/campaigns/" + id + "/results?per_page=500&total_min=" + low
                + "&total_max=" + high).body()).get("data"));
        assertEquals(all.stream().filter(r -> r.get("total").asDouble() >= low && r.get("total").asDouble() <= high).count(),
                band.size());
        assertTrue(band.size() > 0 && band.size() < all.size());
        assertEquals(0, Json.parse(api.get("/api/v1/campaigns/" + id + "/results?type=preschool").body()).at("/meta/total").asInt());

        HttpResponse<String> reversed = api.get("/api/v1/campaigns/" + id + "/results?total_min=90&total_max=10");
        assertEquals(400, reversed.code());
        assertEquals(Set.of("total_min", "total_max"), problemFields(Json.parse(reversed.body())));
    }

    @Test
    void sortsByEveryOfferedKey() {
        long id = campaignId(2022, "school");
        List<JsonNode> byName = list(Json.parse(api.get("/api/v1/campaigns/" + id + "/results?per_page=500&sort=name").body()).get("data"));
        for (int i = 1; i < byName.size(); i++) {
            assertTrue(key(byName.get(i - 1)).compareTo(key(byName.get(i))) <= 0, key(byName.get(i - 1)) + " > " + key(byName.get(i)));
        }
        List<JsonNode> byK3 = list(Json.parse(api.get("/api/v1/campaigns/" + id + "/results?per_page=500&sort=-k3").body()).get("data"));
        List<JsonNode> sorted = new ArrayList<>(byK3);
        sorted.sort(Comparator.comparingDouble((JsonNode r) -> r.get("k3").asDouble()).reversed());
        for (int i = 0; i < byK3.size(); i++) {
            assertEquals(sorted.get(i).get("k3").asDouble(), byK3.get(i).get("k3").asDouble());
        }
        List<JsonNode> byInn = list(Json.parse(api.get("/api/v1/campaigns/" + id + "/results?per_page=500&sort=-inn").body()).get("data"));
        for (int i = 1; i < byInn.size(); i++) {
            assertTrue(byInn.get(i - 1).get("inn").asText().compareTo(byInn.get(i).get("inn").asText()) >= 0);
        }
        List<JsonNode> byTotal = list(Json.parse(api.get("/api/v1/campaigns/" + id + "/results?per_page=500&sort=total").body()).get("data"));
        for (int i = 1; i < byTotal.size(); i++) {
            assertTrue(byTotal.get(i - 1).get("total").asDouble() <= byTotal.get(i).get("total").asDouble());
        }
        HttpResponse<String> bad = api.get("/api/v1/campaigns/" + id + "/results?sort=rating&per_page=501&total_min=abc&fields=bogus&page=-1");
        assertEquals(400, bad.code());
        assertEquals(Set.of("sort", "per_page", "total_min", "fields", "page"), problemFields(Json.parse(bad.body())));
    }

    @Test
    void aRetractedCampaignKeepsItsPageButLeavesListsRankingsAndStatistics() {
        TestCampaigns.Published published = TestCampaigns.publish(context, List.of(
                TestCampaigns.org("Школа отзыва", "school", TestCampaigns.MUNICIPALITY_A, 77),
                TestCampaigns.org("Школа отзыва 2", "school", TestCampaigns.MUNICIPALITY_B, 66)));
        String ratings = "/api/v1/ratings?region=" + TestCampaigns.REGION + "&year=" + published.year();
        String statistics = "/api/v1/regions/" + TestCampaigns.REGION + "/statistics?year=" + published.year();
        assertEquals(200, api.get(ratings).code());
        assertEquals(1, Json.parse(api.get(statistics).body()).get("data").size());

        // what the admin side does on retraction: change the status, bump the version, invalidate
        context.getBean(ru.noko.platform.database.Sql.class).update("""
                UPDATE campaign SET status = 'retracted', retracted_at = now(), retraction_reason = 'Ошибка в исходных данных'
                WHERE id = ?""", List.of(published.campaignId()));
        context.getBean(ru.noko.platform.database.DataVersion.class).bump(java.util.List.of());
        context.getBean(ru.noko.platform.web.PublicCache.class).invalidateAll();

        JsonNode campaign = Json.parse(api.get("/api/v1/campaigns/" + published.campaignId()).body());
        assertEquals("retracted", campaign.get("status").asText());
        assertEquals("Ошибка в исходных данных", campaign.get("retraction_reason").asText());
        assertTrue(campaign.has("retracted_at"));
        assertEquals(404, api.get("/api/v1/campaigns/" + published.campaignId() + "/results").code());
        assertEquals(404, api.get(ratings).code());
        assertEquals(0, Json.parse(api.get(statistics).body()).get("data").size());
        assertFalse(api.get("/api/v1/campaigns?region=" + TestCampaigns.REGION + "&per_page=500").body()
                .contains("\"id\":" + published.campaignId() + ","));
    }

    private long campaignId(int year, String type) {
        return Json.parse(api.get("/api/v1/campaigns?region=00&year=" + year + "&type=" + type).body()).at("/data/0/id").asLong();
    }

    /** The catalogue's sort key: the folded name and short name. */
    private static String key(JsonNode row) {
        return SearchText.fold(row.get("name").asText() + (row.hasNonNull("short_name") ? " " + row.get("short_name").asText() : ""));
    }
}
