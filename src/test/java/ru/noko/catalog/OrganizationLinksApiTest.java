package ru.noko.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.noko.opendata.OpenDataSettings;
import ru.noko.platform.database.Sql;
import ru.noko.support.Admin;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.Csv;
import ru.noko.support.Json;
import ru.noko.support.Rows;
import ru.noko.support.TestCampaigns;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/v1/admin/organization-links}: organizations across reorganisations. */
@MicronautTest(transactional = false)
class OrganizationLinksApiTest extends AdminApiTestBase {

    private static final String VOLOGDA = "35";
    private static final String VORONEZH = "36";

    @Inject
    Sql sql;

    @Inject
    OpenDataSettings openData;

    @Inject
    OrganizationLinks links;

    @Test
    void theHistoryFollowsAChainOfLinksAndTheLinksArePublished() {
        long a = publishedSchool(2019, "Средняя школа № 7 (до слияния)", 70);
        long b = publishedSchool(2021, "Средняя школа № 7 (после слияния)", 80);
        long c = publishedSchool(2023, "Средняя школа № 7 (новый ИНН)", 90);
        HttpResponse<String> before = api.get("/api/v1/organizations/" + c + "/results");
        assertEquals(1, Json.parse(before.body()).get("data").size(), "cached once, before any link");
        String etagBefore = before.header(HttpHeaders.ETAG);

        HttpResponse<String> first = link(admin, a, b, "merged", "2020-09-01", "Приказ № 412 от 15.08.2020");
        assertEquals(201, first.code(), first.body());
        long ab = Json.parse(first.body()).get("id").asLong();
        assertEquals("/api/v1/admin/organization-links/" + ab, first.header(HttpHeaders.LOCATION));
        HttpResponse<String> second = link(admin, b, c, "reregistered", "2022-09-01", null);
        assertEquals(201, second.code(), second.body());
        long bc = Json.parse(second.body()).get("id").asLong();
        assertEquals(c, Json.parse(second.body()).at("/successor/id").asLong());
        assertEquals("reregistered", Json.parse(second.body()).get("kind").asText());

        // the successor's history holds its predecessors' results, each marked as such
        HttpResponse<String> after = api.get("/api/v1/organizations/" + c + "/results");
        assertNotEquals(etagBefore, after.header(HttpHeaders.ETAG), "a link changes what the history answers");
        List<JsonNode> rows = Rows.list(Json.parse(after.body()).get("data"));
        assertEquals(List.of(2023, 2021, 2019), rows.stream().map(r -> r.get("year").asInt()).toList());
        assertEquals(c, rows.get(0).get("organization_id").asLong());
        assertTrue(rows.get(0).path("via_link").isMissingNode() || rows.get(0).get("via_link").isNull());
        assertEquals(b, rows.get(1).get("organization_id").asLong());
        assertEquals("Средняя школа № 7 (после слияния)", rows.get(1).get("organization_name").asText());
        assertEquals("predecessor", rows.get(1).get("via_link").asText());
        assertEquals("reregistered", rows.get(1).get("link_kind").asText());
        assertEquals("2022-09-01", rows.get(1).get("link_date").asText());
        assertEquals(a, rows.get(2).get("organization_id").asLong(), "the chain is followed");
        assertEquals("merged", rows.get(2).get("link_kind").asText());
        assertEquals(80.0, rows.get(1).get("total").asDouble(), 1e-9);
        assertTrue(rows.get(0).path("change_total").isMissingNode() || rows.get(0).get("change_total").isNull(),
                "no change is computed across a link");
        Csv.Table csv = Csv.parse(api.get("/api/v1/organizations/" + c + "/results?format=csv").body());
        assertEquals("predecessor", csv.rows().get(2).get("via_link"));
        assertEquals(String.valueOf(a), csv.rows().get(2).get("organization_id"));
        assertEquals(1, Json.parse(api.get("/api/v1/organizations/" + a + "/results").body()).get("data").size(),
                "a predecessor's history does not take its successors' results");

        // the organization resource lists both directions
        JsonNode middle = Json.parse(api.get("/api/v1/organizations/" + b).body());
        assertEquals(a, middle.at("/predecessors/0/id").asLong());
        assertEquals("merged", middle.at("/predecessors/0/kind").asText());
        assertEquals("2020-09-01", middle.at("/predecessors/0/date").asText());
        assertEquals(sql.one("SELECT inn FROM organization WHERE id = ?", List.of(a), row -> row.getString(1)).orElseThrow(),
                middle.at("/predecessors/0/inn").asText());
        assertEquals("Средняя школа № 7 (до слияния)", middle.at("/predecessors/0/name").asText());
        assertEquals(c, middle.at("/successors/0/id").asLong());
        assertEquals(0, Json.parse(api.get("/api/v1/organizations/" + a).body()).get("predecessors").size());

        // the organizations open-data set carries the links of its release
        String version = newestOrganizationsFile();
        Map<String, Map<String, String>> registry = byId(Csv.parse(api.get(version).body()));
        assertEquals(String.valueOf(b), registry.get(String.valueOf(c)).get("predecessor_ids"));
        assertEquals(String.valueOf(b), registry.get(String.valueOf(a)).get("successor_ids"));
        assertEquals("", registry.get(String.valueOf(a)).get("predecessor_ids"));
        assertEquals(String.valueOf(a), registry.get(String.valueOf(b)).get("predecessor_ids"));
        assertEquals(String.valueOf(c), registry.get(String.valueOf(b)).get("successor_ids"));
        byte[] withLinks = api.get(version).body().getBytes(StandardCharsets.UTF_8);

        // refused: self-link, the same pair again (either way round), a cycle, a future date
        assertProblem(link(admin, a, a, "renamed", "2020-01-01", null), "successor_id", "self_link");
        assertProblem(link(admin, a, b, "renamed", "2020-01-01", null), "successor_id", "duplicate_link");
        assertProblem(link(admin, b, a, "renamed", "2020-01-01", null), "successor_id", "duplicate_link");
        assertProblem(link(admin, c, a, "merged", "2024-01-01", null), "successor_id", "link_cycle");
        long d = school(VOLOGDA, "Школа для будущей даты");
        assertProblem(link(admin, d, c, "merged", LocalDate.now().plusDays(3).toString(), null), "effective_date", "future_date");
        assertProblem(link(admin, Long.MAX_VALUE, c, "merged", "2020-01-01", null), "predecessor_id", "unknown_organization");
        assertEquals(2L, sql.count("SELECT count(*) FROM organization_link WHERE ? IN (predecessor_id, successor_id)", List.of(b)),
                "nothing half-written");

        // audited, listed
        JsonNode audit = Json.parse(admin.call(HttpRequest.GET("/api/v1/admin/audit?target=organization-link/" + ab)).body()).at("/data/0");
        assertEquals("organization_link.create", audit.get("action").asText());
        assertEquals(a, audit.at("/details/predecessor/id").asLong());
        assertEquals("Приказ № 412 от 15.08.2020", audit.at("/details/note").asText());
        JsonNode listed = Json.parse(admin.call(HttpRequest.GET("/api/v1/admin/organization-links?organization=" + b)).body());
        assertEquals(2, listed.at("/meta/total").asInt());
        assertEquals(bc, listed.at("/data/0/id").asLong(), "newest first");

        // removing a link takes the predecessors out of the history; published files keep their bytes
        HttpResponse<String> deleted = admin.call(HttpRequest.DELETE("/api/v1/admin/organization-links/" + bc));
        assertEquals(204, deleted.code(), deleted.body());
        List<JsonNode> remaining = Rows.list(Json.parse(api.get("/api/v1/organizations/" + c + "/results").body()).get("data"));
        assertEquals(List.of(c), remaining.stream().map(r -> r.get("organization_id").asLong()).toList());
        assertEquals(2, Json.parse(api.get("/api/v1/organizations/" + b + "/results").body()).get("data").size());
        assertEquals(0, Json.parse(api.get("/api/v1/organizations/" + c).body()).get("predecessors").size());
        assertEquals("organization_link.delete", Json.parse(admin.call(HttpRequest.GET(
                "/api/v1/admin/audit?target=organization-link/" + bc)).body()).at("/data/0/action").asText());
        assertEquals(new String(withLinks, StandardCharsets.UTF_8), api.get(version).body(), "an earlier version keeps its bytes");
        String newer = newestOrganizationsFile();
        assertNotEquals(version, newer);
        assertEquals("", byId(Csv.parse(api.get(newer).body())).get(String.valueOf(c)).get("predecessor_ids"));
        assertEquals(404, admin.call(HttpRequest.DELETE("/api/v1/admin/organization-links/" + bc)).code());
    }

