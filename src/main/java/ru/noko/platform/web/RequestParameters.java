package ru.noko.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.UriRouteMatch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The matched route's template and the request's query and path parameters, as the client sent them. */
record RequestParameters(String template, Map<String, List<String>> query, Map<String, String> path) {

    /** Null when the request matched no route (static resources, unknown paths). */
    @Nullable
    static RequestParameters of(HttpRequest<?> request) {
        RouteMatch<?> match = request.getAttribute(HttpAttributes.ROUTE_MATCH, RouteMatch.class).orElse(null);
        if (!(match instanceof UriRouteMatch<?, ?> uriMatch)) {
            return null;
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.getParameters().forEach(query::put);
        Map<String, String> path = new LinkedHashMap<>();
        uriMatch.getVariableValues().forEach((name, value) -> path.put(name, String.valueOf(value)));
        return new RequestParameters(uriMatch.getRouteInfo().getUriMatchTemplate().toString(), query, path);
    }
}
