package ru.noko.widgets;

import com.fasterxml.jackson.databind.JsonNode;
import ru.noko.support.Chromium;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The widgets in a real browser: headless Chromium loads host pages (served from another origin
 * by a JDK HttpServer, as a municipal site would) that embed the widgets by iframe and by
 * embed.js, and checks what a reader sees. Screenshots go to target/widget-screenshots/.
 */
@MicronautTest(transactional = false)
class WidgetBrowserTest extends WidgetTestBase {

    static final Path SCREENSHOTS = Path.of("target", "widget-screenshots");

    @Inject
    EmbeddedServer server;

    HttpServer host;
    final Map<String, String> hostPages = new ConcurrentHashMap<>();
    Chromium browser;
    String app;
    String hostOrigin;

    @BeforeAll
    void setUp() throws IOException {
        app = "http://127.0.0.1:" + server.getPort();
        host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        host.createContext("/", exchange -> {
            String page = hostPages.get(exchange.getRequestURI().getPath());
            byte[] body = page == null ? new byte[0] : page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(page == null ? (exchange.getRequestURI().getPath().equals("/favicon.ico") ? 204 : 404) : 200,
                    body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        host.start();
        hostOrigin = "http://127.0.0.1:" + host.getAddress().getPort();
        browser = Chromium.start(SCREENSHOTS.resolve("chromium.log"));
    }

    @AfterAll
    void tearDown() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (host != null) {
            host.stop(0);
        }
    }

    @Test
    void aMunicipalPageWithThreeWidgetsRendersThemAndTheFramesFollowTheirContent() throws IOException {
        long id = fixture.demoSchoolId;
        hostPages.put("/municipal.html", hostPage("Управление образования Новоградского городского округа", """
                <div class="col">
                  <section id="host-content">
                    <h2>Новости</h2>
                    <p>Подведены итоги независимой оценки качества условий осуществления образовательной
                    деятельности за 2025 год. Ниже — рейтинг школ округа и карточка гимназии.</p>
                    <table class="host-table"><tr><td>Таблица сайта</td><td>не меняется</td></tr></table>
                  </section>
                  <script>window.hostSentinel = document.getElementById('host-content').outerHTML;</script>
                  <h2>Рейтинг школ округа</h2>
                  <div id="w-table" data-noko-municipality="%s" data-noko-highlight="%d"></div>
                </div>
                <aside class="col">
                  <h2>Карточка (iframe)</h2>
                  <iframe id="w-iframe" src="%s/widgets/organizations/%d" title="Результаты НОКО" width="100%%" height="760" style="border:0"></iframe>
                  <h2>Карточка (скрипт, тёмная тема)</h2>
                  <div id="w-dark" data-noko-organization="%d" data-noko-theme="dark"></div>
                  <p>Значок для новостей: <img id="w-badge" src="%s/widgets/organizations/%d/badge.svg" alt="НОКО" height="20"></p>
                </aside>
                """.formatted(WidgetFixture.DEMO_MUNICIPALITY, id, app, id, id, app, id)));

        Chromium.Page page = browser.newPage(1280, 900);
        page.navigate(hostOrigin + "/municipal.html");
        String tableUrl = "#w-table iframe";
        String darkUrl = "#w-dark iframe";
        String iframeUrl = "#w-iframe";
        assertEquals(app + "/widgets/municipalities/" + WidgetFixture.DEMO_MUNICIPALITY + "?highlight=" + id,
                page.evaluate("document.querySelector('#w-table iframe').src").asText(), "embed.js builds the widget URL");
        assertEquals(app + "/widgets/organizations/" + id + "?theme=dark",
                page.evaluate("document.querySelector('#w-dark iframe').src").asText());
        waitForFrameHeights(page);

        // what a reader sees
        String card = page.evaluateInIframe(iframeUrl, "document.body.innerText").asText();
        assertTrue(card.contains("Гимназия"), card);
        assertTrue(card.contains("НОКО 2025"), card);
        assertTrue(card.matches("(?sU).*опубликовано\\s+\\d{1,2} [а-я]+ 2025\\s*г\\..*"), card);
        assertTrue(card.matches("(?sU).*\\d+\\s+место среди \\d+ организаций региона.*"), card);
        assertTrue(card.contains("Открытость и доступность информации об организации"), card);
        assertTrue(card.toUpperCase().contains("ДЕМОНСТРАЦИОННЫЕ ДАННЫЕ"), card);
        assertEquals("rgb(255, 255, 255)", page.evaluateInIframe(iframeUrl,
                "getComputedStyle(document.querySelector('.card')).backgroundColor").asText());
        assertEquals("ru", page.evaluateInIframe(iframeUrl, "document.documentElement.lang").asText());

        String dark = page.evaluateInIframe(darkUrl, "document.body.innerText").asText();
        assertTrue(dark.contains("НОКО 2025"), dark);
        assertEquals("rgb(17, 24, 33)", page.evaluateInIframe(darkUrl,
                "getComputedStyle(document.querySelector('.card')).backgroundColor").asText(), "dark theme");
        assertEquals("rgb(231, 237, 243)", page.evaluateInIframe(darkUrl,
                "getComputedStyle(document.querySelector('h1')).color").asText());

        String table = page.evaluateInIframe(tableUrl, "document.body.innerText").asText();
        assertTrue(table.contains("Рейтинг НОКО: Новоградский городской округ"), table);
        assertTrue(table.contains("Показаны 10 из"), table);
        assertEquals(1, page.evaluateInIframe(tableUrl, "document.querySelectorAll('tr[aria-current=true]').length").asInt());
        assertTrue(page.evaluate("document.getElementById('w-badge').naturalWidth").asInt() > 60, "the badge loaded");

        // the frames embed.js made follow their content; the plain iframe keeps the host's height
        assertFramesFitContent(page, List.of(tableUrl, darkUrl));
        assertEquals(760, page.evaluate("document.getElementById('w-iframe').getBoundingClientRect().height").asInt());

        assertEquals("allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox",
                page.evaluate("document.querySelector('#w-dark iframe').getAttribute('sandbox')").asText(),
                "a widget can never navigate the host page");
        // the rest of the host page is untouched
        assertTrue(page.evaluate("document.getElementById('host-content').outerHTML === window.hostSentinel").asBoolean());
        assertEquals("[]", page.evaluate("JSON.stringify(Object.keys(window).filter(k => isNaN(k) "
                + "&& !window.hostGlobalsBefore.includes(k) && k !== 'hostGlobalsBefore' && k !== 'hostSentinel'))").asText(),
                "embed.js defines no globals");
        assertEquals("rgb(204, 0, 0)", page.evaluate("getComputedStyle(document.querySelector('.host-table td')).color").asText());

        // messages from anyone but the widgets' own frames are ignored
        JsonNode before = heights(page);
        page.evaluate("window.postMessage({type: 'noko-resize', height: 7}, '*'); new Promise(r => setTimeout(r, 300))");
        assertEquals(before, heights(page), "a resize message from the host's own origin is ignored");

        // keyboard: links are reachable and the table's scroll area shows its focus
        assertTrue(page.evaluateInIframe(darkUrl, "[...document.querySelectorAll('a')].every(a => a.tabIndex === 0)").asBoolean());
        assertEquals("solid", page.evaluateInIframe(tableUrl,
                "const s = document.querySelector('.scroll'); s.focus(); getComputedStyle(s).outlineStyle").asText());
        page.evaluateInIframe(tableUrl, "document.activeElement.blur(); true");

        page.screenshot(SCREENSHOTS.resolve("municipal-site-three-widgets.png"));

        // content that grows makes the frame grow (a reader scrolled to it: hidden frames are not rendered)
        page.evaluate("document.querySelector('#w-dark iframe').scrollIntoView(); true");
        int grown = page.evaluate("document.querySelector('#w-dark iframe').getBoundingClientRect().height").asInt();
        page.evaluateInIframe(darkUrl, """
                const p = document.createElement('p'); p.id = 'added'; p.textContent = 'Добавленная строка'; p.style.height = '120px';
                document.querySelector('.card').appendChild(p); true""");
        page.waitForValue("document.querySelector('#w-dark iframe').getBoundingClientRect().height",
                h -> Math.abs(h.asDouble() - (grown + 120)) <= 1, "the dark card's frame to grow by 120 px");

        // a narrow screen: the host stacks its columns, the widgets reflow and their frames follow
        page.resize(420, 900);
        page.evaluateInIframe(darkUrl, "document.getElementById('added').remove(); true");
        waitForFrameHeights(page);
        assertFramesFitContent(page, List.of(tableUrl, darkUrl));
        page.screenshot(SCREENSHOTS.resolve("municipal-site-narrow.png"));

        assertEquals(List.of(), page.events("Page.javascriptDialogOpening"));
        assertEquals(List.of(), page.problems(), "no errors and no Content-Security-Policy violations");
    }

    @Test
    void anOrganizationNamedLikeAScriptRendersAsText() throws IOException {
        hostPages.put("/xss.html", hostPage("Проверка экранирования", """
                <div class="col">
                  <h2>Рейтинг</h2>
                  <div id="w-table" data-noko-municipality="%s"></div>
                </div>
                <aside class="col">
                  <h2>Карточка</h2>
                  <div id="w-card" data-noko-organization="%d"></div>
                  <p>Значок: <img id="w-badge" src="%s/widgets/organizations/%d/badge.svg" alt="НОКО" height="20"></p>
                </aside>
                """.formatted(WidgetFixture.MUNICIPALITY, fixture.xssId, app, fixture.xssId)));
        Chromium.Page page = browser.newPage(1280, 800);
        page.call("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.alert = function () { document.documentElement.setAttribute('data-alerted', 'yes'); };"));
        page.navigate(hostOrigin + "/xss.html");
        waitForFrameHeights(page);
        String cardUrl = "#w-card iframe";
        String tableUrl = "#w-table iframe";

        assertEquals(WidgetFixture.XSS_NAME, page.evaluateInIframe(cardUrl, "document.querySelector('h1').textContent").asText());
        assertEquals(1, page.evaluateInIframe(cardUrl, "document.scripts.length").asInt(), "only frame.js");
        assertEquals(0, page.evaluateInIframe(cardUrl, "document.querySelectorAll('img').length").asInt());
        assertFalse(page.evaluateInIframe(cardUrl, "document.body.innerHTML").asText().contains("javascript:"));
        String table = page.evaluateInIframe(tableUrl, "document.body.innerText").asText();
        assertTrue(table.contains(WidgetFixture.XSS_NAME), table);
        assertTrue(table.contains(WidgetFixture.MUNICIPALITY_NAME), table);
        assertEquals(0, page.evaluateInIframe(tableUrl, "document.querySelectorAll('img').length").asInt());
        for (String frame : List.of(cardUrl, tableUrl)) {
            assertFalse(page.evaluateInIframe(frame, "document.documentElement.hasAttribute('data-alerted')").asBoolean());
        }
        assertTrue(page.evaluate("document.getElementById('w-badge').naturalWidth").asInt() > 60, "the badge is a valid SVG");
        page.screenshot(SCREENSHOTS.resolve("xss-organization.png"));
        assertEquals(List.of(), page.events("Page.javascriptDialogOpening"), "no dialog opened");
        assertEquals(List.of(), page.problems());

        page.navigate(app + "/widgets/organizations/" + fixture.xssId + "/badge.svg");
        assertEquals("svg", page.evaluate("document.documentElement.localName").asText());
        assertTrue(page.evaluate("document.querySelector('title').textContent").asText().startsWith(WidgetFixture.XSS_NAME));

        // the check above would have seen a dialog: a real one is reported
        page.navigate(hostOrigin + "/xss.html");
        page.evaluate("setTimeout(() => confirm('control'), 0); true");
        page.waitFor(() -> page.events("Page.javascriptDialogOpening").size() == 1, "the control dialog");
    }

    @Test
    void theEditorsCodeWorksWhenPastedIntoAPage() throws IOException {
        Chromium.Page page = browser.newPage(1200, 900);
        page.navigate(app + "/widgets?q=" + URLEncoder.encode("гимназия", StandardCharsets.UTF_8)
                + "&organization=" + fixture.demoSchoolId);
        JsonNode code = page.waitForValue("document.getElementById('code-iframe').value",
                v -> !v.asText().contains("height=\"840\""), "the preview's measured height in the iframe code");
        assertTrue(code.asText().startsWith("<iframe src=\"" + app + "/widgets/organizations/" + fixture.demoSchoolId + "\""));
        page.waitForValue("document.getElementById('preview').getBoundingClientRect().height", h -> h.asInt() != 480,
                "the preview to fit its content");
        page.screenshot(SCREENSHOTS.resolve("editor.png"));
        assertEquals(List.of(), page.problems());

        String script = page.evaluate("document.getElementById('code-script').value").asText();
        String iframe = page.evaluate("document.getElementById('code-iframe').value").asText();
        String badge = page.evaluate("document.getElementById('code-badge').value").asText();
        hostPages.put("/pasted.html", hostPage("Сайт школы", "<div class=\"col\"><h2>Независимая оценка</h2>"
                + script + "<p>" + badge + "</p></div><aside class=\"col\"><h2>Вариант iframe</h2>" + iframe + "</aside>"));
        Chromium.Page pasted = browser.newPage(1100, 800);
        pasted.navigate(hostOrigin + "/pasted.html");
        waitForFrameHeights(pasted);
        assertFramesFitContent(pasted, List.of("[data-noko-ready] iframe"));
        assertEquals(3, pasted.frameUrls().size(), "the page and two widgets");
        pasted.screenshot(SCREENSHOTS.resolve("pasted-embed-codes.png"));
        assertEquals(List.of(), pasted.problems());
    }

    @Test
    void widgetsOnTheirOwn() throws IOException {
        Chromium.Page page = browser.newPage(560, 400);
        shoot(page, "/widgets/organizations/" + fixture.demoSchoolId, "card-light.png");
        shoot(page, "/widgets/organizations/" + fixture.demoSchoolId + "?theme=dark&lang=en", "card-dark-en.png");
        shoot(page, "/widgets/organizations/" + fixture.demoSchoolId + "?compact=true", "card-compact.png");
        shoot(page, "/widgets/organizations/" + fixture.outdatedId, "card-outdated.png");
        page.resize(820, 400);
        shoot(page, "/widgets/municipalities/" + WidgetFixture.DEMO_MUNICIPALITY + "?highlight=" + fixture.demoSchoolId,
                "municipality-table.png");
        shoot(page, "/widgets/municipalities/" + WidgetFixture.DEMO_MUNICIPALITY + "?theme=dark&limit=5", "municipality-table-dark.png");
        assertTrue(page.evaluate("document.body.innerText").asText().contains("Показаны 5 из"));
        page.resize(200, 40);
        shoot(page, "/widgets/organizations/" + fixture.demoSchoolId + "/badge.svg", "badge.png");
        assertEquals(List.of(), page.problems());
    }

    private void shoot(Chromium.Page page, String path, String file) throws IOException {
        page.navigate(app + path);
        page.screenshot(SCREENSHOTS.resolve(file));
    }

    private static JsonNode heights(Chromium.Page page) {
        return page.evaluate("[...document.querySelectorAll('iframe')].map(f => Math.round(f.getBoundingClientRect().height))");
    }

    /** Waits until the widget frames have loaded and their heights stopped changing. */
    private static void waitForFrameHeights(Chromium.Page page) {
        page.waitForValue("document.readyState", v -> v.asText().equals("complete"), "the host page");
        JsonNode previous = null;
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        for (int stable = 0; stable < 3; ) {
            if (System.nanoTime() > deadline) {
                fail("the widget frames' heights did not settle within 30 s: " + previous);
            }
            JsonNode current = page.evaluate("[...document.querySelectorAll('iframe')].map(f => "
                    + "[Math.round(f.getBoundingClientRect().height), f.contentWindow !== null])");
            stable = current.equals(previous) ? stable + 1 : 0;
            previous = current;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Each frame embed.js made is exactly as tall as its document's content. Browsers pause the
     * rendering of cross-origin frames outside the viewport, so each is scrolled into view first.
     */
    private static void assertFramesFitContent(Chromium.Page page, List<String> frames) {
        for (String selector : frames) {
            page.evaluate("document.querySelector(" + quote(selector) + ").scrollIntoView(); true");
            String frameHeight = "Math.round(document.querySelector(" + quote(selector) + ").getBoundingClientRect().height)";
            int content = page.evaluateInIframe(selector, "Math.ceil(document.documentElement.getBoundingClientRect().height)").asInt();
            assertTrue(content > 100, selector + " has content");
            page.waitForValue(frameHeight, h -> h.asInt() == content, "the frame " + selector + " to fit its content of " + content + " px");
        }
        page.evaluate("window.scrollTo(0, 0); true");
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** A host site with its own look and its own, aggressive styles: they must not reach the widgets. */
    private String hostPage(String title, String content) {
        return """
                <!DOCTYPE html>
                <html lang="ru"><head><meta charset="utf-8"><title>%s</title>
                <script>window.hostGlobalsBefore = Object.keys(window);</script>
                <style>
                  body { margin: 0; font: 16px/1.5 "DejaVu Serif", Georgia, serif; background: #eef1f4; color: #222; }
                  header { background: #2a4d69; color: #fff; padding: 18px 32px; }
                  header h1 { margin: 0; font-size: 24px; }
                  header nav a { color: #dbe9f5; margin-right: 18px; font-size: 14px; }
                  main { display: grid; grid-template-columns: minmax(0, 1fr) 380px; gap: 28px; padding: 24px 32px; }
                  .col h2 { font-size: 19px; border-bottom: 2px solid #2a4d69; padding-bottom: 4px; margin-top: 8px; }
                  table, td { border: 3px solid #c00; color: #c00; font-family: monospace; }
                  a { color: #c00; }
                  footer { padding: 16px 32px; color: #666; font-size: 13px; }
                  @media (max-width: 800px) { main { grid-template-columns: 1fr; padding: 12px; } }
                </style></head>
                <body>
                <header><h1>%s</h1><nav><a href="#">Главная</a><a href="#">Документы</a><a href="#">Школы</a><a href="#">Контакты</a></nav></header>
                <main>
                %s
                </main>
                <footer>© Официальный сайт. Данные НОКО — из открытого источника.</footer>
                <script src="%s/widgets/embed.js" async></script>
                </body></html>
                """.formatted(title, title, content, app);
    }
}