    @Test
    void anOperatorLinksOnlyOrganizationsOfItsRegions() {
        Admin vologda = admin.as(operatorToken("Вологда — оператор (тест связей)", VOLOGDA));
        Admin voronezh = admin.as(operatorToken("Воронеж — оператор (тест связей)", VORONEZH));
        long ownOld = school(VOLOGDA, "Школа № 1 Вологды (старая)");
        long ownNew = school(VOLOGDA, "Школа № 1 Вологды (новая)");
        long foreignOld = school(VORONEZH, "Школа № 1 Воронежа (старая)");
        long foreignNew = school(VORONEZH, "Школа № 1 Воронежа (новая)");
        long missing = Long.MAX_VALUE - 7;

        // another region's organizations answer exactly as missing ones
        HttpResponse<String> foreign = link(vologda, foreignOld, foreignNew, "merged", "2022-01-01", null);
        HttpResponse<String> absent = link(vologda, missing, missing - 1, "merged", "2022-01-01", null);
        assertEquals(400, foreign.code(), foreign.body());
        assertEquals(masked(absent.body(), missing, missing - 1), masked(foreign.body(), foreignOld, foreignNew));
        // across regions: only an admin
        assertProblem(link(vologda, ownOld, foreignNew, "merged", "2022-01-01", null), "successor_id", "unknown_organization");
        assertProblem(link(voronezh, ownOld, foreignNew, "merged", "2022-01-01", null), "predecessor_id", "unknown_organization");
        assertEquals(0L, sql.count("SELECT count(*) FROM organization_link WHERE predecessor_id = ?", List.of(ownOld)));

        HttpResponse<String> own = link(vologda, ownOld, ownNew, "renamed", "2022-01-01", null);
        assertEquals(201, own.code(), own.body());
        long ownLink = Json.parse(own.body()).get("id").asLong();
        assertEquals("Вологда — оператор (тест связей)", Json.parse(own.body()).get("created_by").asText());
        HttpResponse<String> across = link(admin, ownNew, foreignNew, "split", "2023-01-01", null);
        assertEquals(201, across.code(), across.body());
        long acrossLink = Json.parse(across.body()).get("id").asLong();

        // links an operator may not manage do not exist for it
        for (Admin operator : List.of(vologda, voronezh)) {
            assertEquals(404, operator.call(HttpRequest.GET("/api/v1/admin/organization-links/" + acrossLink)).code());
            assertEquals(404, operator.call(HttpRequest.DELETE("/api/v1/admin/organization-links/" + acrossLink)).code());
        }
        HttpResponse<String> hidden = voronezh.call(HttpRequest.DELETE("/api/v1/admin/organization-links/" + ownLink));
        HttpResponse<String> none = voronezh.call(HttpRequest.DELETE("/api/v1/admin/organization-links/" + (Long.MAX_VALUE - 3)));
        assertEquals(404, hidden.code());
        assertEquals(Json.parse(none.body()).get("type"), Json.parse(hidden.body()).get("type"));
        assertEquals(404, vologda.call(HttpRequest.GET("/api/v1/admin/organization-links?organization=" + foreignNew)).code());
        JsonNode visible = Json.parse(vologda.call(HttpRequest.GET("/api/v1/admin/organization-links?organization=" + ownNew)).body());
        assertEquals(List.of(ownLink), Rows.list(visible.get("data")).stream().map(l -> l.get("id").asLong()).toList());
        assertEquals(2, Json.parse(admin.call(HttpRequest.GET("/api/v1/admin/organization-links?organization=" + ownNew)).body())
                .at("/meta/total").asInt());
        assertEquals(2L, sql.count("SELECT count(*) FROM organization_link WHERE ? IN (predecessor_id, successor_id)", List.of(ownNew)));

        assertEquals(204, vologda.call(HttpRequest.DELETE("/api/v1/admin/organization-links/" + ownLink)).code());
        assertEquals(1L, sql.count("SELECT count(*) FROM organization_link WHERE ? IN (predecessor_id, successor_id)", List.of(ownNew)));
    }

