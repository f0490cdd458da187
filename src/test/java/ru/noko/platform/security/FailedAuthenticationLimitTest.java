package ru.noko.platform.security;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.Json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Over real HTTP: after the limit of failed authentications the client's address gets 429 with Retry-After. */
@MicronautTest(transactional = false)
@Property(name = "noko.auth-failures.limit", value = "3")
@Property(name = "noko.auth-failures.window", value = "10m")
class FailedAuthenticationLimitTest extends AdminApiTestBase {

    private static final String CAMPAIGNS = "/api/v1/admin/campaigns";

    @Test
    void failuresFromOneAddressAreCutOffWithRetryAfter() {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, admin.call(HttpRequest.GET(CAMPAIGNS)).code(), "successes are not counted");
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(401, admin.as("wrong-token-" + i).call(HttpRequest.GET(CAMPAIGNS)).code(), "failure " + (i + 1));
        }
        assertEquals(401, admin.as(null).call(HttpRequest.GET(CAMPAIGNS)).code(), "no credentials: nothing to limit");

        HttpResponse<String> limited = admin.as("wrong-token-4").call(HttpRequest.GET(CAMPAIGNS));
        assertEquals(429, limited.code(), limited.body());
        assertTrue(limited.getContentType().orElseThrow().toString().startsWith("application/problem+json"));
        assertEquals(429, Json.parse(limited.body()).get("status").asInt());
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 600, "Retry-After " + retryAfter);

        assertEquals(429, admin.call(HttpRequest.GET(CAMPAIGNS)).code(), "while blocked even the right token is not checked");
        assertEquals(200, api.get("/api/v1/regions/59").code(), "public reads are not limited");
    }
}
