package ru.noko.explorer.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import ru.noko.platform.web.ApiProblemException;
import ru.noko.platform.web.EntityTags;
import ru.noko.platform.web.PublicCache;
import ru.noko.platform.web.PublicSnapshots;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Caching of the pages like the API's (DESIGN.md, HTTP caching): a strong ETag from the published
 * data version, the route and its parameters; 304 on a matching If-None-Match without reading the
 * database; rendered bodies kept in the public cache, which a publication clears. Every page gets
 * the same strict Content-Security-Policy: its own stylesheet file, no inline script or style.
 */
@Singleton
class ExplorerResponses {

    static final String HTML = "text/html; charset=utf-8";
    static final String CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=600, stale-if-error=86400";
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** Bump when the templates or the stylesheet change in a way the data version does not show. */
    private static final String MARKUP_VERSION = "explorer-1";

    private final PublicCache cache;
    private final PublicSnapshots snapshots;
    private final Supplier<String> notFound;

    ExplorerResponses(PublicCache cache, PublicSnapshots snapshots, Templates templates) {
        this.cache = cache;
        this.snapshots = snapshots;
        this.notFound = () -> templates.render("notfound", new Views.NotFound(templates.layout("Страница не найдена — НОКО",
                "Такой страницы нет: организация, регион или муниципалитет не найдены.", "/", List.of(), null,
                List.of(Links.crumb("Главная", "/")), List.of()),
                "Такой организации, региона, муниципалитета или опубликованной кампании нет в данных НОКО. "
                        + "Проверьте адрес или найдите нужное через поиск."));
    }

    MutableHttpResponse<String> page(Supplier<String> render) {
        try {
            return cachedPage(render);
        } catch (ApiProblemException problem) {
            if (problem.status() != HttpStatus.NOT_FOUND || !acceptsHtml()) {
                throw problem;
            }
            return HttpResponse.<String>status(HttpStatus.NOT_FOUND).body(notFound.get()).contentType(HTML)
                    .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
                    .header(HttpHeaders.VARY, "Accept, Accept-Encoding")
                    .header("Content-Security-Policy", POLICY)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "strict-origin-when-cross-origin");
        }
    }

    /** A browser asks for text/html first; an API client names JSON (or nothing HTML). */
    private static boolean acceptsHtml() {
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElse(null);
        String accept = request == null ? "" : String.join(",", request.getHeaders().getAll(HttpHeaders.ACCEPT));
        return accept.contains("text/html");
    }

    private MutableHttpResponse<String> cachedPage(Supplier<String> render) {
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElseThrow();
        String named = MARKUP_VERSION + "\n" + request.getPath() + "?" + canonicalQuery(request);
        String key = cache.version() + "\n" + named;
        String etag = EntityTags.hashed(key);
        if (EntityTags.notModified(request, etag)) {
            return headers(HttpResponse.notModified(), etag);
        }
        PublicCache.Entry hit = cache.get(key);
        if (hit != null) {
            return headers(HttpResponse.ok(new String(hit.body(), StandardCharsets.UTF_8)).contentType(HTML), etag);
        }
        PublicSnapshots.Read<String> read = snapshots.read(render);
        key = read.version() + "\n" + named;
        etag = EntityTags.hashed(key);
        if (read.version() >= cache.version()) {
            cache.put(key, new PublicCache.Entry(HTML, read.value().getBytes(StandardCharsets.UTF_8), Map.of()));
        }
        return headers(HttpResponse.ok(read.value()).contentType(HTML), etag);
    }

    /** Parameters by name, values in the order given: spelling order never makes a new entry. */
    private static String canonicalQuery(HttpRequest<?> request) {
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        request.getParameters().forEach((name, values) -> sorted.put(name, values));
        StringBuilder out = new StringBuilder();
        sorted.forEach((name, values) -> out.append(name).append('=').append(String.join(",", values)).append('&'));
        return out.toString();
    }

    private static <T> MutableHttpResponse<T> headers(MutableHttpResponse<T> response, String etag) {
        return response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.VARY, "Accept-Encoding")
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin");
    }
}
