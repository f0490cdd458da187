package ru.noko.platform.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.net.URI;

/**
 * Browsers send {@code Origin} with every POST and DELETE, same-origin ones included, and Micronaut's CORS filter
 * treats any request with an {@code Origin} as cross-origin: the operator console's writes to the admin API
 * (served by this very host) would be refused with 403, because the public CORS configuration allows only reads.
 * A request whose {@code Origin} names the host it was sent to is not cross-origin, so its {@code Origin} is
 * dropped before the CORS filter runs; requests from other sites are untouched and still get the CORS rules.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SameOriginRequests implements Ordered {

    @RequestFilter
    void dropOwnOrigin(MutableHttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (origin != null && host != null && host.equalsIgnoreCase(authority(origin))) {
            request.getHeaders().remove(HttpHeaders.ORIGIN);
        }
    }

    private static String authority(String origin) {
        try {
            return URI.create(origin).getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public int getOrder() {
        // before the CORS filter (ServerFilterPhase.METRICS.after())
        return ServerFilterPhase.FIRST.order();
    }
}
