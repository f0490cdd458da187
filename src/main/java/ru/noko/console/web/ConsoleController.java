package ru.noko.console.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import ru.noko.api.ConsoleApi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the console's three static files (classpath {@code console/}). The policy allows this origin
 * only and nothing inline, so no injected markup can run script or reach another site; the page may
 * not be framed (no clickjacking of the publish button).
 */
@Controller
class ConsoleController implements ConsoleApi {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final String page = read("index.html");
    private final String script = read("app.js");
    private final String stylesheet = read("console.css");

    @Override
    public HttpResponse<String> getConsole() {
        return headers(HttpResponse.ok(page).contentType("text/html; charset=utf-8"));
    }

    @Override
    public HttpResponse<String> getConsoleScript() {
        return headers(HttpResponse.ok(script).contentType("application/javascript; charset=utf-8"));
    }

    @Override
    public HttpResponse<String> getConsoleStylesheet() {
        return headers(HttpResponse.ok(stylesheet).contentType("text/css; charset=utf-8"));
    }

    private static MutableHttpResponse<String> headers(MutableHttpResponse<String> response) {
        return response.header("Content-Security-Policy", POLICY)
                // a new release must reach operators at once; the files are small
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }

    private static String read(String name) {
        try (InputStream in = ConsoleController.class.getClassLoader().getResourceAsStream("console/" + name)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource console/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
