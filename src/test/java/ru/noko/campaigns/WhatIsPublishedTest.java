package ru.noko.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.noko.opendata.OpenDataSettings;
import ru.noko.platform.database.Sql;
import ru.noko.support.Admin;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.Csv;
import ru.noko.support.Json;
import ru.noko.support.TestCampaigns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What is published is decided in one place (the published_campaign and published_result views),
 * so every public reader shows the same thing: the published revision of published campaigns. A
 * region of its own holds a corrected campaign (revision 1 superseded by revision 2), campaigns
 * retracted before and after it, an earlier published campaign and a draft with an upload; each
 * reader is asked about all of them.
 */
@MicronautTest(transactional = false)
class WhatIsPublishedTest extends AdminApiTestBase {

    private static final String REGION = "88";
    private static final String OKTMO = "88701000";

    @Inject
    ApplicationContext context;

    private Sql sql;
    /** Published 2029. */
    private long earlier;
    /** Published 2031 as revision 1, corrected by revision 2. */
    private long corrected;
    /** Published, then retracted: 2030 and 2032. */
    private long retractedBefore;
    private long retractedAfter;
    /** A draft of 2031 with an upload that is not published. */
    private long draft;
    private JsonNode draftJob;

    /** In every campaign: 70 (2029), 75 (2030, retracted), 95 then 60 (2031), 99 (2032, retracted). */
    private Map<String, String> everywhere;
    /** Only in revision 1 of the corrected campaign. */
    private Map<String, String> firstRevisionOnly;
    /** Only in revision 2 of the corrected campaign. */
    private Map<String, String> secondRevisionOnly;
    /** Only in the campaign retracted in 2030. */
    private Map<String, String> retractedOnly;

    @BeforeAll
    void publishTheRegion() {
        sql = context.getBean(Sql.class);
        TestCampaigns campaigns = new TestCampaigns(context);
        String everywhereInn = TestCampaigns.newInn(REGION);
        Map<String, String> firstRevisionRow = row(TestCampaigns.newInn(REGION), "Школа первой редакции", 50);
        firstRevisionOnly = firstRevisionRow;
        secondRevisionOnly = row(TestCampaigns.newInn(REGION), "Школа второй редакции", 90);
        retractedOnly = row(TestCampaigns.newInn(REGION), "Школа отозванной кампании", 85);

        earlier = campaigns.createCampaign(REGION, 2029, "НОКО 2029 (тест опубликованного)");
        campaigns.publish(earlier, REGION, List.of(row(everywhereInn, "Школа всех кампаний", 70)));
        retractedBefore = campaigns.createCampaign(REGION, 2030, "НОКО 2030, отозвана (тест опубликованного)");
        campaigns.publish(retractedBefore, REGION, List.of(row(everywhereInn, "Школа всех кампаний", 75), retractedOnly));
        corrected = campaigns.createCampaign(REGION, 2031, "НОКО 2031 (тест опубликованного)");
        campaigns.publish(corrected, REGION, List.of(row(everywhereInn, "Школа всех кампаний", 95), firstRevisionRow));
        everywhere = row(everywhereInn, "Школа всех кампаний", 60);
        campaigns.publish(corrected, REGION, List.of(everywhere, secondRevisionOnly));
        retractedAfter = campaigns.createCampaign(REGION, 2032, "НОКО 2032, отозвана (тест опубликованного)");
        campaigns.publish(retractedAfter, REGION, List.of(row(everywhereInn, "Школа всех кампаний", 99)));
        retract(retractedBefore);
        retract(retractedAfter);

        draft = campaigns.createCampaign(REGION, 2031, "НОКО 2031, черновик (тест опубликованного)");
        draftJob = admin.uploadAndWait(draft, TestCampaigns.csv(List.of(everywhere, firstRevisionOnly)), "text/csv", null);
        assertEquals("succeeded", draftJob.get("status").asText(), draftJob.toString());
    }

