package ru.noko.platform.management;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.security.authentication.Authentication;
import ru.noko.platform.security.Caller;

import java.util.Map;

/**
 * {@code /health} tells strangers and operator tokens only whether the service is up; the details
 * (database URL and user, disk, pools) are for admin tokens.
 */
@ServerFilter({"/health", "/health/**"})
class HealthDetailsFilter {

    @ResponseFilter
    void hideDetails(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean admin = request.getUserPrincipal(Authentication.class).map(Caller::of).map(Caller::admin).orElse(false);
        if (!admin && response.body() instanceof HealthResult result) {
            response.body(Map.of("status", result.getStatus().getName()));
        }
    }
}
