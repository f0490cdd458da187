package ru.noko.platform.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import ru.noko.platform.web.ProblemDocuments;
import ru.noko.platform.web.ProblemTypes;

import java.time.Duration;
import java.util.List;

/**
 * Slows down guessing tokens: an admin request with credentials that is answered 401 counts as a
 * failure of its client address; past the limit such requests get 429 with {@code Retry-After},
 * before their credentials are even looked at. Runs before the security filter.
 */
@ServerFilter("/api/v1/admin/**")
class FailedAuthenticationFilter implements Ordered {

    private final FailedAuthentications failures;
    private final ClientAddress clientAddress;

    FailedAuthenticationFilter(FailedAuthentications failures, ClientAddress clientAddress) {
        this.failures = failures;
        this.clientAddress = clientAddress;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseWhileBlocked(HttpRequest<?> request) {
        if (!presentsCredentials(request)) {
            return null;
        }
        return failures.blockedFor(clientAddress.of(request)).map(wait -> tooManyFailures(request, wait)).orElse(null);
    }

    @ResponseFilter
    void countFailure(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() == HttpStatus.UNAUTHORIZED.getCode() && presentsCredentials(request)) {
            failures.failed(clientAddress.of(request));
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    private static boolean presentsCredentials(HttpRequest<?> request) {
        return request.getHeaders().contains(HttpHeaders.AUTHORIZATION);
    }

    private static MutableHttpResponse<?> tooManyFailures(HttpRequest<?> request, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return ProblemDocuments.respond(HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS), ProblemDocuments.problem(
                        HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.TOO_MANY_REQUESTS, "Too Many Requests",
                        "Too many failed authentications from this address; try again in " + seconds + " s",
                        request.getPath(), List.of()))
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    }
}
