package ru.noko.platform.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.noko.support.ApiTestBase;
import ru.noko.support.RawHttp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every problem {@code type} the code can answer with ({@code /docs/problems#<kind>} anywhere in the
 * sources or the contract) has its section on {@code /docs/problems}, a page that loads nothing
 * from elsewhere.
 */
@MicronautTest(transactional = false)
class ProblemsPageTest extends ApiTestBase {

    private static final Pattern TYPE = Pattern.compile("/docs/problems#([a-z0-9-]+)");

    @Inject
    EmbeddedServer server;

    @Test
    void everyProblemTypeInTheCodeHasAnAnchorOnThePage() throws IOException {
        Set<String> kinds = new TreeSet<>();
        for (Path root : List.of(Path.of("src", "main", "java"), Path.of("api-spec"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher type = TYPE.matcher(Files.readString(file));
                    while (type.find()) {
                        kinds.add(type.group(1));
                    }
                }
            }
        }
        assertTrue(kinds.size() >= 12, "problem types found in the code: " + kinds);

        RawHttp.Response page = RawHttp.send(server.getPort(), "GET /docs/problems HTTP/1.1\r\nHost: localhost\r\nAccept: text/html");
        assertEquals(200, page.status());
        assertTrue(page.header("content-type").startsWith("text/html"), page.header("content-type"));
        for (String kind : kinds) {
            assertTrue(page.body().contains("<section id=\"" + kind + "\">"), "no section for " + kind);
        }
    }

    @Test
    void thePageIsRussianWithEnglishSummariesAndLoadsNothingFromElsewhere() {
        RawHttp.Response page = RawHttp.send(server.getPort(), "GET /docs/problems HTTP/1.1\r\nHost: localhost");
        String body = page.body();
        assertTrue(body.contains("<html lang=\"ru\">"));
        assertTrue(body.contains("class=\"en\""), "English summary lines");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(body).find(), "no external resources");
        assertFalse(body.contains("<script"), "no script");
        String policy = page.header("content-security-policy");
        assertTrue(policy.startsWith("default-src 'none'; style-src 'sha256-"), policy);
        assertFalse(policy.contains("unsafe"), policy);
        assertEquals("nosniff", page.header("x-content-type-options"));
    }

    @Test
    void theMethodologyReferenceIsServedAsInTheRepository() throws IOException {
        RawHttp.Response page = RawHttp.send(server.getPort(), "GET /docs/methodology HTTP/1.1\r\nHost: localhost\r\nAccept: */*");
        assertEquals(200, page.status());
        assertTrue(page.header("content-type").startsWith("text/markdown"), page.header("content-type"));
        assertEquals(Files.readString(Path.of("docs", "methodology.md")), page.body());
    }
}
