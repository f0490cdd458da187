package ru.noko.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.Csv;
import ru.noko.support.Json;
import ru.noko.support.Rows;
import ru.noko.support.TestCampaigns;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Legal takedown: a campaign leaves every open-data version that held it; the withdrawn files answer
 * 410 Gone, their next editions carry everything else, untouched versions keep their bytes.
 */
@MicronautTest(transactional = false)
class TakedownTest extends AdminApiTestBase {

    private static final String REASON = "Решение суда по делу № А00-0000/2027";
    /** The structure of the results datasets' new versions. */
    private static final String STRUCTURE = ResultsDataset.ZERO_RULE;

    @Inject
    ApplicationContext context;

    @Test
    void takedownWithdrawsTheCampaignFromEveryVersionThatHeldIt() throws Exception {
        TestCampaigns.Org kept = TestCampaigns.org("Школа сохраняемой кампании", "school", TestCampaigns.MUNICIPALITY_A, 80);
        TestCampaigns.Org shared = TestCampaigns.org("Школа обеих кампаний", "school", TestCampaigns.MUNICIPALITY_A, 70);
        TestCampaigns.Org only = TestCampaigns.org("Школа только изымаемой кампании", "school", TestCampaigns.MUNICIPALITY_B, 90);
        TestCampaigns.Published campaignA = TestCampaigns.publish(context, List.of(kept, shared));
        long a = campaignA.campaignId();
        String versionA = newestVersion();
        byte[] regionA = bytes(file("noko-results-97", versionA));
        byte[] nationalA = bytes(file("noko-results", versionA));
        long c = TestCampaigns.publish(context, List.of(shared, only)).campaignId();
        String versionC = newestVersion();
        assertNotEquals(versionA, versionC);
        Map<String, byte[]> before = new LinkedHashMap<>();
        for (String code : List.of("noko-results-97", "noko-results", "noko-indicators", "noko-organizations")) {
            before.put(code, bytes(file(code, versionC)));
        }
        assertTrue(campaignIds(before.get("noko-results-97")).containsAll(Set.of(String.valueOf(a), String.valueOf(c))));

        // an operator may not take a campaign down, not even in its own region
        String operator = operatorToken("97");
        HttpResponse<String> refused = admin.as(operator).call(takedown(c, REASON));
        assertEquals(403, refused.code(), refused.body());
        assertEquals("published", admin.campaign(c).get("status").asText());
        assertEquals(200, api.get(file("noko-results-97", versionC)).code());

        HttpResponse<String> response = admin.call(takedown(c, REASON));
        assertEquals(200, response.code(), response.body());
        JsonNode done = Json.parse(response.body());
        assertEquals(c, done.get("campaign_id").asLong());
        assertEquals(REASON, done.get("reason").asText());
        assertTrue(done.get("retracted").asBoolean(), "a published campaign is retracted by its takedown");
        assertEquals("retracted", admin.campaign(c).get("status").asText());
        Map<String, String> replaced = new LinkedHashMap<>();
        done.get("files").forEach(f -> replaced.put(URI.create(f.get("withdrawn").asText()).getPath(),
                URI.create(f.get("replacement").asText()).getPath()));
        String editionC = versionC + "-2";
        for (String code : before.keySet()) {
            assertEquals(file(code, editionC), replaced.get(file(code, versionC)), code + " of " + versionC + " is re-issued");
        }
        assertFalse(replaced.containsKey(file("noko-results-97", versionA)), "a version without the campaign is not touched");
        assertFalse(replaced.keySet().stream().anyMatch(path -> path.contains("noko-methodology")));

        // the withdrawn file answers 410 with the reason, the date and its successor
        HttpResponse<String> gone = api.get(file("noko-results-97", versionC));
        assertEquals(410, gone.code(), gone.body());
        assertTrue(gone.getContentType().orElseThrow().toString().startsWith("application/problem+json"));
        JsonNode problem = Json.parse(gone.body());
        assertEquals(REASON, problem.get("reason").asText());
        assertEquals(done.get("taken_down_at").asText(), problem.get("withdrawn_at").asText());
        assertTrue(problem.get("detail").asText().contains(REASON), problem.get("detail").asText());
        assertEquals(file("noko-results-97", editionC), URI.create(problem.get("successor").asText()).getPath());
        assertTrue(gone.header("Link").contains("successor-version"), gone.header("Link"));
        assertEquals(410, api.call(HttpRequest.GET(file("noko-results-97", versionC))
                .header("If-None-Match", "\"" + OpenDataTest.sha256(before.get("noko-results-97")) + "\"")).code(),
                "no 304 for a withdrawn file either");

        // the new editions hold every row of the old files except the campaign's
        for (String code : List.of("noko-results-97", "noko-results", "noko-indicators")) {
            HttpResponse<String> data = api.get(file(code, editionC));
            assertEquals(200, data.code(), data.body());
            byte[] body = data.body().getBytes(StandardCharsets.UTF_8);
            assertEquals(OpenDataTest.sha256(body), data.header("X-Checksum-SHA256"));
            Csv.Table old = Csv.parse(new String(before.get(code), StandardCharsets.UTF_8));
            Csv.Table now = Csv.parse(data.body());
            assertEquals(old.header(), now.header());
            List<Map<String, String>> expected = old.rows().stream()
                    .filter(row -> !row.get("campaign_id").equals(String.valueOf(c))).toList();
            assertTrue(expected.size() < old.rows().size(), code + " held rows of the campaign");
            assertEquals(expected, now.rows(), code);
        }
        assertTrue(campaignIds(bytes(file("noko-results-97", editionC))).contains(String.valueOf(a)), "the other campaign stays");

        // the registry loses the organization that only the campaign had, and takes the shared
        // organization's row from the remaining campaign
        Csv.Table organizations = Csv.parse(new String(bytes(file("noko-organizations", editionC)), StandardCharsets.UTF_8));
        Map<String, Map<String, String>> byInn = organizations.rows().stream()
                .collect(Collectors.toMap(row -> row.get("inn"), row -> row, (x, y) -> x));
        assertFalse(byInn.containsKey(only.inn()));
        assertEquals(String.valueOf(campaignA.year()), byInn.get(shared.inn()).get("last_assessed_year"));
        assertTrue(byInn.containsKey(kept.inn()));
        assertTrue(new String(before.get("noko-organizations"), StandardCharsets.UTF_8).contains(only.inn()));

        // versions that never held the campaign keep their names and bytes
        assertArrayEquals(regionA, bytes(file("noko-results-97", versionA)));
        assertArrayEquals(nationalA, bytes(file("noko-results", versionA)));

        // passports and checksums name the new editions instead of the withdrawn files
        String region = identifier("noko-results-97");
        Map<String, String> passport = passport(region);
        assertTrue(passport.containsKey("data-" + editionC + "-structure-" + STRUCTURE), passport.keySet().toString());
        assertFalse(passport.containsKey("data-" + versionC + "-structure-" + STRUCTURE));
        assertTrue(passport.containsKey("data-" + versionA + "-structure-" + STRUCTURE));
        JsonNode json = Json.parse(api.get("/opendata/" + region + "/meta.json").body());
        List<String> sources = Rows.list(json.get("data")).stream().map(d -> URI.create(d.get("source").asText()).getPath()).toList();
        assertTrue(sources.contains(file("noko-results-97", editionC)));
        assertFalse(sources.contains(file("noko-results-97", versionC)));
        JsonNode reissued = Rows.list(json.get("data")).stream()
                .filter(d -> d.get("source").asText().endsWith(file("noko-results-97", editionC))).findFirst().orElseThrow();
        assertTrue(reissued.get("provenance").asText().contains("без данных кампании № " + c), reissued.toString());
        assertTrue(reissued.get("provenance").asText().contains(REASON));
        JsonNode dataPackage = Json.parse(api.get("/opendata/" + region + "/datapackage.json").body());
        List<String> resources = Rows.list(dataPackage.get("resources")).stream().map(r -> r.get("name").asText()).toList();
        // resource names are the file names in lower case (the data package name pattern)
        assertTrue(resources.contains(("data-" + editionC + "-structure-" + STRUCTURE).toLowerCase(java.util.Locale.ROOT)));
        assertFalse(resources.contains(("data-" + versionC + "-structure-" + STRUCTURE).toLowerCase(java.util.Locale.ROOT)));
        for (String code : before.keySet()) {
            String checksums = api.get("/opendata/" + identifier(code) + "/checksums.sha256").body();
            byte[] current = bytes(file(code, editionC));
            assertTrue(checksums.contains(OpenDataTest.sha256(current) + "  data-" + editionC + "-structure-" + structure(code) + ".csv"),
                    code + ": " + checksums);
            assertFalse(checksums.contains("  data-" + versionC + "-structure-"), code);
        }

        // audited, and only once
        JsonNode audit = Json.parse(admin.call(HttpRequest.GET("/api/v1/admin/audit?target=campaign/" + c)).body());
        List<JsonNode> takedowns = Rows.list(audit.get("data")).stream()
                .filter(e -> e.get("action").asText().equals("campaign.takedown")).toList();
        assertEquals(1, takedowns.size(), audit.toString());
        assertEquals(REASON, takedowns.get(0).at("/details/reason").asText());
        assertEquals(replaced.size(), takedowns.get(0).at("/details/files").size());
        assertTrue(Rows.list(audit.get("data")).stream().anyMatch(e -> e.get("action").asText().equals("campaign.retract")));

        HttpResponse<String> again = admin.call(takedown(c, REASON));
        assertEquals(409, again.code(), again.body());
    }

