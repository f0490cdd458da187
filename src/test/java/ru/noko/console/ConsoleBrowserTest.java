package ru.noko.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.Chromium;
import ru.noko.support.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The console in headless Chromium, as an operator uses it: sign in with a token, create a draft, upload
 * a Windows-1251 table with one bad row, read the highlighted error, upload the corrected file, preview,
 * publish and see the public ranking change; another run retracts. Screenshots of every step go to
 * target/console-screenshots/.
 */
@MicronautTest(transactional = false)
class ConsoleBrowserTest extends AdminApiTestBase {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    @Inject
    EmbeddedServer server;

    Chromium browser;
    String app;
    String operatorSecret;

    @Override
    public Map<String, String> getProperties() {
        return with(super.getProperties(), "micronaut.server.port", "-1");
    }

    @BeforeAll
    void setUp() throws IOException {
        app = "http://127.0.0.1:" + server.getPort();
        operatorSecret = token("Консоль — оператор Пермского края", "59");
        browser = Chromium.start(SCREENSHOTS.resolve("chromium.log"));
    }

    @AfterAll
    void tearDown() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anOperatorPublishesACampaignFromTheFileExcelMade() throws IOException {
        ConsoleFiles files = new ConsoleFiles();
        Path bad = write("results-with-bad-row.csv", files.withBadRow());
        Path good = write("results-corrected.csv", files.withTotalMismatch());
        Path correction = write("results-correction.csv", files.corrected());
        Chromium.Page page = signIn(1280, 900, "01-sign-in.png");
        shot(page, "02-campaigns.png");

        click(page, "a[href='#/new']");
        waitFor(page, "!!document.getElementById('new-campaign')", JsonNode::asBoolean, "the draft form");
        page.evaluate("""
                (() => {
                  const set = (id, v) => { document.getElementById(id).value = v; };
                  set('c-year', '2091');
                  set('c-title', 'НОКО школ Пермского края, 2091 год');
                  document.querySelector('input[name=types][value=school]').checked = true;
                  set('c-operator_name', 'ООО «Опрос»');
                  set('c-regional_order_number', 'СЭД-26-01-06-512');
                  set('c-regional_order_date', '2091-03-15');
                  set('c-survey_started_on', '2091-04-01');
                  set('c-survey_finished_on', '2091-05-31');
                  set('c-bus_gov_deadline', '2091-12-01');
                  set('c-council_protocol', 'Протокол № 3 от 20.06.2091');
                })()""");
        shot(page, "03-new-draft.png");
        page.evaluate("document.getElementById('new-campaign').requestSubmit()");
        String hash = waitFor(page, "location.hash", v -> v.asText().matches("#/campaigns/\\d+"), "the draft's page").asText();
        long campaign = Long.parseLong(hash.substring(hash.lastIndexOf('/') + 1));
        waitFor(page, "!!document.getElementById('upload-file')", JsonNode::asBoolean, "the upload form");
        shot(page, "04-draft.png");

        upload(page, bad);
        JsonNode error = waitFor(page, """
                (() => { const row = document.querySelector('#report tbody[data-row] tr.problem.error');
                  return row && { row: row.closest('tbody').dataset.row, cells: [...row.cells].map(c => c.textContent),
                    marked: row.querySelector('td.cell-bad mark.offending')?.textContent }; })()""",
                v -> v.isObject(), "the report's error");
        assertEquals("4", error.get("row").asText(), "the header is line 1, as in Excel: " + error);
        assertEquals("К1 (k1)", error.get("cells").get(1).asText(), error.toString());
        assertEquals("девяносто", error.get("marked").asText(), "the offending value is highlighted: " + error);
        assertTrue(error.get("cells").get(3).asText().matches(".*[а-яА-Я].*"), "a Russian message: " + error);
        assertEquals("windows-1251", page.evaluate("document.getElementById('detected-encoding').textContent").asText());
        assertTrue(page.evaluate("document.getElementById('detected-delimiter').textContent").asText().contains(";"));
        assertTrue(page.evaluate("[...document.querySelectorAll('#column-mapping tbody tr')].map(r => r.textContent).join('|')")
                .asText().contains("Итоговый баллtotal"), "«Итоговый балл» became total");
        assertTrue(page.evaluate("document.getElementById('publish-state').textContent").asText().contains("есть ошибки"));
        shot(page, "05-report-with-error.png");
        assertAccessible(page);

        upload(page, good);
        waitFor(page, "!!document.querySelector('#preview tbody tr')", JsonNode::asBoolean, "the preview of the corrected file");
        assertEquals(0, page.evaluate("document.querySelectorAll('#report tr.problem.error').length").asInt(), "no errors left");
        assertEquals("2", page.evaluate("document.querySelector('#report tbody[data-row] tr.problem.warning')?.closest('tbody').dataset.row")
                .asText(), "the official total that differs from ours is a warning on its line");
        JsonNode preview = page.evaluate("[...document.querySelectorAll('#preview tbody tr')].map(r => r.cells[0].textContent + ' ' + r.cells[1].textContent)");
        assertEquals("1 МБОУ «СОШ № 2» им. А.С. Пушкина", preview.get(0).asText(), preview.toString());
        assertEquals(3, preview.size(), preview.toString());
        JsonNode computed = page.evaluate("[...document.querySelectorAll('#preview tbody tr')].map(r => r.cells[4].textContent)");
        assertEquals("[\"1\",\"2\",\"3\"]", computed.toString(), "the places the service computes");
        JsonNode mismatch = page.evaluate("""
                [...document.querySelectorAll('#preview tbody tr.mismatch')].map(r => ({ name: r.cells[1].textContent,
                  file: r.cells[10].textContent, ours: r.cells[11].textContent, mark: r.querySelector('td.cell-warn mark')?.textContent }))""");
        assertEquals(1, mismatch.size(), mismatch.toString());
        assertEquals("МАОУ «Лицей № 1»", mismatch.get(0).get("name").asText(), mismatch.toString());
        assertEquals("75,48", mismatch.get(0).get("file").asText(), mismatch.toString());
        assertEquals("75,18", mismatch.get(0).get("ours").asText(), mismatch.toString());
        assertEquals("расхождение", mismatch.get(0).get("mark").asText(), "the mismatch is highlighted: " + mismatch);
        shot(page, "06-preview.png");
        assertEquals(404, api.get("/api/v1/ratings?region=59&year=2091").code(), "nothing public before publishing");

        page.evaluate("document.getElementById('publish-note').value = 'Первая публикация'");
        click(page, "#publish-button");
        String summary = waitFor(page, "document.getElementById('publish-dialog')?.open && document.getElementById('publish-summary').textContent",
                JsonNode::isTextual, "the publish confirmation").asText();
        assertTrue(summary.contains("Организаций в загрузке «results-corrected.csv»: 3"), summary);
        assertTrue(summary.contains("Против пустого рейтинга: добавится 3, уйдёт 0, изменится 0, без изменений 0."), summary);
        JsonNode added = waitFor(page, "[...document.querySelectorAll('#pending-changes-list tbody tr')].map(r => r.dataset.change)",
                v -> v.size() > 0, "the organizations publishing adds");
        assertEquals("[\"added\",\"added\",\"added\"]", added.toString());
        shot(page, "07-publish-confirmation.png");
        assertAccessible(page);
        click(page, "#publish-confirm");
        waitFor(page, "document.getElementById('changes-summary')?.textContent ?? ''", v -> !v.asText().isEmpty(), "the change list");
        assertTrue(page.evaluate("document.querySelector('main .message.ok').textContent").asText().contains("Редакция 1 опубликована"));
        shot(page, "08-published.png");

        HttpResponse<String> ratings = api.get("/api/v1/ratings?region=59&year=2091");
        assertEquals(200, ratings.code(), ratings.body());
        JsonNode rows = Json.parse(ratings.body()).get("data");
        assertEquals(3, rows.size(), ratings.body());
        assertEquals(files.inns[1], rows.get(0).get("inn").asText(), ratings.body());
        assertEquals(campaign, admin.campaign(campaign).get("id").asLong());

        upload(page, correction);
        waitFor(page, "!!document.querySelector('#preview tbody tr')", JsonNode::asBoolean, "the preview of the correction");
        assertEquals("Ошибок и предупреждений нет.", page.evaluate("document.querySelector('#report-section .message.ok')?.textContent").asText());
        assertEquals(0, page.evaluate("document.querySelectorAll('#preview tbody tr.mismatch').length").asInt(), "the total now agrees");
        click(page, "#publish-button");
        JsonNode changed = waitFor(page, """
                [...document.querySelectorAll('#pending-changes-list tbody tr')].map(r => ({ change: r.dataset.change,
                  name: r.cells[0].textContent, fields: r.cells[3].textContent }))""", v -> v.size() > 0,
                "the organizations the correction changes");
        assertEquals(1, changed.size(), changed.toString());
        assertEquals("changed", changed.get(0).get("change").asText(), changed.toString());
        assertEquals("МАОУ «Лицей № 1»", changed.get(0).get("name").asText(), changed.toString());
        assertEquals("total: 75.48 → 75.18", changed.get(0).get("fields").asText(), changed.toString());
        shot(page, "08b-correction-confirmation.png");
        assertAccessible(page);
        click(page, "#publish-cancel");
        assertTrue(!page.evaluate("document.getElementById('publish-dialog').open").asBoolean(), "cancelled: nothing published");

        waitFor(page, "document.getElementById('busgov-missing').textContent", v -> v.asText().contains("approved_by"),
                "what the bus.gov.ru plans lack");
        page.evaluate("""
                (() => {
                  const set = (id, v) => { document.getElementById('busgov-' + id).value = v; };
                  set('approved_by', 'Министерство образования и науки Пермского края');
                  set('approver_last_name', 'Иванова'); set('approver_first_name', 'Мария'); set('approver_middle_name', 'Петровна');
                  set('approve_date', '2092-02-01'); set('plan_date', '2092-12-31');
                  set('responsible_name', 'Петров Пётр Петрович');
                })()""");
        click(page, "#busgov-save");
        String missing = waitFor(page, "document.getElementById('busgov-missing').textContent",
                v -> !v.asText().contains("approved_by"), "the saved founder's fields").asText();
        assertTrue(missing.contains("responsible_position"), missing);
        shot(page, "09-busgov-founder.png");

        page.resize(375, 800);
        page.evaluate("location.hash = '#/'");
        waitFor(page, "!!document.getElementById('campaigns')", JsonNode::asBoolean, "the list at 375 px");
        shot(page, "10-campaigns-375px.png");
        assertAccessible(page);
        page.evaluate("location.hash = '#/campaigns/" + campaign + "'");
        waitFor(page, "!!document.getElementById('changes-summary')", JsonNode::asBoolean, "the campaign at 375 px");
        waitFor(page, "document.getElementById('busgov-approver_last_name').value", v -> v.asText().equals("Иванова"),
                "the remembered founder's fields");
        assertTrue(page.evaluate("document.documentElement.scrollWidth").asInt() <= 375, "no sideways scrolling at 375 px");
        shot(page, "11-published-375px.png");
        assertAccessible(page);
        assertEquals(List.of(), page.problems());
    }

