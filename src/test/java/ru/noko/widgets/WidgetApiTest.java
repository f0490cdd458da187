package ru.noko.widgets;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import ru.noko.support.Api;
import ru.noko.support.Json;
import ru.noko.support.TestCampaigns;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The widget routes over real HTTP; every response is checked against the contract by {@link Api}. */
@MicronautTest(transactional = false)
class WidgetApiTest extends WidgetTestBase {

    static final int SIZE_LIMIT = 30 * 1024;

    @Test
    void cardShowsTheLatestResultWithItsDatePlacesCriteriaAndChange() {
        HttpResponse<String> response = api.get("/widgets/organizations/" + fixture.demoSchoolId);
        assertEquals(200, response.code());
        assertEquals("text/html;charset=utf-8", response.header("Content-Type").replace(" ", ""));
        String body = response.body();
        assertTrue(body.startsWith("<!DOCTYPE html><html lang=\"ru\" class=\"light\">"), body.substring(0, 80));
        assertTrue(body.contains("Демонстрационные данные"));
        assertTrue(body.contains("Гимназия"));
        assertTrue(body.contains(">НОКО 2025</span>"), "the campaign year, prominently");
        Matcher date = Pattern.compile("опубликовано <time datetime=\"2025-\\d\\d-\\d\\d\">\\d{1,2} [а-я]+ 2025\u00A0г\\.</time>").matcher(body);
        assertTrue(date.find(), "the publication date");
        assertTrue(Pattern.compile("<b>\\d+\u00A0место</b> среди \\d+ организаций региона").matcher(body).find(),
                "«36 место среди 1046 организаций»");
        assertTrue(body.contains("в муниципалитете — <b>"));
        assertTrue(Pattern.compile("[+\u2212]\\d+,\\d\\d</b> по сравнению с 2022\u00A0г\\.|без изменений по сравнению с 2022").matcher(body).find(),
                "the change against the previous cycle");
        for (String criterion : List.of("Открытость и доступность информации об организации",
                "Комфортность условий, в которых осуществляется образовательная деятельность",
                "Доступность образовательной деятельности (услуг) для инвалидов",
                "Доброжелательность, вежливость работников организации",
                "Удовлетворенность условиями ведения образовательной деятельности")) {
            assertTrue(body.contains("<span class=\"name\">" + criterion + "</span>"), criterion);
        }
        assertEquals(5, count(body, "<rect class=\"bar-fill\""), "five bars");
        assertTrue(Pattern.compile("<span class=\"val\">\\d+,\\d\\d<span class=\"sr\"> из 100</span></span>").matcher(body).find(),
                "two decimals and a text alternative of each bar");
        assertTrue(body.contains("href=\"/api/v1/organizations/" + fixture.demoSchoolId + "\""), "link to the data");
        assertTrue(body.contains("href=\"/api/v1/campaigns/"), "link to the source");
        assertFalse(body.contains("class=\"note\""), "a current result needs no warning");
        assertTrue(body.length() < SIZE_LIMIT);
    }