    @Test
    void aSecondTakedownMakesTheNextEditionAndCachesAreDropped() throws Exception {
        TestCampaigns.Org first = TestCampaigns.org("Школа первой кампании", "school", TestCampaigns.MUNICIPALITY_A, 60);
        TestCampaigns.Org second = TestCampaigns.org("Школа второй кампании", "school", TestCampaigns.MUNICIPALITY_B, 65);
        long a = TestCampaigns.publish(context, List.of(first)).campaignId();
        String versionA = newestVersion();
        long c = TestCampaigns.publish(context, List.of(second)).campaignId();
        String versionC = newestVersion();

        // retracted by its operator first: the takedown then retracts nothing, but still drops caches
        HttpResponse<String> retracted = admin.call(HttpRequest.POST("/api/v1/admin/campaigns/" + c + "/retract",
                "{\"reason\": \"Ошибка в данных\"}").contentType(MediaType.APPLICATION_JSON));
        assertEquals(200, retracted.code(), retracted.body());
        String versionR = newestVersion();
        byte[] retraction = bytes(file("noko-results-97", versionR));
        String etag = api.get("/api/v1/regions/97").header("ETag");
        JsonNode firstTakedown = Json.parse(admin.call(takedown(c, "Первое основание")).body());
        assertFalse(firstTakedown.get("retracted").asBoolean());
        assertNotEquals(etag, api.get("/api/v1/regions/97").header("ETag"), "public caches were invalidated");
        assertArrayEquals(retraction, bytes(file("noko-results-97", versionR)), "the retraction's version did not hold the campaign");

        HttpResponse<String> second2 = admin.call(takedown(a, "Второе основание"));
        assertEquals(200, second2.code(), second2.body());
        Set<String> withdrawn = new java.util.HashSet<>();
        Json.parse(second2.body()).get("files").forEach(f -> withdrawn.add(URI.create(f.get("withdrawn").asText()).getPath()));
        assertTrue(withdrawn.contains(file("noko-results-97", versionC + "-2")), withdrawn.toString());
        assertTrue(withdrawn.contains(file("noko-results-97", versionA)), withdrawn.toString());
        assertTrue(withdrawn.contains(file("noko-results-97", versionR)), withdrawn.toString());

        // edition 1 stays withdrawn for the first reason, edition 2 now for the second
        JsonNode gone1 = Json.parse(api.get(file("noko-results-97", versionC)).body());
        assertEquals("Первое основание", gone1.get("reason").asText());
        assertEquals(file("noko-results-97", versionC + "-3"), URI.create(gone1.get("successor").asText()).getPath());
        HttpResponse<String> gone2 = api.get(file("noko-results-97", versionC + "-2"));
        assertEquals(410, gone2.code());
        assertEquals("Второе основание", Json.parse(gone2.body()).get("reason").asText());
        Set<String> campaignsLeft = campaignIds(bytes(file("noko-results-97", versionC + "-3")));
        assertFalse(campaignsLeft.contains(String.valueOf(a)) || campaignsLeft.contains(String.valueOf(c)), campaignsLeft.toString());
        assertEquals(404, api.get(file("noko-results-97", versionC + "-4")).code());
        assertEquals(404, api.get(file("noko-results-97", versionA + "-1")).code(), "edition 1 has no suffix");
        assertEquals(200, api.get(file("noko-results-97", versionA + "-2")).code());

        // a campaign taken down never enters open data again, even when published once more
        new TestCampaigns(context).publish(c, TestCampaigns.REGION, List.of(
                TestCampaigns.rawInputs(TestCampaigns.newInn(TestCampaigns.REGION), "Школа после изъятия", 70)));
        assertEquals("published", admin.campaign(c).get("status").asText());
        assertFalse(campaignIds(bytes(file("noko-results", newestVersion()))).contains(String.valueOf(c)));
    }

