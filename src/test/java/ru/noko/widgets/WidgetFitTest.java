package ru.noko.widgets;

import ru.noko.support.Chromium;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.noko.support.RawHttp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Widgets fit where they are put, measured in headless Chromium: the municipality table at 360 px
 * (a phone) needs no horizontal scrolling, the iframe snippets the editor gives are at least as tall
 * as the content at the preview's 360 px (so nothing is clipped before any script resizes them),
 * and an unknown id is a small card, not a problem document, inside the host's frame.
 */
@MicronautTest(transactional = false)
class WidgetFitTest extends WidgetTestBase {

    static final Path SCREENSHOTS = Path.of("target", "widget-screenshots");
    private static final Pattern IFRAME_HEIGHT = Pattern.compile("&lt;iframe [^<]*? height=&quot;(\\d+)&quot;");

    @Inject
    EmbeddedServer server;

    Chromium browser;
    String app;

    @BeforeAll
    void setUp() throws IOException {
        app = "http://127.0.0.1:" + server.getPort();
        browser = Chromium.start(SCREENSHOTS.resolve("chromium-fit.log"));
    }

    @AfterAll
    void tearDown() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theMunicipalityTableFitsA360PxScreen() throws IOException {
        Chromium.Page page = browser.newPage(360, 640);
        for (String options : List.of("", "?lang=en", "?limit=50&highlight=" + fixture.demoSchoolId, "?compact=true")) {
            page.navigate(app + "/widgets/municipalities/" + WidgetFixture.DEMO_MUNICIPALITY + options);
            int width = page.evaluate("document.documentElement.scrollWidth").asInt();
            assertTrue(width <= 360, "the table" + options + " is " + width + " px wide at 360 px");
            assertTrue(page.evaluate("[...document.querySelectorAll('tbody td:nth-child(2)')].every(td => "
                    + "td.getBoundingClientRect().width >= 100)").asBoolean(), "names keep room to be read" + options);
        }
        page.screenshot(SCREENSHOTS.resolve("municipality-table-360.png"));
        assertEquals(List.of(), page.problems());
    }

    @Test
    void theIframeSnippetsAreTallEnoughForTheirContent() {
        Chromium.Page page = browser.newPage(360, 640);
        for (boolean compact : List.of(false, true)) {
            String options = compact ? "?compact=true" : "";
            for (long id : List.of(fixture.demoSchoolId, fixture.outdatedId, fixture.xssId)) {
                String editor = api.get("/widgets?organization=" + id + (compact ? "&compact=true" : "")).body();
                Matcher snippet = IFRAME_HEIGHT.matcher(editor);
                assertTrue(snippet.find(), "the editor gives an iframe snippet");
                int given = Integer.parseInt(snippet.group(1));
                page.navigate(app + "/widgets/organizations/" + id + options);
                int content = page.evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)").asInt();
                assertTrue(given >= content, "snippet height " + given + " clips the " + content + "-px card " + id + options);
                assertTrue(given <= content + 160, "snippet height " + given + " leaves a gap under the " + content + "-px card");
            }
        }
    }

    @Test
    void embedJsStartsItsFramesAtTheSnippetsHeights() {
        Chromium.Page page = browser.newPage(360, 640);
        page.navigate(app + "/widgets/municipalities/" + WidgetFixture.DEMO_MUNICIPALITY);
        int table = page.evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)").asInt();
        String embed = api.get("/widgets/embed.js").body();
        Matcher start = Pattern.compile("style\\.height = \\(municipality !== null \\? (\\d+) : compact \\? (\\d+) : (\\d+)\\)")
                .matcher(embed);
        assertTrue(start.find(), "embed.js sets a starting height per widget kind");
        int tableStart = Integer.parseInt(start.group(1));
        assertTrue(tableStart >= table && tableStart <= table + 160, "a ten-row table is " + table + " px; embed.js starts at " + tableStart);
        String editor = api.get("/widgets?organization=" + fixture.demoSchoolId).body();
        Matcher card = IFRAME_HEIGHT.matcher(editor);
        assertTrue(card.find());
        assertEquals(card.group(1), start.group(3), "the card starts as tall as its iframe snippet");
        Matcher compact = IFRAME_HEIGHT.matcher(api.get("/widgets?organization=" + fixture.demoSchoolId + "&compact=true").body());
        assertTrue(compact.find());
        assertEquals(compact.group(1), start.group(2), "the compact card starts as tall as its iframe snippet");
    }

    @Test
    void anUnknownIdAnswers404WithACardToBrowsersAndAProblemToJsonClients() {
        for (String path : List.of("/widgets/organizations/999999999", "/widgets/municipalities/99999999",
                "/widgets/organizations/" + fixture.demoSchoolId + "?campaign=999999999")) {
            RawHttp.Response html = RawHttp.send(server.getPort(), "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            assertEquals(404, html.status(), path);
            assertTrue(html.header("content-type").startsWith("text/html"), path);
            assertTrue(html.header("content-security-policy").contains("frame-ancestors *"), path);
            assertTrue(html.header("vary").contains("Accept"), path);
            assertTrue(html.body().contains("не найден"), html.body());
            RawHttp.Response json = RawHttp.send(server.getPort(), "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: application/problem+json, */*;q=0.1");
            assertEquals(404, json.status(), path);
            assertTrue(json.header("content-type").startsWith("application/problem+json"), path);
            assertTrue(json.body().contains("/docs/problems#not-found"), json.body());
        }
        RawHttp.Response english = RawHttp.send(server.getPort(),
                "GET /widgets/organizations/999999999?lang=en HTTP/1.1\r\nHost: localhost\r\nAccept: text/html");
        assertTrue(english.body().contains("Organization not found"), english.body());
    }

    @Test
    void anUnknownIdIsASmallCardInTheFrame() throws IOException {
        Chromium.Page page = browser.newPage(360, 640);
        page.navigate(app + "/widgets/organizations/999999999");
        assertTrue(page.evaluate("document.body.innerText").asText().contains("Организация не найдена"));
        assertTrue(page.evaluate("document.documentElement.getBoundingClientRect().height").asInt() < 200);
        page.screenshot(SCREENSHOTS.resolve("card-not-found.png"));
        page.navigate(app + "/widgets/municipalities/99999999");
        assertTrue(page.evaluate("document.body.innerText").asText().contains("Муниципалитет не найден"));
        assertEquals(List.of(), page.problems().stream().filter(p -> !p.toString().contains("404")).toList());
    }
}
