package ru.noko.widgets.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import io.netty.buffer.Unpooled;
import ru.noko.platform.web.ContentCodings;
import ru.noko.platform.web.EntityTags;
import ru.noko.platform.web.PublicCache;
import ru.noko.platform.web.StoredPages;
import ru.noko.platform.web.PublicSnapshots;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * HTTP caching and security headers of the widgets (DESIGN.md, HTTP caching): a strong ETag from
 * the published data version, the assets' fingerprint, the route, the options and the content
 * coding; 304 on a matching If-None-Match; rendered bodies kept in the public cache ({@link PublicCache},
 * one memory budget with the API's answers) under the same key, so that a new data version never
 * serves an old body; an organization's card also among the {@link StoredPages}.
 */
@Singleton
class WidgetResponses {

    static final String CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=3600, stale-if-error=86400";
    static final String SCRIPT_CACHE_CONTROL = "public, max-age=3600, stale-while-revalidate=86400, stale-if-error=86400";
    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";
    static final String HTML = "text/html; charset=utf-8";
    static final String SVG = "image/svg+xml; charset=utf-8";
    static final String JAVASCRIPT = "application/javascript; charset=utf-8";

    /**
     * A representation: body, content type, its Content-Security-Policy (null for none) and, for a
     * widget kept in {@link StoredPages}, what it shows (null: not kept there).
     */
    record Rendered(String body, String contentType, String policy, StoredPages.Scope stored) {

        Rendered(String body, String contentType, String policy) {
            this(body, contentType, policy, null);
        }
    }

    private static final String POLICY = "Content-Security-Policy";
    /** Widgets' names in the public cache and the stored pages: never a public route's key. */
    private static final String NAMESPACE = "widget|";

    private final PublicCache publicCache;
    private final PublicSnapshots snapshots;
    private final StoredPages storedPages;
    private final WidgetAssets assets;
    private final String pagePolicy;

    WidgetResponses(PublicCache publicCache, PublicSnapshots snapshots, StoredPages storedPages, WidgetAssets assets) {
        this.publicCache = publicCache;
        this.snapshots = snapshots;
        this.storedPages = storedPages;
        this.assets = assets;
        this.pagePolicy = "default-src 'none'; style-src " + WidgetAssets.cspHash(assets.widgetCss())
                + "; script-src 'self'; img-src 'self' data:; frame-ancestors *; base-uri 'none'; form-action 'none'";
    }

    /** Policy of the card and the table: their inlined stylesheet, the resize script, framing by any site. */
    String pagePolicy() {
        return pagePolicy;
    }

    /** Policy of the badge: an image that may be framed or opened anywhere and can run nothing. */
    static String badgePolicy() {
        return "default-src 'none'; frame-ancestors *; sandbox";
    }

    /**
     * A widget that depends on published data: 304 when the client has it, else the cached or
     * freshly rendered body. {@code render} may throw (e.g. not found); nothing is cached then.
     */
    MutableHttpResponse<String> dataWidget(String route, String options, Supplier<Rendered> render) {
        return dataWidget(route, options, render, false);
    }

    /**
     * {@link #dataWidget}, for a widget of the long tail (one per organization): also looked up in
     * and kept in {@link StoredPages}, shared by every node, when {@code render} names what it shows.
     */
    MutableHttpResponse<String> storedWidget(String route, String options, Supplier<Rendered> render) {
        return dataWidget(route, options, render, true);
    }

    @SuppressWarnings("unchecked")
    private MutableHttpResponse<String> dataWidget(String route, String options, Supplier<Rendered> render, boolean storable) {
        // the version the public API caches by, kept in memory: no database round trip per widget view
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElse(null);
        String coding = ContentCodings.of(request == null ? null : request.getHeaders().get(HttpHeaders.ACCEPT_ENCODING));
        String named = assets.fingerprint() + "|" + route + "|" + options + "|" + coding;
        String key = publicCache.version() + "|" + named;
        String etag = EntityTags.hashed(key);
        if (notModified(etag)) {
            return headers(HttpResponse.notModified(), etag, CACHE_CONTROL, null);
        }
        boolean building = request != null && StoredPages.building(request);
        PublicCache.Entry entry = building ? null : publicCache.get(NAMESPACE + key);
        if (entry == null) {
            StoredPages.Found found = storable && request != null && storedPages.enabled() ? storedPages.find(request, NAMESPACE + named) : null;
            long version;
            if (found != null && found.page().isPresent()) {
                entry = found.page().get();
                version = found.version();
            } else {
                // read in one snapshot and named by its data version, which may be newer than the one above
                PublicSnapshots.Read<Rendered> read = snapshots.read(render);
                entry = entry(read.value(), coding);
                version = read.version();
                if (storable && request != null && read.value().stored() != null) {
                    storedPages.save(request, NAMESPACE + named, read.value().stored(), version, entry);
                }
            }
            key = version + "|" + named;
            etag = EntityTags.hashed(key);
            if (version >= publicCache.version() && !building) {
                publicCache.put(NAMESPACE + key, entry);
            }
        }
        MutableHttpResponse<?> response = HttpResponse.ok(Unpooled.wrappedBuffer(entry.body())).contentType(entry.contentType());
        if (entry.contentEncoding() != null) {
            response.header(HttpHeaders.CONTENT_ENCODING, entry.contentEncoding());
        }
        // the body is the rendered text, sent as the bytes it was kept as (compressed when the client takes gzip)
        return (MutableHttpResponse<String>) headers(response, etag, CACHE_CONTROL, entry.headers().get(POLICY));
    }

    private static PublicCache.Entry entry(Rendered rendered, String coding) {
        return PublicCache.Entry.encoded(rendered.contentType(), rendered.body().getBytes(StandardCharsets.UTF_8), coding,
                rendered.policy() == null ? Map.of() : Map.of(POLICY, rendered.policy()));
    }

    /** The not-found card of a widget route; it names the Accept it was chosen by. */
    MutableHttpResponse<String> notFound(String card) {
        MutableHttpResponse<String> response = HttpResponse.<String>status(io.micronaut.http.HttpStatus.NOT_FOUND).body(card)
                .contentType(HTML)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
                .header(HttpHeaders.VARY, "Accept, Accept-Encoding")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", REFERRER_POLICY)
                .header("Cross-Origin-Resource-Policy", "cross-origin")
                .header("Content-Security-Policy", pagePolicy);
        return response;
    }

    /**
     * Whether the client takes HTML: a browser or an iframe asks for text/html, curl sends *{@literal /}*;
     * a client naming JSON (or problem+json) without HTML wants the problem document.
     */
    static boolean acceptsHtml() {
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElse(null);
        String accept = request == null ? null : String.join(",", request.getHeaders().getAll(HttpHeaders.ACCEPT));
        if (accept == null || accept.isBlank()) {
            return true;
        }
        return accept.contains("text/html") || !accept.contains("json");
    }

    /** A script file: its own hash is the ETag. */
    MutableHttpResponse<String> script(String source) {
        String etag = EntityTags.hashed(source);
        if (notModified(etag)) {
            return headers(HttpResponse.notModified(), etag, SCRIPT_CACHE_CONTROL, null);
        }
        return headers(HttpResponse.ok(source).contentType(JAVASCRIPT), etag, SCRIPT_CACHE_CONTROL, null);
    }

    private static <T> MutableHttpResponse<T> headers(MutableHttpResponse<T> response, String etag, String cacheControl,
                                                      String policy) {
        response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, "Accept-Encoding")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", REFERRER_POLICY)
                .header("Cross-Origin-Resource-Policy", "cross-origin");
        if (policy != null) {
            response.header(POLICY, policy);
        }
        return response;
    }

    private static boolean notModified(String etag) {
        return ServerRequestContext.currentRequest().map(request -> EntityTags.notModified(request, etag)).orElse(false);
    }
}