    @Test
    void onlyPublishedCampaignsCanBeTakenDown() {
        long draft = admin.createCampaign("97", 2099, "Неопубликованная кампания");
        HttpResponse<String> never = admin.call(takedown(draft, REASON));
        assertEquals(409, never.code(), never.body());
        assertEquals(404, admin.call(takedown(987_654_321L, REASON)).code());
        HttpResponse<String> blank = admin.call(takedown(draft, "     "));
        assertEquals(400, blank.code(), blank.body());
        assertEquals("reason", Json.parse(blank.body()).at("/errors/0/field").asText());
    }

    private static MutableHttpRequest<String> takedown(long campaign, String reason) {
        return HttpRequest.POST("/api/v1/admin/campaigns/" + campaign + "/takedown", "{\"reason\": \"" + reason + "\"}")
                .contentType(MediaType.APPLICATION_JSON);
    }

    private String operatorToken(String region) {
        HttpResponse<String> created = admin.call(HttpRequest.POST("/api/v1/admin/tokens",
                "{\"name\": \"Оператор для изъятия\", \"role\": \"operator\", \"regions\": [\"" + region + "\"]}")
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, created.code(), created.body());
        return Json.parse(created.body()).get("secret").asText();
    }

    /** The newest data version of the national results: every release is one of its versions. */
    private String newestVersion() {
        String key = passport(identifier("noko-results")).keySet().stream().filter(k -> k.startsWith("data-"))
                .findFirst().orElseThrow();
        return key.substring("data-".length(), key.indexOf("-structure-"));
    }

