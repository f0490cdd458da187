package ru.noko.explorer;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.noko.support.Chromium;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of explorer page in headless Chromium, on the demo data and on a region published
 * through the upload path: no console errors or CSP violations, axe-core (vendored in
 * src/test/resources/axe) finds no WCAG 2.1 A/AA violation, the 375-px layout has no sideways
 * scrolling, the skip link is the first stop of the keyboard and shows its focus. Screenshots at
 * 1280 and 375 px go to target/explorer-screenshots/.
 */
@MicronautTest(transactional = false)
class ExplorerBrowserTest extends ExplorerTestBase {

    static final Path SCREENSHOTS = Path.of("target", "explorer-screenshots");

    @Inject
    EmbeddedServer server;

    Chromium browser;
    String app;

    @BeforeAll
    void setUp() throws IOException {
        app = "http://127.0.0.1:" + server.getPort();
        browser = Chromium.start(SCREENSHOTS.resolve("chromium.log"));
    }

    @AfterAll
    void tearDown() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void everyPageKindIsAccessibleOnAWideAndANarrowScreen() throws IOException {
        List<String> failures = new ArrayList<>();
        for (String path : everyPage()) {
            Chromium.Page page = browser.newPage(1280, 900);
            page.navigate(app + path);
            String name = path.equals("/") ? "home" : path.startsWith("/?") ? "home-search"
                    : path.substring(1).replaceAll("[^A-Za-z0-9]+", "-");
            assertEquals("ru", page.evaluate("document.documentElement.lang").asText(), path);
            assertTrue(page.evaluate("getComputedStyle(document.body).margin").asText().equals("0px"), path + ": the stylesheet loaded");

            page.accessibilityViolations().forEach(v -> failures.add(path + ": " + v));

            // keyboard: the first Tab reaches the skip link, which then shows itself and its focus
            page.call("Input.dispatchKeyEvent", Map.of("type", "keyDown", "key", "Tab", "code", "Tab", "windowsVirtualKeyCode", 9));
            page.call("Input.dispatchKeyEvent", Map.of("type", "keyUp", "key", "Tab", "code", "Tab", "windowsVirtualKeyCode", 9));
            assertEquals("skip", page.evaluate("document.activeElement.className").asText(), path + ": skip link first");
            assertTrue(page.evaluate("document.activeElement.getBoundingClientRect().left >= 0").asBoolean(), path);
            assertEquals("solid", page.evaluate("getComputedStyle(document.activeElement).outlineStyle").asText(), path + ": visible focus");
            page.evaluate("document.activeElement.blur(); true");

            page.screenshot(SCREENSHOTS.resolve(name + "-1280.png"));
            if (path.startsWith("/organizations/") && path.endsWith(String.valueOf(fixture.demoSchoolId))) {
                String png = page.call("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
                Files.write(SCREENSHOTS.resolve("explorer-organization.png"), Base64.getDecoder().decode(png));
            }
            page.resize(375, 800);
            int overflow = page.evaluate("document.documentElement.scrollWidth").asInt();
            if (overflow > 375) {
                failures.add(path + ": the 375-px layout scrolls sideways (" + overflow + " px wide)");
            }
            page.screenshot(SCREENSHOTS.resolve(name + "-375.png"));
            page.problems().forEach(p -> failures.add(path + ": " + p));
        }
        assertEquals(List.of(), failures);
    }
}
