package ru.noko.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.json.JsonMapper;
import io.netty.buffer.Unpooled;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP caching of every public GET under {@code /api/} (the admin API excluded), of the feeds, the
 * sitemaps and robots.txt:
 * <ul>
 *   <li>a strong {@code ETag} = hash of (published data version, route and declared parameters in
 *       canonical form, representation, content coding), so JSON, CSV and Excel CSV of one URL never
 *       share a validator, and parameter order or spelling never makes a new one;</li>
 *   <li>{@code If-None-Match} with a current ETag → 304 without touching the database;</li>
 *   <li>rendered bodies kept in {@link PublicCache} and served from memory until the version changes;</li>
 *   <li>{@code Cache-Control: public, max-age=60, stale-while-revalidate=600, stale-if-error=86400}, {@code Vary: Accept, Accept-Encoding}.</li>
 * </ul>
 * Only 200 answers are cached; streamed CSV gets the headers but is not kept in memory.
 */
@ServerFilter({"/api/**", "/feeds/**", "/sitemap.xml", "/sitemaps/**", "/robots.txt"})
class PublicCacheFilter implements Ordered {

    static final String CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=600, stale-if-error=86400";
    static final String VARY = "Accept, Accept-Encoding";
    private static final String ADMIN_PREFIX = "/api/v1/admin";
    private static final String LOOKUP = PublicCacheFilter.class.getName() + ".lookup";
    private static final List<String> KEPT_HEADERS = List.of("Link", HttpHeaders.CONTENT_DISPOSITION);

    /** What the request filter found the cache key, ETag and version to be, for the response filter. */
    record Lookup(String key, String etag, long version) {

        /** The key without the data version: how a page is named in {@link StoredPages}. */
        String storedKey() {
            return key.substring(key.indexOf('\n') + 1);
        }
    }


    private final PublicCache cache;
    private final StoredPages storedPages;
    private final JsonMapper json;
    private final ContractParameters contract;

    PublicCacheFilter(PublicCache cache, StoredPages storedPages, JsonMapper json, ContractParameters contract) {
        this.cache = cache;
        this.storedPages = storedPages;
        this.json = json;
        this.contract = contract;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> lookup(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.GET || request.getPath().startsWith(ADMIN_PREFIX)) {
            return null;
        }
        RequestParameters parameters = RequestParameters.of(request);
        if (parameters == null) {
            return null;
        }
        long version = cache.version();
        String key = key(contract, parameters, request, version);
        if (key == null) {
            return null;
        }
        String etag = etag(version, key);
        if (EntityTags.notModified(request, etag)) {
            return withCaching(HttpResponse.status(HttpStatus.NOT_MODIFIED), etag);
        }
        PublicCache.Entry entry = StoredPages.building(request) ? null : cache.get(key);
        if (entry != null) {
            return withCaching(answer(entry), etag);
        }
        request.setAttribute(LOOKUP, new Lookup(key, etag, version));
        return null;
    }