    @Test
    void anotherRunRetractsAPublishedCampaign() throws IOException {
        long campaign = admin.createCampaign("59", 2092, "НОКО школ Пермского края, 2092 год", "school");
        JsonNode job = admin.uploadAndWait(campaign, new ConsoleFiles().corrected(), "text/csv", "source_name=results.csv");
        assertEquals("succeeded", job.get("status").asText(), job.toString());
        assertEquals(200, admin.publish(campaign).code());
        assertEquals(200, api.get("/api/v1/ratings?region=59&year=2092").code());

        Chromium.Page page = signIn(1280, 900, null);
        page.evaluate("location.hash = '#/campaigns/" + campaign + "'");
        waitFor(page, "!!document.getElementById('retract-button')", JsonNode::asBoolean, "the retract form");
        page.evaluate("document.getElementById('retract-reason').value = 'Ошибка в исходных данных оператора'");
        click(page, "#retract-button");
        waitFor(page, "!!document.getElementById('retract-dialog')?.open", JsonNode::asBoolean, "the retract confirmation");
        shot(page, "12-retract-confirmation.png");
        click(page, "#retract-confirm");
        waitFor(page, "document.querySelector('main .message.ok')?.textContent ?? ''", v -> v.asText().contains("отозвана"),
                "the retraction");
        shot(page, "13-retracted.png");
        assertEquals(404, api.get("/api/v1/ratings?region=59&year=2092").code(), "a retracted campaign leaves the ratings");
        assertEquals("retracted", admin.campaign(campaign).get("status").asText());
        assertEquals(List.of(), page.problems());
    }

