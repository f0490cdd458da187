package ru.noko.platform.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.MediaType;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * {@code /docs} opens Swagger UI over the service's own contract, {@code /openapi.yaml};
 * {@code /docs/problems} explains every problem type the API answers with (their {@code type}s point there);
 * {@code /docs/methodology} is the methodology reference of the repository.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class DocsController {

    static final String PROBLEMS_PAGE = "docs/problems.html";
    /** The repository's docs/methodology.md, copied by the build. */
    static final String METHODOLOGY = "docs/methodology.md";

    private final String problems;
    private final String methodology;
    private final String problemsPolicy;

    DocsController() {
        this.problems = resource(PROBLEMS_PAGE);
        this.methodology = resource(METHODOLOGY);
        String style = problems.substring(problems.indexOf("<style>") + "<style>".length(), problems.indexOf("</style>"));
        // nothing from elsewhere, no script: only its own inline stylesheet, by hash
        this.problemsPolicy = "default-src 'none'; style-src 'sha256-" + sha256(style) + "'; base-uri 'none'; "
                + "form-action 'none'; frame-ancestors 'none'";
    }

    @Get("/docs")
    HttpResponse<?> docs() {
        return HttpResponse.seeOther(URI.create("/docs/index.html"));
    }

    @Get("/docs/problems")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<String> problems() {
        return HttpResponse.ok(problems).contentType("text/html; charset=utf-8")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .header("Content-Security-Policy", problemsPolicy)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }

    /** The methodology reference as written in the repository (Markdown, readable as text). */
    @Get("/docs/methodology")
    @Produces("text/markdown")
    HttpResponse<String> methodology() {
        return HttpResponse.ok(methodology).contentType("text/markdown; charset=utf-8")
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("X-Content-Type-Options", "nosniff");
    }

    private static String resource(String name) {
        try (InputStream in = DocsController.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