    @Test
    void securityHeadersAllowFramingAnywhereAndNothingElse() throws Exception {
        HttpResponse<String> response = api.get("/widgets/organizations/" + fixture.demoSchoolId);
        String policy = response.header("Content-Security-Policy");
        assertNotNull(policy);
        assertTrue(policy.startsWith("default-src 'none';"), policy);
        assertTrue(policy.contains("frame-ancestors *"), policy);
        assertTrue(policy.contains("script-src 'self'"), policy);
        assertTrue(policy.contains("base-uri 'none'") && policy.contains("form-action 'none'"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(response.body());
        assertTrue(style.find());
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
        assertTrue(policy.contains("style-src 'sha256-" + hash + "'"), "the policy allows exactly the inline stylesheet");
        assertEquals(1, count(response.body(), "<script"), "the only script is frame.js");
        assertTrue(response.body().contains("<script src=\"/widgets/frame.js\" defer></script>"));
        assertNull(response.header("X-Frame-Options"), "widgets may be framed");
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("strict-origin-when-cross-origin", response.header("Referrer-Policy"));
        assertEquals("public, max-age=300, stale-while-revalidate=3600, stale-if-error=86400", response.header("Cache-Control"));

        HttpResponse<String> badge = api.get("/widgets/organizations/" + fixture.demoSchoolId + "/badge.svg");
        assertTrue(badge.header("Content-Security-Policy").contains("sandbox"));
        assertEquals("cross-origin", badge.header("Cross-Origin-Resource-Policy"));

        HttpResponse<String> editor = api.get("/widgets");
        assertTrue(editor.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("DENY", editor.header("X-Frame-Options"));
    }

    @Test
    void etagAnswers304AndChangesWithOptionsAndData() {
        String path = "/widgets/organizations/" + fixture.demoSchoolId;
        HttpResponse<String> first = api.get(path);
        String etag = first.header("ETag");
        assertTrue(etag.matches("\"[A-Za-z0-9_-]{27}\""), etag);
        assertEquals(etag, api.get(path).header("ETag"), "stable while nothing changes");

        HttpResponse<String> again = api.call(HttpRequest.GET(path).header("If-None-Match", etag));
        assertEquals(304, again.code());
        assertEquals(etag, again.header("ETag"));
        assertFalse(again.getBody(String.class).isPresent());
        assertEquals(304, api.call(HttpRequest.GET(path).header("If-None-Match", "\"other\", W/" + etag)).code());

        assertNotEquals(etag, api.get(path + "?theme=dark").header("ETag"));
        assertNotEquals(etag, api.get(path + "?lang=en").header("ETag"));
        assertNotEquals(etag, api.get(path + "?compact=true").header("ETag"));
        assertNotEquals(etag, api.get(path + "/badge.svg").header("ETag"));

        TestCampaigns.publish(context, List.of(TestCampaigns.org("Школа новой версии", "school",
                TestCampaigns.MUNICIPALITY_A, 70)));
        assertNotEquals(etag, api.get(path).header("ETag"), "a new data version is a new representation");
        assertEquals(200, api.call(HttpRequest.GET(path).header("If-None-Match", etag)).code());

        HttpResponse<String> script = api.get("/widgets/embed.js");
        assertEquals(304, api.call(HttpRequest.GET("/widgets/embed.js").header("If-None-Match", script.header("ETag"))).code());
    }

    @Test
    void optionsChangeLanguageThemeAndSize() {
        String english = api.get("/widgets/organizations/" + fixture.demoSchoolId + "?lang=en&theme=dark").body();
        assertTrue(english.startsWith("<!DOCTYPE html><html lang=\"en\" class=\"dark\">"));
        assertTrue(english.contains("Demonstration data"));
        assertTrue(english.contains(">NOKO 2025</span>"));
        assertTrue(english.contains("Openness and accessibility of information about the organization"));
        assertTrue(Pattern.compile("<b>\\d+(st|nd|rd|th)\u00A0place</b> of \\d+ organizations in the region").matcher(english).find());
        assertTrue(Pattern.compile("\\d+\\.\\d\\d").matcher(english).find(), "decimal point in English");

        String compact = api.get("/widgets/organizations/" + fixture.demoSchoolId + "?compact=true").body();
        assertTrue(compact.contains("class=\"card compact\""));
        assertFalse(compact.contains("class=\"criteria\""));
        assertTrue(compact.contains(">Подробнее</a>"));
        assertTrue(compact.length() < english.length());

        assertTrue(api.get("/widgets/organizations/" + fixture.demoSchoolId + "?theme=auto").body()
                .contains("class=\"auto\""));
    }

    @Test
    void anOlderCampaignSaysThatLaterResultsExist() {
        String body = api.get("/widgets/organizations/" + fixture.demoSchoolId + "?campaign=" + fixture.demoPreviousCampaignId).body();
        assertTrue(body.contains(">НОКО 2022</span>"));
        assertTrue(body.contains("Это результаты 2022 года; есть более поздние: <a href=\"/widgets/organizations/"
                + fixture.demoSchoolId + "\" target=\"_self\">НОКО 2025</a>"), body);
        assertTrue(body.contains("по сравнению с 2019"), "the change is against the cycle before the shown one");
    }

    @Test
    void aResultPublishedLongAgoIsMarkedAsPossiblyOutdated() {
        String body = api.get("/widgets/organizations/" + fixture.outdatedId).body();
        assertTrue(body.contains(">НОКО 2019</span>"));
        assertTrue(body.contains("<p class=\"note\" role=\"note\">Оценка опубликована более трёх лет назад — результаты могли устареть."), body);
        assertFalse(body.contains("Демонстрационные данные"), "a real region's data is not labelled as demo");
    }

    @Test
    void namesFromUploadedFilesAreEscapedEverywhere() throws Exception {
        String card = api.get("/widgets/organizations/" + fixture.xssId).body();
        assertFalse(card.contains("<script>alert"));
        assertTrue(card.contains("<h1 id=\"org-name\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Школа&quot;</h1>"), card);
        assertTrue(card.contains(WidgetFixture.MUNICIPALITY_NAME.replace("<", "&lt;").replace(">", "&gt;")));
        assertFalse(card.contains("<img"));
        assertFalse(card.contains("javascript:"), "a javascript: website is never linked");
        assertEquals(1, count(card, "<script"));

        String neighbour = api.get("/widgets/organizations/" + fixture.neighbourId).body();
        assertTrue(neighbour.contains("href=\"https://xn--2-7sb3aeo2d.xn--p1ai/about\""), "a Cyrillic website in punycode");

        String table = api.get("/widgets/municipalities/" + WidgetFixture.MUNICIPALITY).body();
        assertFalse(table.contains("<script>alert"));
        assertFalse(table.contains("<img"));
        assertTrue(table.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Школа&quot;</a>"));
        assertTrue(table.contains("Рейтинг НОКО: Тестовый округ &lt;img src=x onerror=alert(2)&gt;"));

        String badge = api.get("/widgets/organizations/" + fixture.xssId + "/badge.svg").body();
        assertFalse(badge.contains("<script"));
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(badge.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", svg.getDocumentElement().getTagName());
        String title = svg.getElementsByTagName("title").item(0).getTextContent();
        assertTrue(title.startsWith(WidgetFixture.XSS_NAME + ": НОКО 2024, итоговый балл "), title);

        String editor = api.get("/widgets?organization=" + fixture.xssId).body();
        assertFalse(editor.contains("<script>alert"));
        assertTrue(editor.contains("title=&quot;Результаты НОКО: &amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; &amp;amp; &amp;quot;Школа&amp;quot;&quot;"),
                "the copied iframe code escapes the name, and the page escapes the code");
    }

    @Test
    void municipalityTableRanksTheTopAndHighlightsAnOrganization() {
        String table = api.get("/widgets/municipalities/" + WidgetFixture.DEMO_MUNICIPALITY).body();
        assertTrue(table.contains("Рейтинг НОКО: Новоградский городской округ"));
        assertTrue(table.contains("Общеобразовательные организации · Демонстрационная область"));
        assertTrue(table.contains(">НОКО 2025</span>"));
        assertEquals(10, count(table, "<tr") - 1, "ten rows and the header");
        assertTrue(table.contains("<tr class=\"top\"><td><b>1</b></td>"));
        assertTrue(table.contains("Показаны 10 из "));
        assertTrue(table.length() < SIZE_LIMIT);

        HttpResponse<String> limited = api.get("/widgets/municipalities/" + WidgetFixture.DEMO_MUNICIPALITY
                + "?limit=3&compact=true&highlight=" + fixture.demoSchoolId);
        String body = limited.body();
        assertTrue(body.contains("aria-current=\"true\""), "the highlighted organization is shown even below the top");
        assertFalse(body.contains("<abbr"), "compact: no criteria columns");

        String older = api.get("/widgets/municipalities/" + WidgetFixture.DEMO_MUNICIPALITY + "?year=2020&type=preschool").body();
        assertTrue(older.contains(">НОКО 2020</span>"));
        assertTrue(older.contains("Дошкольные образовательные организации"));

        String none = api.get("/widgets/municipalities/" + WidgetFixture.DEMO_MUNICIPALITY + "?year=2016").body();
        assertTrue(none.contains("Опубликованных результатов НОКО 2016 года по этому муниципалитету нет."));
    }

    @Test
    void everyWidgetStaysUnder30Kilobytes() {
        List<String> paths = List.of(
                "/widgets/organizations/" + fixture.demoSchoolId,
                "/widgets/organizations/" + fixture.demoSchoolId + "?lang=en&theme=dark",
                "/widgets/organizations/" + fixture.demoSchoolId + "?compact=true",
                "/widgets/organizations/" + fixture.demoSchoolId + "/badge.svg",
                "/widgets/municipalities/" + WidgetFixture.DEMO_MUNICIPALITY,
                "/widgets/municipalities/" + WidgetFixture.DEMO_MUNICIPALITY + "?limit=50",
                "/widgets/municipalities/" + WidgetFixture.DEMO_MUNICIPALITY + "?limit=50&lang=en",
                "/widgets/embed.js",
                "/widgets/frame.js");
        StringBuilder sizes = new StringBuilder();
        for (String path : paths) {
            int bytes = api.get(path).body().getBytes(StandardCharsets.UTF_8).length;
            sizes.append(path).append(": ").append(bytes).append(" B\n");
            assertTrue(bytes < SIZE_LIMIT, path + " is " + bytes + " bytes");
        }
        System.out.println("Widget sizes:\n" + sizes);
    }

    @Test
    void badgeShowsTotalAndYear() throws Exception {
        HttpResponse<String> response = api.get("/widgets/organizations/" + fixture.demoSchoolId + "/badge.svg");
        assertTrue(response.header("Content-Type").startsWith("image/svg+xml"));
        String svg = response.body();
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(svg.contains(">НОКО 2025 · демо</text>"));
        assertTrue(Pattern.compile(">\\d+,\\d\\d</text>").matcher(svg).find());
        assertTrue(svg.contains("role=\"img\""));
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertTrue(api.get("/widgets/organizations/" + fixture.demoSchoolId + "/badge.svg?lang=en").body()
                .contains(">NOKO 2025 · demo</text>"));
    }

    @Test
    void scriptsAreServedAsJavaScript() {
        for (String path : List.of("/widgets/embed.js", "/widgets/frame.js", "/widgets/editor.js")) {
            HttpResponse<String> response = api.get(path);
            assertEquals(200, response.code());
            assertTrue(response.header("Content-Type").startsWith("application/javascript"), path);
            assertEquals("nosniff", response.header("X-Content-Type-Options"));
            assertNotNull(response.header("ETag"));
        }
        assertTrue(api.get("/widgets/embed.js").body().contains("'noko-resize'"));
    }

    @Test
    void editorFindsOrganizationsAndOffersBothEmbedCodes() {
        String search = api.get("/widgets?q=" + URLEncoder.encode("ГИМНАЗИЯ № 1", StandardCharsets.UTF_8)).body();
        assertTrue(search.contains("href=\"/widgets?organization=" + fixture.demoSchoolId + "&amp;q="), search);

        HttpResponse<String> chosen = api.get("/widgets?organization=" + fixture.demoSchoolId + "&theme=dark");
        String body = chosen.body();
        assertTrue(body.contains("<iframe id=\"preview\" src=\"/widgets/organizations/" + fixture.demoSchoolId + "?theme=dark\""));
        assertTrue(body.contains("&lt;iframe src=&quot;http://"));
        assertTrue(body.contains("&lt;div data-noko-organization=&quot;" + fixture.demoSchoolId + "&quot; data-noko-theme=&quot;dark&quot;&gt;&lt;/div&gt;"));
        assertTrue(body.contains("/widgets/embed.js&quot; async&gt;&lt;/script&gt;"));
        assertTrue(body.contains("data-noko-municipality=&quot;" + WidgetFixture.DEMO_MUNICIPALITY + "&quot;"));
        assertTrue(body.contains("/badge.svg"));
    }

    @Test
    void badParametersAndUnknownThingsAreProblems() {
        HttpResponse<String> bad = api.get("/widgets/organizations/" + fixture.demoSchoolId + "?theme=purple&lang=de&compact=maybe");
        assertEquals(400, bad.code());
        assertEquals(3, Json.parse(bad.body()).get("errors").size());
        assertEquals(400, api.get("/widgets/municipalities/123?limit=500").code());
        assertEquals(404, api.get("/widgets/organizations/999999999").code());
        assertEquals(404, api.get("/widgets/organizations/999999999/badge.svg").code());
        assertEquals(404, api.get("/widgets/municipalities/99999999").code());
        assertEquals(404, api.get("/widgets/organizations/" + fixture.xssId + "?campaign=" + fixture.demoPreviousCampaignId).code(),
                "an organization without a result in that campaign");
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }
}