    @Test
    void anOperatorSeesOnlyItsRegionsCampaignsAndARevokedTokenSignsOut() throws IOException {
        long own = admin.createCampaign("59", 2094, "Консоль: кампания своего региона");
        long foreign = admin.createCampaign("18", 2094, "Консоль: кампания чужого региона");
        String secret = token("Консоль — оператор на время", "59");
        Chromium.Page page = signIn(1280, 900, null, secret);
        JsonNode ids = waitFor(page, "[...document.querySelectorAll('#campaigns tr[data-campaign]')].map(r => Number(r.dataset.campaign))",
                v -> v.size() > 0, "the campaign list");
        List<Long> shown = new java.util.ArrayList<>();
        ids.forEach(id -> shown.add(id.asLong()));
        assertTrue(shown.contains(own), shown.toString());
        assertTrue(!shown.contains(foreign), "a campaign of region 18 is not shown to an operator of 59: " + shown);
        assertTrue(page.evaluate("document.querySelector('a[href=\"#/tokens\"]').hidden").asBoolean(), "no token management for operators");

        HttpResponse<String> tokens = admin.call(HttpRequest.GET("/api/v1/admin/tokens"));
        long tokenId = -1;
        for (JsonNode t : Json.parse(tokens.body()).get("data")) {
            if (t.get("name").asText().equals("Консоль — оператор на время")) {
                tokenId = t.get("id").asLong();
            }
        }
        assertEquals(204, admin.call(HttpRequest.DELETE("/api/v1/admin/tokens/" + tokenId)).code());
        page.evaluate("location.hash = '#/campaigns/" + own + "'");
        String notice = waitFor(page, "document.getElementById('sign-in') && document.querySelector('main .message')?.textContent",
                JsonNode::isTextual, "the sign-in after revocation").asText();
        assertTrue(notice.contains("токен больше не действует"), notice);
        assertTrue(page.evaluate("sessionStorage.length === 0").asBoolean(), "the revoked token is forgotten");
        shot(page, "14-revoked-token.png");
    }