    @Test
    void campaignListsAndRatingsHoldOnlyPublishedCampaigns() {
        JsonNode list = Json.parse(api.get("/api/v1/campaigns?region=" + REGION + "&per_page=500").body());
        assertEquals(Set.of(earlier, corrected), longs(list.get("data"), "id"));

        JsonNode page = Json.parse(api.get("/api/v1/campaigns/" + corrected).body());
        assertEquals(2, page.get("revision").asInt());
        assertEquals(2, page.get("organizations_count").asInt());
        JsonNode retracted = Json.parse(api.get("/api/v1/campaigns/" + retractedAfter).body());
        assertEquals("retracted", retracted.get("status").asText(), "a retracted campaign keeps its page");
        assertEquals(1, retracted.get("organizations_count").asInt(), "with the size of the revision it had published");
        assertEquals(404, api.get("/api/v1/campaigns/" + retractedAfter + "/results").code());
        assertEquals(404, api.get("/api/v1/campaigns/" + draft).code());

        JsonNode results = Json.parse(api.get("/api/v1/campaigns/" + corrected + "/results").body());
        assertEquals(Set.of(id(everywhere), id(secondRevisionOnly)), longs(results.get("data"), "organization_id"));
        assertEquals(2, rowOf(results.get("data"), id(everywhere)).get("place_region").asInt(), "revision 2's place");
        Csv.Table csv = Csv.parse(api.get("/api/v1/campaigns/" + corrected + "/results?format=csv").body());
        assertEquals(Set.of(inn(everywhere), inn(secondRevisionOnly)), column(csv, "inn"));

        // the latest published year, not the later retracted one; the draft of the same year does not make it ambiguous
        HttpResponse<String> latest = api.get("/api/v1/ratings?region=" + REGION);
        assertEquals(200, latest.code(), latest.body());
        JsonNode ratings = Json.parse(latest.body());
        assertEquals(corrected, ratings.at("/campaign/id").asLong());
        assertEquals(Set.of(id(everywhere), id(secondRevisionOnly)), longs(ratings.get("data"), "organization_id"));
        assertEquals(200, api.get("/api/v1/ratings?region=" + REGION + "&year=2031").code());
        assertEquals(404, api.get("/api/v1/ratings?region=" + REGION + "&year=2030").code());
        assertEquals(404, api.get("/api/v1/ratings?region=" + REGION + "&year=2032").code());
        assertEquals(Set.of(id(everywhere), id(secondRevisionOnly)), longs(Json.parse(api.get("/api/v1/ratings?region="
                + REGION + "&municipality=" + OKTMO).body()).get("data"), "organization_id"));

        JsonNode statistics = Json.parse(api.get("/api/v1/regions/" + REGION + "/statistics").body()).get("data");
        List<Integer> years = new ArrayList<>();
        statistics.forEach(s -> years.add(s.get("year").asInt()));
        assertEquals(List.of(2029, 2031), years);
        assertEquals(2, statistics.get(1).get("count").asInt());
    }

    @Test
    void organizationsShowOnlyPublishedResults() {
        JsonNode detail = Json.parse(api.get("/api/v1/organizations/" + id(everywhere)).body());
        assertEquals(corrected, detail.at("/latest_result/campaign_id").asLong(), "not the campaign retracted in 2032");
        assertEquals(2, detail.at("/latest_result/place_region").asInt());
        for (Map<String, String> hidden : List.of(firstRevisionOnly, retractedOnly)) {
            JsonNode other = Json.parse(api.get("/api/v1/organizations/" + id(hidden)).body());
            assertTrue(other.path("latest_result").isMissingNode() || other.get("latest_result").isNull(), other.toString());
            assertEquals(0, Json.parse(api.get("/api/v1/organizations/" + id(hidden) + "/results").body()).get("data").size());
        }

        JsonNode history = Json.parse(api.get("/api/v1/organizations/" + id(everywhere) + "/results").body()).get("data");
        assertEquals(List.of(corrected, earlier), List.of(history.get(0).get("campaign_id").asLong(),
                history.get(1).get("campaign_id").asLong()));
        assertEquals(2, history.size());
        assertEquals(earlier, history.get(0).get("previous_campaign_id").asLong(), "the retracted 2030 campaign is no previous cycle");
        assertEquals(2, history.get(0).get("place_region").asInt());
        assertEquals(2, history.get(0).get("organizations_in_region").asInt());

        JsonNode comparison = Json.parse(api.get("/api/v1/compare?organizations=" + id(everywhere) + ","
                + id(firstRevisionOnly) + "," + id(retractedOnly)).body());
        List<Integer> years = new ArrayList<>();
        comparison.get("data").forEach(y -> {
            years.add(y.get("year").asInt());
            y.get("results").forEach(entry -> assertEquals(entry.get("organization_id").asLong() == id(everywhere),
                    entry.get("assessed").asBoolean(), entry.toString()));
        });
        assertEquals(List.of(2029, 2031), years);
    }

    @Test
    void widgetsShowOnlyPublishedResults() {
        String card = api.get("/widgets/organizations/" + id(everywhere)).body();
        assertTrue(card.contains(">НОКО 2031</span>"), card);
        assertTrue(card.contains("<b>2\u00A0место</b> среди 2 организаций региона"), "revision 2's place: " + card);
        assertFalse(card.contains("НОКО 2032"));
        assertFalse(api.get("/widgets/organizations/" + id(everywhere) + "?campaign=" + retractedAfter).body()
                .contains("НОКО 2032"));
        String badge = api.get("/widgets/organizations/" + id(everywhere) + "/badge.svg").body();
        assertTrue(badge.contains("2031") && !badge.contains("2032"), badge);
        String hidden = api.get("/widgets/organizations/" + id(retractedOnly)).body();
        assertTrue(hidden.contains("<p class=\"empty\">"), hidden);
        assertFalse(hidden.contains("НОКО 2030") || hidden.contains("<rect class=\"bar-fill\""), hidden);

        String ranking = api.get("/widgets/municipalities/" + OKTMO).body();
        assertTrue(ranking.contains(name(everywhere)) && ranking.contains(name(secondRevisionOnly)), ranking);
        assertFalse(ranking.contains(name(firstRevisionOnly)) || ranking.contains(name(retractedOnly)), ranking);
        String retractedYear = api.get("/widgets/municipalities/" + OKTMO + "?year=2030").body();
        assertFalse(retractedYear.contains(name(retractedOnly)) || retractedYear.contains(name(everywhere)), retractedYear);
    }

