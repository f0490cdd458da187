package ru.noko.platform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import ru.noko.support.Admin;
import ru.noko.support.AdminApiTestBase;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Public GETs answer one CORS header for every origin (a CDN keeps one copy per URL); admin routes
 * keep the CORS layer's own answers.
 */
@MicronautTest(transactional = false)
class CdnCorsTest extends AdminApiTestBase {

    private static final String ORIGIN = "https://school-site.example";

    @Test
    void publicReadsAllowAnyOriginWithOrWithoutOriginAndNeverVaryOnIt() {
        for (String uri : List.of("/api/v1/ratings?region=00&year=2022&per_page=5", "/api/v1/regions/00",
                "/opendata/list.csv", "/widgets/embed.js", "/api/v1/campaigns/999999999")) {
            HttpResponse<String> withOrigin = api.exchange(fromBrowser(HttpRequest.GET(uri)));
            HttpResponse<String> without = api.exchange(HttpRequest.GET(uri).header("Host", "opendata.example.org"));
            for (HttpResponse<String> response : List.of(withOrigin, without)) {
                assertEquals("*", response.header("Access-Control-Allow-Origin"), uri);
                assertNull(response.header("Access-Control-Allow-Credentials"), uri);
                assertFalse(String.join(",", response.getHeaders().getAll("Vary")).toLowerCase().contains("origin"),
                        uri + ": " + response.getHeaders().getAll("Vary"));
            }
            assertEquals(withOrigin.header("Vary"), without.header("Vary"), uri);
            assertEquals(withOrigin.header("ETag"), without.header("ETag"), uri);
        }
        HttpResponse<String> ratings = api.exchange(HttpRequest.GET("/api/v1/ratings?region=00&year=2022&per_page=5"));
        assertTrue(ratings.header("Access-Control-Expose-Headers").contains("ETag"));
        assertTrue(ratings.header("Access-Control-Expose-Headers").contains("Retry-After"), "a page can read when to retry a 503");
        assertTrue(ratings.header("Vary").contains("Accept-Encoding"), "the representation's own Vary stays");
    }

    @Test
    void adminRoutesKeepTheirPolicy() {
        HttpResponse<String> admin = api.exchange(fromBrowser(HttpRequest.GET("/api/v1/admin/campaigns/1"))
                .bearerAuth(Admin.BOOTSTRAP_TOKEN));
        assertTrue(admin.header("Access-Control-Allow-Origin") == null || ORIGIN.equals(admin.header("Access-Control-Allow-Origin")),
                "admin answers are never labelled for any origin: " + admin.header("Access-Control-Allow-Origin"));
        HttpResponse<String> withoutOrigin = api.exchange(HttpRequest.GET("/api/v1/admin/campaigns/1").bearerAuth(Admin.BOOTSTRAP_TOKEN));
        assertNull(withoutOrigin.header("Access-Control-Allow-Origin"));
        HttpResponse<String> write = api.exchange(fromBrowser(HttpRequest.POST("/api/v1/admin/campaigns", "{}"))
                .bearerAuth(Admin.BOOTSTRAP_TOKEN));
        assertEquals(403, write.code(), "cross-origin admin writes stay refused");
        assertNull(write.header("Access-Control-Allow-Origin"));
    }

    private static MutableHttpRequest<?> fromBrowser(MutableHttpRequest<?> request) {
        return request.header("Origin", ORIGIN).header("Host", "opendata.example.org");
    }
}