    @ResponseFilter
    void store(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Lookup lookup = request.getAttribute(LOOKUP, Lookup.class).orElse(null);
        if (lookup == null || response.code() != HttpStatus.OK.getCode()) {
            return;
        }
        // the answer was read in a snapshot of its own (PublicRead): it is named by that snapshot's version,
        // which may be newer than the one this node knew when the request came in
        String key = lookup.key();
        String etag = lookup.etag();
        Long snapshot = request.getAttribute(PublicReadInterceptor.SNAPSHOT_VERSION, Long.class).orElse(null);
        if (snapshot != null && snapshot != lookup.version()) {
            key = snapshot + key.substring(key.indexOf('\n'));
            etag = etag(snapshot, key);
        }
        withCaching(response, etag);
        // an older snapshot's would never be served; the page builder's answers go to the store, not to memory
        boolean current = (snapshot == null || snapshot >= cache.version()) && !StoredPages.building(request);
        PublicCache.Entry stored = request.getAttribute(PublicReadInterceptor.FROM_STORE, PublicCache.Entry.class).orElse(null);
        if (stored != null) {
            if (current) {
                cache.put(key, stored);
            }
            return;
        }
        Object body = response.body();
        if (body == null || body instanceof InputStream) {
            return; // streamed: validated by the ETag, not kept in memory
        }
        byte[] bytes;
        String contentType;
        if (body instanceof byte[] raw) {
            bytes = raw;
            contentType = response.getContentType().map(MediaType::toString).orElse(MediaType.APPLICATION_OCTET_STREAM);
        } else if (body instanceof CharSequence text) {
            bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            contentType = response.getContentType().map(MediaType::toString).orElse(MediaType.TEXT_PLAIN);
        } else {
            try {
                bytes = json.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            contentType = response.getContentType().map(MediaType::toString).orElse(MediaType.APPLICATION_JSON);
            response.body(Unpooled.wrappedBuffer(bytes)).contentType(contentType);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            response.getHeaders().findFirst(name).ifPresent(value -> headers.put(name, value));
        }
        String coding = response.getHeaders().contains(HttpHeaders.CONTENT_ENCODING) ? "identity"
                : key.substring(key.lastIndexOf('\n') + 1);
        PublicCache.Entry entry = PublicCache.Entry.encoded(contentType, bytes, coding, headers);
        if (entry.contentEncoding() != null) {
            // compressed once here, sent and kept compressed: the server sends a body with a coding as it is
            response.body(Unpooled.wrappedBuffer(entry.body())).contentType(contentType);
            response.getHeaders().set(HttpHeaders.CONTENT_ENCODING, entry.contentEncoding());
        }
        if (current) {
            cache.put(key, entry);
        }
        StoredPages.Scope scope = request.getAttribute(StoredPages.SCOPE, StoredPages.Scope.class).orElse(null);
        if (snapshot != null && scope != null && request.getAttribute(PublicReadInterceptor.STORABLE).isPresent()) {
            storedPages.save(request, lookup.storedKey(), scope, snapshot, entry);
        }
    }

    /** The lookup the request filter left on a request it did not answer from memory, if any. */
    static Lookup lookupOf(HttpRequest<?> request) {
        return request.getAttribute(LOOKUP, Lookup.class).orElse(null);
    }

    /** A kept response, sent as it was rendered. */
    static MutableHttpResponse<?> answer(PublicCache.Entry entry) {
        MutableHttpResponse<?> response = HttpResponse.ok(Unpooled.wrappedBuffer(entry.body())).contentType(entry.contentType());
        if (entry.contentEncoding() != null) {
            response.getHeaders().set(HttpHeaders.CONTENT_ENCODING, entry.contentEncoding());
        }
        entry.headers().forEach(response::header);
        return response;
    }

    private static <T> MutableHttpResponse<T> withCaching(MutableHttpResponse<T> response, String etag) {
        response.getHeaders().set(HttpHeaders.ETAG, etag);
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.getHeaders().set(HttpHeaders.VARY, VARY);
        return response;
    }

    /**
     * Version, the route and the declared parameters it was given (canonically, see
     * {@link ContractParameters#canonical}), representation and coding: nothing else a client sends
     * can make a new entry.
     */
    @Nullable
    static String key(ContractParameters contract, RequestParameters parameters, HttpRequest<?> request, long version) {
        String method = request.getMethodName();
        if (!contract.isPublic(method, parameters.template())) {
            return null;
        }
        String canonical = contract.canonical(method, parameters.template(), parameters.query(), parameters.path())
                .orElseThrow();
        return version + "\n" + canonical + "\n" + Representation.of(request).label() + "\n"
                + coding(request.getHeaders().get(HttpHeaders.ACCEPT_ENCODING));
    }

    /** The content coding the server will apply, so that compressed and plain bodies get different ETags. */
    static String coding(String acceptEncoding) {
        return ContentCodings.of(acceptEncoding);
    }

    private static String etag(long version, String key) {
        return "\"" + version + "-" + EntityTags.hash(key, 22) + "\"";
    }

}