    private Chromium.Page signIn(int width, int height, String screenshot) throws IOException {
        return signIn(width, height, screenshot, operatorSecret);
    }

    private Chromium.Page signIn(int width, int height, String screenshot, String secret) throws IOException {
        Chromium.Page page = browser.newPage(width, height);
        page.navigate(app + "/console");
        waitFor(page, "!!document.getElementById('token')", JsonNode::asBoolean, "the sign-in form");
        page.evaluate("document.getElementById('token').value = " + js(secret));
        if (screenshot != null) {
            shot(page, screenshot);
            assertAccessible(page);
        }
        page.evaluate("document.getElementById('sign-in').requestSubmit()");
        waitFor(page, "!!document.getElementById('campaigns') || [...document.querySelectorAll('main p')].some(p => p.textContent === 'Кампаний пока нет.')",
                JsonNode::asBoolean, "the campaign list after signing in");
        assertTrue(page.evaluate("location.href").asText().indexOf(secret) < 0, "the token is never in the URL");
        return page;
    }

    private void upload(Chromium.Page page, Path file) {
        int root = page.call("DOM.getDocument", Map.of("depth", 0)).get("root").get("nodeId").asInt();
        int input = page.call("DOM.querySelector", Map.of("nodeId", root, "selector", "#upload-file")).get("nodeId").asInt();
        if (input == 0) {
            fail("No file input");
        }
        page.call("DOM.setFileInputFiles", Map.of("nodeId", input, "files", List.of(file.toAbsolutePath().toString())));
        waitFor(page, "document.getElementById('upload-chosen').textContent", v -> v.asText().contains(file.getFileName().toString()),
                "the chosen file");
        page.evaluate("document.getElementById('upload-form').requestSubmit()");
        waitFor(page, "document.getElementById('report-summary')?.textContent ?? ''",
                v -> v.asText().startsWith(file.getFileName().toString()) && !v.asText().contains("обрабатывается"),
                "the report of " + file.getFileName());
    }

    /** Waits with the page's deadline; a timeout reports what the page shows and any script or CSP errors. */
    private static JsonNode waitFor(Chromium.Page page, String expression, java.util.function.Predicate<JsonNode> accept, String what) {
        try {
            return page.waitForValue(expression, accept, what);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\npage: " + page.evaluate("document.getElementById('main').innerText")
                    + "\nproblems: " + page.problems(), e);
        }
    }

    private static void click(Chromium.Page page, String selector) {
        JsonNode clicked = page.evaluate("(() => { const e = document.querySelector(" + js(selector) + "); if (!e) return false; e.click(); return true; })()");
        if (!clicked.asBoolean()) {
            fail("Nothing to click at " + selector);
        }
    }

    private static void assertAccessible(Chromium.Page page) {
        assertEquals(List.of(), page.accessibilityViolations(), "axe-core");
    }

    private static void shot(Chromium.Page page, String name) throws IOException {
        page.screenshot(SCREENSHOTS.resolve(name));
    }

    /** A JavaScript string literal. */
    private static String js(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        Path file = SCREENSHOTS.resolve("files").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private String token(String name, String region) {
        HttpResponse<String> created = admin.call(HttpRequest.POST("/api/v1/admin/tokens",
                "{\"name\": " + js(name) + ", \"role\": \"operator\", \"regions\": [\"" + region + "\"]}")
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, created.code(), created.body());
        return Json.parse(created.body()).get("secret").asText();
    }
}