    @Test
    void theNewestOpenDataVersionHoldsOnlyPublishedRevisions() {
        String identifier = context.getBean(OpenDataSettings.class).publisherInn() + "-noko-results-" + REGION;
        Csv.Table passport = Csv.parse(api.get("/opendata/" + identifier + "/meta.csv").body());
        String newest = passport.rows().stream().filter(r -> r.get("property").startsWith("data-"))
                .map(r -> r.get("value")).findFirst().orElseThrow();
        Csv.Table rows = Csv.parse(api.get(URI.create(newest).getRawPath()).body());
        Set<String> revisions = new HashSet<>();
        rows.rows().forEach(r -> revisions.add(r.get("campaign_id") + "/" + r.get("revision")));
        assertEquals(Set.of(earlier + "/1", corrected + "/2"), revisions);
        Set<String> organizations = new HashSet<>();
        rows.rows().stream().filter(r -> r.get("campaign_id").equals(String.valueOf(corrected)))
                .forEach(r -> organizations.add(r.get("organization_id")));
        assertEquals(Set.of(String.valueOf(id(everywhere)), String.valueOf(id(secondRevisionOnly))), organizations);
    }

    @Test
    void busGovExportHoldsThePublishedRevisionOnly() throws IOException {
        HttpResponse<byte[]> response = client.toBlocking().exchange(HttpRequest.GET(exportUri(corrected))
                .bearerAuth(Admin.BOOTSTRAP_TOKEN), byte[].class);
        assertEquals(200, response.code());
        assertTrue(response.header("Content-Disposition").contains("-r2.zip"), response.header("Content-Disposition"));
        String results = entry(response.body(), "results.csv");
        assertTrue(results.contains(inn(everywhere)) && results.contains(inn(secondRevisionOnly)), results);
        assertFalse(results.contains(inn(firstRevisionOnly)), results);
        assertEquals(409, admin.call(HttpRequest.GET(exportUri(retractedAfter))).code());
    }

    @Test
    void anUploadIsWarnedOnlyAboutPublishedResultsOfItsYear() {
        List<String> warned = new ArrayList<>();
        draftJob.get("warnings").forEach(w -> {
            if (w.get("code").asText().equals("assessed_this_year")) {
                warned.add(w.get("value").asText());
                assertTrue(w.get("message").asText().contains("№ " + corrected), w.toString());
            }
        });
        assertEquals(List.of(inn(everywhere)), warned, "not the organization of the superseded revision");
    }

    private static Map<String, String> row(String inn, String name, int percent) {
        Map<String, String> row = TestCampaigns.rawInputs(inn, name, percent);
        row.put("oktmo", OKTMO);
        return row;
    }

    private void retract(long campaignId) {
        HttpResponse<String> response = admin.call(HttpRequest.POST("/api/v1/admin/campaigns/" + campaignId + "/retract",
                "{\"reason\": \"Протокол отменён (тест опубликованного)\"}").contentType(MediaType.APPLICATION_JSON));
        assertEquals(200, response.code(), response.body());
    }


    private long id(Map<String, String> row) {
        return sql.one("SELECT id FROM organization WHERE inn = ? AND kpp = ?", List.of(row.get("inn"), row.get("kpp")),
                r -> r.getLong(1)).orElseThrow();
    }

    private static String inn(Map<String, String> row) {
        return row.get("inn");
    }

    private static String name(Map<String, String> row) {
        return row.get("name");
    }

    private static Set<Long> longs(JsonNode rows, String field) {
        Set<Long> values = new HashSet<>();
        rows.forEach(row -> values.add(row.get(field).asLong()));
        return values;
    }

    private static Set<String> column(Csv.Table table, String column) {
        Set<String> values = new HashSet<>();
        table.rows().forEach(row -> values.add(row.get(column)));
        return values;
    }

    private static JsonNode rowOf(JsonNode rows, long organizationId) {
        for (JsonNode row : rows) {
            if (row.get("organization_id").asLong() == organizationId) {
                return row;
            }
        }
        throw new AssertionError("No row of organization " + organizationId + " in " + rows);
    }

    private static String exportUri(long campaignId) {
        return "/api/v1/admin/campaigns/" + campaignId + "/exports/busgov";
    }

    private static String entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("No " + name + " in the archive");
    }
}
