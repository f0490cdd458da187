package ru.noko.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import ru.noko.support.Admin;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.Json;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console's static files and the admin API additions it relies on, over real HTTP and against the contract. */
@MicronautTest(transactional = false)
class ConsoleApiTest extends AdminApiTestBase {

    @Test
    void theConsoleIsAStaticShellWithAStrictPolicyAndNothingInline() {
        HttpResponse<String> page = api.get("/console");
        assertEquals(200, page.code());
        String policy = page.header("Content-Security-Policy");
        assertTrue(policy.startsWith("default-src 'self'"), policy);
        assertFalse(policy.contains("unsafe"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        String html = page.body();
        assertTrue(html.contains("<script type=\"module\" src=\"/console/app.js\"></script>"), html);
        assertFalse(html.matches("(?s).*<script(?![^>]*\\bsrc=)[^>]*>.*"), "no inline script");
        assertFalse(html.matches("(?s).*(<style|\\sstyle=|\\son[a-z]+=).*"), "no inline style or handler");
        for (String asset : List.of("/console/app.js", "/console/console.css")) {
            HttpResponse<String> file = api.get(asset);
            assertEquals(200, file.code(), asset);
            assertFalse(file.body().matches("(?s).*https?://.*"), asset + " loads nothing from other origins");
        }
        String script = api.get("/console/app.js").body();
        assertFalse(script.contains("innerHTML"), "text goes into the page as text only");
        assertFalse(script.contains("localStorage.setItem(TOKEN_KEY"), "the token stays in sessionStorage");
    }

    @Test
    void meNamesTheTokenItsRoleAndRegions() {
        JsonNode adminMe = Json.parse(admin.call(HttpRequest.GET("/api/v1/admin/me")).body());
        assertEquals("admin", adminMe.get("role").asText());
        String secret = operatorToken("59", "18");
        JsonNode operatorMe = Json.parse(admin.as(secret).call(HttpRequest.GET("/api/v1/admin/me")).body());
        assertEquals("operator", operatorMe.get("role").asText());
        assertEquals(List.of("18", "59"), texts(operatorMe.get("regions")).stream().sorted().toList());
        assertEquals(401, admin.as("no-such-token-0123456789abcdef").call(HttpRequest.GET("/api/v1/admin/me")).code());
    }

    @Test
    void theReportDownloadsAsExcelCsvAndTheListShowsTheLastUpload() {
        long campaign = admin.createCampaign("59", 2093, "Консоль: отчёт для Excel", "school");
        ConsoleFiles files = new ConsoleFiles();
        JsonNode job = admin.uploadAndWait(campaign, files.withBadRow(), "text/csv", null);
        assertEquals(1, job.get("errors_count").asInt(), job.toString());

        HttpResponse<String> csv = admin.call(HttpRequest.GET("/api/v1/admin/jobs/" + job.get("id").asLong() + "/report.csv"));
        assertEquals(200, csv.code(), csv.body());
        assertTrue(csv.header("Content-Disposition").contains("upload-" + job.get("id").asLong() + "-report.csv"));
        String body = csv.body();
        assertTrue(body.startsWith("\uFEFFСтрока;Столбец;Значение;Вид;Код;Сообщение\r\n"), body);
        assertTrue(body.contains("\r\n4;К1;девяносто;ошибка;not_a_number;"), body);

        String outsider = operatorToken("18");
        assertEquals(404, admin.as(outsider).call(HttpRequest.GET("/api/v1/admin/jobs/" + job.get("id").asLong() + "/report.csv")).code());

        JsonNode list = Json.parse(admin.call(HttpRequest.GET("/api/v1/admin/campaigns?region=59&per_page=500")).body());
        JsonNode mine = null;
        for (JsonNode c : list.get("data")) {
            if (c.get("id").asLong() == campaign) {
                mine = c;
            }
        }
        assertEquals(job.get("id").asLong(), mine.get("last_upload").get("job_id").asLong(), String.valueOf(mine));
        assertEquals(1, mine.get("last_upload").get("errors_count").asInt());
        assertFalse(mine.has("current_upload"), "lists leave the full report out");
    }

    @Test
    void aCorrectionCountsWhatItWouldChangeAgainstThePublishedRevision() {
        long campaign = admin.createCampaign("59", 2096, "Консоль: исправление", "school");
        ConsoleFiles files = new ConsoleFiles();
        admin.uploadAndWait(campaign, files.corrected(), "text/csv", null);
        JsonNode first = admin.campaign(campaign).get("pending_changes");
        assertEquals("{\"added\":3,\"removed\":0,\"changed\":0,\"unchanged\":0}", first.toString());
        assertEquals(200, admin.publish(campaign).code());
        assertFalse(admin.campaign(campaign).has("pending_changes"), "nothing left to publish");

        String corrected = new String(files.corrected(), ConsoleFiles.CP1251)
                .replace("МАОУ «Лицей № 1»;57701000;82,4", "МАОУ «Лицей № 1»;57701000;83,4")
                .replace(";75,18;3", ";75,38;3");
        admin.uploadAndWait(campaign, corrected.getBytes(ConsoleFiles.CP1251), "text/csv", null);
        JsonNode second = admin.campaign(campaign).get("pending_changes");
        assertEquals("{\"added\":0,\"removed\":0,\"changed\":1,\"unchanged\":2}", second.toString());
    }

    @Test
    void theDraftIsRankedAsPublishRanksItAndItsChangesAreListedBeforePublishing() {
        long campaign = admin.createCampaign("59", 2098, "Консоль: предпросмотр рейтинга", "school");
        ConsoleFiles files = new ConsoleFiles();
        String base = "/api/v1/admin/campaigns/" + campaign;
        assertEquals(404, admin.call(HttpRequest.GET(base + "/preview")).code(), "nothing uploaded yet");
        admin.uploadAndWait(campaign, files.withTotalMismatch(), "text/csv", null);

        JsonNode ranking = Json.parse(admin.call(HttpRequest.GET(base + "/preview?per_page=2")).body());
        assertEquals(3, ranking.get("meta").get("total").asInt(), ranking.toString());
        assertEquals(2, ranking.get("data").size(), ranking.toString());
        JsonNode first = ranking.get("data").get(0);
        assertEquals(files.inns[1], first.get("inn").asText(), ranking.toString());
        assertEquals(1, first.get("place_region").asInt());
        assertEquals(1, first.get("place_official").asInt());
        assertEquals(1, first.get("place_computed").asInt());
        JsonNode last = Json.parse(admin.call(HttpRequest.GET(base + "/preview?page=2&per_page=2")).body()).get("data").get(0);
        assertEquals(files.inns[0], last.get("inn").asText(), last.toString());
        assertEquals("mismatch", last.get("total_check").asText(), last.toString());
        assertEquals(75.48, last.get("published_total").asDouble(), 1e-9);
        assertEquals(75.18, last.get("total_computed").asDouble(), 1e-9);
        assertEquals(3, last.get("place_computed").asInt());
        assertEquals("57701000", last.get("oktmo").asText());
        JsonNode mismatchFirst = Json.parse(admin.call(HttpRequest.GET(base + "/preview?sort=mismatch")).body()).get("data");
        assertEquals(files.inns[0], mismatchFirst.get(0).get("inn").asText(), mismatchFirst.toString());
        assertEquals(0, Json.parse(admin.call(HttpRequest.GET(base + "/preview?type=preschool")).body())
                .get("meta").get("total").asInt());

        JsonNode added = Json.parse(admin.call(HttpRequest.GET(base + "/pending-changes")).body());
        assertEquals("{\"added\":3,\"removed\":0,\"changed\":0,\"unchanged\":0}", added.get("summary").toString());
        assertEquals(3, added.get("data").size(), added.toString());
        assertEquals(1, added.get("revision").asInt());
        assertFalse(added.get("data").get(0).hasNonNull("organization_id"), "new to the catalogue: " + added);

        String outsider = operatorToken("18");
        assertEquals(404, admin.as(outsider).call(HttpRequest.GET(base + "/preview")).code());
        assertEquals(404, admin.as(outsider).call(HttpRequest.GET(base + "/pending-changes")).code());

        assertEquals(200, admin.publish(campaign).code());
        assertEquals(404, admin.call(HttpRequest.GET(base + "/pending-changes")).code(), "nothing left to publish");
        admin.uploadAndWait(campaign, files.corrected(), "text/csv", null);
        JsonNode changed = Json.parse(admin.call(HttpRequest.GET(base + "/pending-changes")).body());
        assertEquals("{\"added\":0,\"removed\":0,\"changed\":1,\"unchanged\":2}", changed.get("summary").toString());
        assertEquals(admin.campaign(campaign).get("pending_changes"), changed.get("summary"), "one rule counts and lists");
        JsonNode row = changed.get("data").get(0);
        assertEquals(files.inns[0], row.get("inn").asText(), changed.toString());
        assertEquals("changed", row.get("change").asText());
        assertFalse(row.get("organization_id").isNull());
        assertEquals("[{\"field\":\"total\",\"before\":\"75.48\",\"after\":\"75.18\"}]", row.get("fields").toString());
        assertEquals(1, changed.get("from_revision").asInt());
        assertEquals(2, changed.get("revision").asInt());
    }

    @Test
    void aWriteFromTheServicesOwnPageIsNotCrossOriginButOneFromAnotherSiteStillIs() {
        String body = "{\"region_code\": \"59\", \"year\": 2097, \"title\": \"Консоль: запись со своей страницы\"}";
        HttpResponse<String> own = admin.call(HttpRequest.POST("/api/v1/admin/campaigns", body).contentType(MediaType.APPLICATION_JSON)
                .header("Host", "opendata.example.org").header("Origin", "https://opendata.example.org"));
        assertEquals(201, own.code(), own.body());
        // refused by the CORS filter before the API answers, so outside the contract
        HttpResponse<String> foreign = api.exchange(HttpRequest.POST("/api/v1/admin/campaigns", body).contentType(MediaType.APPLICATION_JSON)
                .bearerAuth(Admin.BOOTSTRAP_TOKEN).header("Host", "opendata.example.org").header("Origin", "https://school-site.example"));
        assertEquals(403, foreign.code(), "the public CORS rules allow other sites only to read");
    }

    private String operatorToken(String... regions) {
        HttpResponse<String> created = admin.call(HttpRequest.POST("/api/v1/admin/tokens",
                "{\"name\": \"Консоль, оператор " + String.join(",", regions) + "\", \"role\": \"operator\", \"regions\": [\""
                        + String.join("\", \"", regions) + "\"]}").contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, created.code(), created.body());
        return Json.parse(created.body()).get("secret").asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