    @Test
    void chainsAreFollowedToABoundAndNeverRoundACycle() {
        List<Long> chain = new java.util.ArrayList<>();
        for (int i = 0; i < OrganizationLinks.MAX_DEPTH + 4; i++) {
            chain.add(school(VOLOGDA, "Школа цепочки № " + i));
        }
        for (int i = 1; i < chain.size(); i++) {
            insertLink(chain.get(i - 1), chain.get(i));
        }
        List<Predecessor> found = links.predecessorChain(chain.get(chain.size() - 1));
        assertEquals(OrganizationLinks.MAX_DEPTH, found.size(), "followed up to the bound");
        assertEquals(OrganizationLinks.MAX_DEPTH, found.stream().mapToInt(Predecessor::depth).max().orElseThrow());

        // a cycle the API would refuse, written past it: still finite, and the organization is never its own predecessor
        long x = school(VOLOGDA, "Школа цикла X");
        long y = school(VOLOGDA, "Школа цикла Y");
        long z = school(VOLOGDA, "Школа цикла Z");
        insertLink(x, y);
        insertLink(y, z);
        insertLink(z, x);
        assertEquals(java.util.Set.of(y, x), links.predecessorChain(z).stream().map(Predecessor::organizationId)
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals(200, api.get("/api/v1/organizations/" + z + "/results").code());
    }

    private void insertLink(long predecessor, long successor) {
        sql.update("INSERT INTO organization_link (predecessor_id, successor_id, kind, effective_date, created_by) "
                + "VALUES (?, ?, 'merged', DATE '2020-01-01', 'тест')", List.of(predecessor, successor));
    }

    private long publishedSchool(int year, String name, int score) {
        String inn = TestCampaigns.newInn(VOLOGDA);
        long campaign = admin.createCampaign(VOLOGDA, year, "НОКО школ Вологодской области " + year + " (тест связей)", "school");
        byte[] file = ("inn,kpp,name,type,k1,k2,k3,k4,k5\n" + inn + "," + inn.substring(0, 4) + "01001," + name + ",school,"
                + score + "," + score + "," + score + "," + score + "," + score + "\n").getBytes(StandardCharsets.UTF_8);
        JsonNode job = admin.uploadAndWait(campaign, file, "text/csv", null);
        assertEquals(0, job.get("errors_count").asInt(), job.toString());
        assertEquals(200, admin.publish(campaign).code());
        return Json.parse(api.get("/api/v1/organizations?inn=" + inn).body()).at("/data/0/id").asLong();
    }

    private long school(String region, String name) {
        String inn = TestCampaigns.newInn(region);
        return sql.one("""
                INSERT INTO organization (inn, kpp, name, type, region_code, search_name)
                VALUES (?, ?, ?, 'school', ?, lower(?)) RETURNING id""",
                List.of(inn, inn.substring(0, 4) + "01001", name, region, name), row -> row.getLong(1)).orElseThrow();
    }

    private static HttpResponse<String> link(Admin caller, long predecessor, long successor, String kind, String date, String note) {
        String body = "{\"predecessor_id\": " + predecessor + ", \"successor_id\": " + successor + ", \"kind\": \"" + kind
                + "\", \"effective_date\": \"" + date + "\"" + (note == null ? "" : ", \"note\": \"" + note + "\"") + "}";
        return caller.call(HttpRequest.POST("/api/v1/admin/organization-links", body).contentType(MediaType.APPLICATION_JSON));
    }

    private static void assertProblem(HttpResponse<String> response, String field, String code) {
        assertEquals(400, response.code(), response.body());
        assertTrue(response.header(HttpHeaders.CONTENT_TYPE).startsWith("application/problem+json"), response.header(HttpHeaders.CONTENT_TYPE));
        JsonNode errors = Json.parse(response.body()).get("errors");
        assertTrue(Rows.list(errors).stream().anyMatch(e -> e.get("field").asText().equals(field) && e.get("code").asText().equals(code)),
                response.body());
        assertFalse(response.body().contains("Exception"), response.body());
    }

    /** The path of the newest data file of the organizations set. */
    private String newestOrganizationsFile() {
        String identifier = openData.publisherInn() + "-noko-organizations";
        Csv.Table passport = Csv.parse(api.get("/opendata/" + identifier + "/meta.csv").body());
        String url = passport.rows().stream().filter(r -> r.get("property").startsWith("data-")).findFirst()
                .orElseThrow().get("value");
        return URI.create(url).getRawPath();
    }

    private static Map<String, Map<String, String>> byId(Csv.Table table) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        table.rows().forEach(row -> rows.put(row.get("organization_id"), row));
        return rows;
    }

    private String operatorToken(String name, String region) {
        HttpResponse<String> response = admin.call(HttpRequest.POST("/api/v1/admin/tokens",
                "{\"name\": \"" + name + "\", \"role\": \"operator\", \"regions\": [\"" + region + "\"]}")
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, response.code(), response.body());
        return Json.parse(response.body()).get("secret").asText();
    }

    /** The problem with the two ids it names replaced by #1 and #2, wherever they stand as ids (not in the status). */
    private static String masked(String body, long first, long second) {
        String masked = body;
        long[] ids = {first, second};
        for (int i = 0; i < ids.length; i++) {
            String mark = "#" + (i + 1);
            masked = masked.replace("id " + ids[i] + "\"", "id " + mark + "\"")
                    .replace("\"value\":\"" + ids[i] + "\"", "\"value\":\"" + mark + "\"");
        }
        return masked;
    }
}