    private String file(String code, String version) {
        return "/opendata/" + identifier(code) + "/data-" + version + "-structure-" + structure(code) + ".csv";
    }

    private static String structure(String code) {
        if (code.startsWith("noko-results")) {
            return ResultsDataset.ZERO_RULE;
        }
        return switch (code) {
            case "noko-organizations" -> OrganizationsDataset.LINKS;
            case "noko-indicators" -> IndicatorsDataset.RECOMPUTED;
            default -> Dataset.FIRST_STRUCTURE;
        };
    }

    private byte[] bytes(String path) {
        HttpResponse<String> response = api.get(path);
        assertEquals(200, response.code(), path + ": " + response.body());
        return response.body().getBytes(StandardCharsets.UTF_8);
    }

    private static Set<String> campaignIds(byte[] csv) {
        return Csv.parse(new String(csv, StandardCharsets.UTF_8)).rows().stream()
                .map(row -> row.getOrDefault("campaign_id", "")).collect(Collectors.toSet());
    }

    private Map<String, String> passport(String identifier) {
        Csv.Table table = Csv.parse(api.get("/opendata/" + identifier + "/meta.csv").body());
        Map<String, String> values = new LinkedHashMap<>();
        table.rows().forEach(row -> values.put(row.get("property"), row.get("value")));
        return values;
    }

    private String identifier(String code) {
        return context.getBean(OpenDataSettings.class).publisherInn() + "-" + code;
    }
}
