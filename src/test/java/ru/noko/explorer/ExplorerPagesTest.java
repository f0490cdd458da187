package ru.noko.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import ru.noko.platform.database.DataVersion;
import ru.noko.platform.web.PublicCache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The explorer's pages over real HTTP; every response is checked against the contract. */
@MicronautTest(transactional = false)
class ExplorerPagesTest extends ExplorerTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PAGE_BYTES = 60 * 1024;
    private static final String FORMULA_INPUTS_UNPUBLISHED = "исходные данные не опубликованы оператором";

    @Test
    void everyPageIsSmallRussianStrictAndDistinct() {
        List<String> titles = new ArrayList<>();
        List<String> paths = new ArrayList<>(everyPage());
        paths.add("/regions/" + ExplorerFixture.DEMO_REGION + "/ratings?year=2025&type=school&per_page=100");
        for (String path : paths) {
            HttpResponse<String> response = api.get(path);
            assertEquals(200, response.code(), path + ": " + response.body());
            String body = response.body();
            assertTrue(body.startsWith("<!DOCTYPE html>\n<html lang=\"ru\">"), path);
            int bytes = body.getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes <= MAX_PAGE_BYTES, path + " is " + bytes + " bytes");
            String policy = response.header("Content-Security-Policy");
            assertTrue(policy.startsWith("default-src 'self'") && !policy.contains("unsafe-inline"), policy);
            assertFalse(body.contains(" style=\""), path + ": no inline style");
            assertFalse(body.contains("<style"), path);
            assertFalse(Pattern.compile("<script(?! type=\"application/ld\\+json\")").matcher(body).find(), path + ": no script");
            assertTrue(body.contains("<link rel=\"canonical\" href=\"http"), path);
            assertTrue(body.contains("<meta property=\"og:title\""), path);
            assertTrue(body.contains("type=\"application/atom+xml\""), path);
            assertTrue(body.contains("<link rel=\"alternate\" type=\"application/json\""), path + ": the JSON twin");
            assertTrue(body.contains("<link rel=\"alternate\" type=\"text/csv\""), path + ": the CSV twin");
            assertNotNull(response.header("ETag"), path);
            titles.add(title(body));
            System.out.println("explorer page " + path + ": " + bytes + " bytes");
        }
        titles.remove(titles.size() - 1); // the same ranking with other page size
        assertEquals(titles.size(), titles.stream().distinct().count(), "distinct titles: " + titles);
    }

    @Test
    void aSearchWithATypoFindsSimilarNames() {
        String page = api.get("/?q=" + java.net.URLEncoder.encode("гимназя новоградского", StandardCharsets.UTF_8)).body();
        assertTrue(page.contains("Точных совпадений нет; ниже — организации с похожими названиями."), page);
        assertTrue(page.contains("href=\"/organizations/" + fixture.demoSchoolId + "\""), "found despite the missing letter");
        String exact = api.get("/?q=" + java.net.URLEncoder.encode("гимназия новоградского", StandardCharsets.UTF_8)).body();
        assertFalse(exact.contains("похожими названиями"), "an exact match is not called similar");
        assertTrue(api.get("/?q=" + java.net.URLEncoder.encode("щщщщщ", StandardCharsets.UTF_8)).body().contains("Ничего не найдено"));
    }

    @Test
    void aNameFromAnOperatorsFileIsText() {
        String body = api.get("/organizations/" + fixture.xssId).body();
        assertFalse(body.contains("<script>alert(1)"), "escaped");
        assertTrue(body.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"Школа\"</h1>"), "text escaped");
        assertTrue(body.contains("alert(1)&lt;/script> &amp; &#34;Школа&#34;: результаты"), "attribute escaped");
        assertTrue(body.contains("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"School\""
                + ",\"name\":\"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 \\\"Школа\\\"\""), "JSON-LD escaped for a script element");
        String municipality = api.get("/municipalities/" + ExplorerFixture.MUNICIPALITY).body();
        assertFalse(municipality.contains("<b>Тест</b>"));
    }

    @Test
    void theSearchFindsOrganizationsByNameOrInnAndPlacesByName() {
        String byName = api.get("/?q=" + java.net.URLEncoder.encode("гимназия новоградского", StandardCharsets.UTF_8)).body();
        assertTrue(byName.contains("href=\"/organizations/" + fixture.demoSchoolId + "\""), "found by words of its name");
        String byPlace = api.get("/?q=" + java.net.URLEncoder.encode("новоградский", StandardCharsets.UTF_8)).body();
        assertTrue(byPlace.contains("href=\"/municipalities/00701000\""), "a municipality by its name");
    }

    @Test
    void aPageIsRevalidatedByItsETag() {
        String path = "/organizations/" + fixture.demoSchoolId;
        HttpResponse<String> first = api.get(path);
        String etag = first.header("ETag");
        HttpResponse<String> again = api.call(HttpRequest.GET(path).header("If-None-Match", etag));
        assertEquals(304, again.code());
        assertEquals(etag, api.get(path).header("ETag"), "served from the cache under the same validator");
    }

    @Test
    void aPublicationGivesEveryPageANewValidator() {
        String path = "/regions/" + ExplorerFixture.REGION;
        String before = api.get(path).header("ETag");
        // what publishing does after its commit: a new data version, the public cache cleared
        context.getBean(DataVersion.class).bump(java.util.List.of());
        context.getBean(PublicCache.class).invalidateAll();
        HttpResponse<String> after = api.call(HttpRequest.GET(path).header("If-None-Match", before));
        assertEquals(200, after.code(), "the old validator no longer matches");
        assertFalse(before.equals(after.header("ETag")));
    }

    @Test
    void theRankingPageShowsTheApisNumbersForTheSameQuery() throws IOException {
        String query = "year=2025&sort=-k2&per_page=4&page=2";
        String page = api.get("/regions/" + ExplorerFixture.REGION + "/ratings?" + query).body();
        JsonNode json = JSON.readTree(api.get("/api/v1/ratings?region=" + ExplorerFixture.REGION + "&" + query).body());
        List<List<String>> rows = rows(page, "Рейтинг: место");
        JsonNode data = json.get("data");
        assertEquals(data.size(), rows.size(), "the same rows");
        assertTrue(data.size() > 0);
        for (int i = 0; i < data.size(); i++) {
            JsonNode row = data.get(i);
            List<String> cells = rows.get(i);
            assertEquals(row.get("place").asText(), cells.get(0));
            assertEquals(row.get("name").asText(), unescape(cells.get(1)));
            assertEquals(score(row.get("total").asDouble()), cells.get(3));
            for (int k = 1; k <= 5; k++) {
                JsonNode value = row.get("k" + k);
                assertEquals(value == null || value.isNull() ? "—" : score(value.asDouble()), cells.get(4 + k));
            }
        }
        assertTrue(page.contains("Показаны 5–" + (4 + data.size()) + " из " + json.get("meta").get("total").asInt()), page);
        assertTrue(page.contains("href=\"/api/v1/ratings?region=93&amp;year=2025&amp;sort=-k2&amp;format=xlsx\""), "download links");
    }

    @Test
    void theOrganizationPageShowsTheApisLatestResult() throws IOException {
        long id = fixture.otherId;
        String page = api.get("/organizations/" + id).body();
        JsonNode latest = JSON.readTree(api.get("/api/v1/organizations/" + id + "/results").body()).get("data").get(0);
        assertTrue(page.contains("Итоговый балл: <strong>" + score(latest.get("total").asDouble()) + " из 100,00</strong>"), page);
        assertTrue(page.contains(latest.get("place_region").asInt() + "-е место из "), page);
        assertTrue(page.contains("Оценка 2025 года, опубликована"), "dated");
        assertTrue(page.contains("<svg role=\"img\""), "history chart");
        assertTrue(page.contains("<title id=\"history-chart-t\">"), "chart title");
    }

    @Test
    void everyIndicatorShowsItsFormulaAndTheRawInputsItWasComputedFrom() {
        List<List<String>> rows = new ArrayList<>();
        String page = api.get("/organizations/" + fixture.xssId).body();
        for (String criterion : List.of("K1", "K2", "K3", "K4", "K5")) {
            rows.addAll(rows(page, criterion + ". "));
        }
        assertEquals(14, rows.size(), "fourteen indicators");
        List<String> first = rows.get(0);
        assertEquals("1.1", first.get(0));
        assertEquals("среднее долей: stand_items_present из stand_items_required; site_items_present из site_items_required, × 100",
                first.get(5));
        assertEquals("stand_items_present = 10, stand_items_required = 10, site_items_present = 20, site_items_required = 20",
                first.get(6), "the fixture's counts");
        List<String> channels = rows.get(1);
        assertEquals("30 баллов за каждую единицу remote_channels, не более 100", channels.get(5));
        assertEquals("remote_channels = 4", channels.get(6));
        for (List<String> row : rows) {
            assertFalse(row.get(6).contains("не указано") || row.get(6).equals(FORMULA_INPUTS_UNPUBLISHED), row.toString());
        }

        List<List<String>> resultsOnly = new ArrayList<>();
        String withoutInputs = api.get("/organizations/" + fixture.resultsOnlyId).body();
        for (String criterion : List.of("K1", "K2", "K3", "K4", "K5")) {
            resultsOnly.addAll(rows(withoutInputs, criterion + ". "));
        }
        assertEquals(14, resultsOnly.size());
        for (List<String> row : resultsOnly) {
            assertEquals(FORMULA_INPUTS_UNPUBLISHED, row.get(6), row.toString());
            assertFalse(row.get(5).isBlank(), "the formula is still shown");
        }
    }

    @Test
    void aRetractedCampaignSaysSoAndItsResultsAreNotCurrent() {
        String region = api.get("/regions/" + ExplorerFixture.REGION).body();
        List<String> retracted = rows(region, "Кампании НОКО").stream()
                .filter(r -> r.get(1).contains("тест отзыва")).findFirst().orElseThrow();
        assertEquals("2026", retracted.get(0));
        assertTrue(retracted.get(5).startsWith("отозвана "), retracted.toString());
        assertTrue(retracted.get(5).contains(ExplorerFixture.RETRACTION_REASON), retracted.toString());
        assertFalse(region.contains("/regions/93/ratings?year=2026"), "no ranking link to a retracted campaign");
        assertTrue(region.contains("Распределение итоговых баллов, 2025"), "the newest published campaign is the current one");

        String page = api.get("/organizations/" + fixture.retractedId).body();
        assertTrue(page.contains("Последняя оценка организации — «НОКО школ 2026 (тест отзыва)» (2026) — отозвана"), page);
        assertTrue(page.contains(ExplorerFixture.RETRACTION_REASON));
        assertTrue(page.contains("Оценка 2025 года, опубликована"), "the latest published result is shown as such");
        assertFalse(api.get("/organizations/" + fixture.otherId).body().contains("отозвана"), "others are not affected");
    }

    @Test
    void demoDataSaysSo() {
        assertTrue(api.get("/organizations/" + fixture.demoSchoolId).body().contains("Демонстрационные данные"));
        assertTrue(api.get("/regions/" + ExplorerFixture.DEMO_REGION).body().contains("Демонстрационный регион"));
    }

    @Test
    void unknownThingsAre404AndBadParametersAre400() {
        assertEquals(404, api.get("/organizations/999999999").code());
        assertEquals(404, api.get("/regions/99").code());
        HttpResponse<String> page = api.call(HttpRequest.GET("/organizations/999999999").header("Accept", "text/html,*/*;q=0.8"));
        assertEquals(404, page.code());
        assertTrue(page.body().contains("<h1>Страница не найдена</h1>"), "a browser gets a page");
        assertTrue(page.header("Content-Type").startsWith("text/html"));
        assertEquals(400, api.get("/regions/9x").code());
        assertEquals(400, api.get("/compare?organizations=1,2,3,4,5,6,7,8,9,10,11").code());
        assertEquals(400, api.get("/regions/93/ratings?per_page=101").code(), "a page stays under 60 KB");
    }

    @Test
    void theStylesheetIsServed() {
        HttpResponse<String> css = api.exchange(HttpRequest.GET("/assets/explorer.css"));
        assertEquals(200, css.code());
        assertTrue(css.body().contains("@media print"));
    }

    private static String score(double value) {
        return String.format(Locale.ROOT, "%.2f", value).replace('.', ',');
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    private static String title(String body) {
        Matcher m = Pattern.compile("<title>(.*?)</title>").matcher(body);
        assertTrue(m.find());
        return m.group(1);
    }

    /** The cells of the table whose caption starts with the words, tags of links removed. */
    static List<List<String>> rows(String page, String caption) {
        int start = page.indexOf("<caption>" + caption);
        assertTrue(start >= 0, "table " + caption);
        String table = page.substring(start, page.indexOf("</table>", start));
        List<List<String>> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(table.substring(table.indexOf("<tbody>")));
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<td>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1).replaceAll("<[^>]+>", ""));
            }
            rows.add(cells);
        }
        return rows;
    }
}
