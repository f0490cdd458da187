package ru.noko.platform.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.cors.CorsFilter;
import io.micronaut.http.server.cors.CorsOriginConfiguration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CORS of public reads as a CDN needs it: every public GET and HEAD answers
 * {@code Access-Control-Allow-Origin: *}, whether the request named an origin or not, without
 * credentials and without {@code Vary: Origin}, so that a CDN keeps one copy per URL and serves it
 * to every site. Micronaut's CORS layer answers the request first (preflights, refusals); this
 * rewrites what it added. Admin routes and the console keep that layer's answers unchanged.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class PublicCors implements Ordered {

    static final String ANY = "*";
    private static final List<String> NOT_PUBLIC = List.of("/api/v1/admin", "/console", "/prometheus");

    private final String exposedHeaders;

    PublicCors(HttpServerConfiguration.CorsConfiguration cors) {
        CorsOriginConfiguration publicConfiguration = cors.getConfigurations().get("public");
        this.exposedHeaders = publicConfiguration == null ? "" : String.join(", ", publicConfiguration.getExposedHeaders());
    }

    /** Responses pass filters in reverse order: a lower order runs after the CORS layer's response filter. */
    @Override
    public int getOrder() {
        return CorsFilter.CORS_FILTER_ORDER - 1;
    }

    @ResponseFilter
    void anyOrigin(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!isPublicRead(request)) {
            return;
        }
        HttpHeaders headers = response.getHeaders();
        boolean refused = request.getHeaders().contains(HttpHeaders.ORIGIN) && !headers.contains(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                && response.code() == HttpStatus.FORBIDDEN.getCode();
        if (refused) {
            return;
        }
        response.getHeaders().set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ANY);
        response.getHeaders().remove(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
        if (!exposedHeaders.isEmpty()) {
            response.getHeaders().set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposedHeaders);
        }
        List<String> vary = new ArrayList<>();
        for (String value : headers.getAll(HttpHeaders.VARY)) {
            for (String part : value.split(",")) {
                String name = part.trim();
                if (!name.isEmpty() && !name.toLowerCase(Locale.ROOT).equals("origin") && !vary.contains(name)) {
                    vary.add(name);
                }
            }
        }
        response.getHeaders().remove(HttpHeaders.VARY);
        if (!vary.isEmpty()) {
            response.getHeaders().set(HttpHeaders.VARY, String.join(", ", vary));
        }
    }

    static boolean isPublicRead(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false;
        }
        String path = request.getPath();
        for (String prefix : NOT_PUBLIC) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return false;
            }
        }
        return true;
    }
}
