package ru.noko.platform.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.noko.support.ApiTestBase;
import ru.noko.support.Json;
import ru.noko.support.TestCampaigns;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.noko.support.TestCampaigns.MUNICIPALITY_A;

/** ETag, 304, Cache-Control, Vary, CORS and invalidation on publish, over real HTTP. */
@MicronautTest(transactional = false)
class HttpCachingTest extends ApiTestBase {

    private static final String RATINGS = "/api/v1/ratings?region=00&year=2022&per_page=20";
    private static final String ORIGIN = "https://school-site.example";

    @Inject
    ApplicationContext context;

    @Test
    void strongEtagAndConditionalGet() {
        HttpResponse<String> first = api.get(RATINGS);
        String etag = first.header("ETag");
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), "strong, quoted: " + etag);
        assertTrue(first.header("Cache-Control").contains("public"));
        assertTrue(first.header("Cache-Control").contains("max-age=60"));
        assertTrue(first.header("Cache-Control").contains("stale-while-revalidate="));
        assertTrue(first.getHeaders().getAll("Vary").toString().contains("Accept"));
        assertTrue(first.getHeaders().getAll("Vary").toString().contains("Accept-Encoding"));

        HttpResponse<String> second = api.get(RATINGS);
        assertEquals(etag, second.header("ETag"));
        assertEquals(first.body(), second.body(), "the cached body is the rendered one");
        assertEquals(first.header("Link"), second.header("Link"), "headers of the page survive caching");

        HttpResponse<String> notModified = api.call(HttpRequest.GET(RATINGS).header("If-None-Match", etag));
        assertEquals(304, notModified.code());
        assertEquals(etag, notModified.header("ETag"));
        assertTrue(notModified.getBody(String.class).map(String::isEmpty).orElse(true));
        assertTrue(notModified.header("Cache-Control").contains("stale-while-revalidate"));
        assertEquals(304, api.call(HttpRequest.GET(RATINGS).header("If-None-Match", "\"other\", W/" + etag)).code(),
                "a list of tags and the weak form match too (weak comparison)");
        assertEquals(200, api.call(HttpRequest.GET(RATINGS).header("If-None-Match", "\"other\"")).code());
        assertEquals(200, api.call(HttpRequest.GET(RATINGS.replace("per_page=20", "per_page=21"))
                .header("If-None-Match", etag)).code(), "another URL has another ETag");
    }

    @Test
    void everyRepresentationHasItsOwnEtag() {
        String json = api.get(RATINGS).header("ETag");
        HttpResponse<String> csv = api.call(HttpRequest.GET(RATINGS).accept("text/csv"));
        HttpResponse<String> excel = api.call(HttpRequest.GET(RATINGS + "&dialect=excel").accept("text/csv"));
        HttpResponse<String> gzip = api.call(HttpRequest.GET(RATINGS).header("Accept-Encoding", "gzip"));
        assertEquals(4, Set.of(json, csv.header("ETag"), excel.header("ETag"), gzip.header("ETag")).size());
        assertEquals(304, api.call(HttpRequest.GET(RATINGS).accept("text/csv").header("If-None-Match", csv.header("ETag"))).code());
        assertEquals(200, api.call(HttpRequest.GET(RATINGS).header("If-None-Match", csv.header("ETag"))).code(),
                "the CSV validator does not validate the JSON representation");
        assertTrue(csv.header("Cache-Control").contains("stale-while-revalidate"));
    }

    @Test
    void publishingChangesEveryEtagAndWhatIsServed() {
        String campaigns = "/api/v1/campaigns?region=" + TestCampaigns.REGION + "&per_page=500";
        HttpResponse<String> ratingsBefore = api.get(RATINGS);
        HttpResponse<String> campaignsBefore = api.get(campaigns);
        HttpResponse<String> regionBefore = api.get("/api/v1/regions/00");

        TestCampaigns.Published published = TestCampaigns.publish(context,
                List.of(TestCampaigns.org("Школа кэша", "school", MUNICIPALITY_A, 75)));

        HttpResponse<String> ratingsAfter = api.call(HttpRequest.GET(RATINGS).header("If-None-Match", ratingsBefore.header("ETag")));
        assertEquals(200, ratingsAfter.code(), "a publish invalidates every validator");
        assertNotEquals(ratingsBefore.header("ETag"), ratingsAfter.header("ETag"));
        assertEquals(ratingsBefore.body(), ratingsAfter.body(), "this ranking's data did not change");
        assertNotEquals(regionBefore.header("ETag"), api.get("/api/v1/regions/00").header("ETag"));

        HttpResponse<String> campaignsAfter = api.get(campaigns);
        assertFalse(campaignsBefore.body().contains("\"id\":" + published.campaignId() + ","));
        assertTrue(campaignsAfter.body().contains("\"id\":" + published.campaignId() + ","), "no stale list is served");
        assertEquals(Json.parse(campaignsBefore.body()).at("/meta/total").asInt() + 1,
                Json.parse(campaignsAfter.body()).at("/meta/total").asInt());
    }

    @Test
    void corsAllowsAnyOriginOnJsonCsvNotModifiedAndErrors() {
        HttpResponse<String> json = api.call(fromBrowser(HttpRequest.GET(RATINGS)));
        assertEquals("*", json.header("Access-Control-Allow-Origin"));
        assertTrue(json.header("Access-Control-Expose-Headers").contains("ETag"));

        HttpResponse<String> csv = api.call(fromBrowser(HttpRequest.GET(RATINGS + "&format=csv")));
        assertEquals(200, csv.code());
        assertEquals("*", csv.header("Access-Control-Allow-Origin"));

        HttpResponse<String> notModified = api.call(fromBrowser(HttpRequest.GET(RATINGS).header("If-None-Match", json.header("ETag"))));
        assertEquals(304, notModified.code());
        assertEquals("*", notModified.header("Access-Control-Allow-Origin"));

        HttpResponse<String> invalid = api.call(fromBrowser(HttpRequest.GET("/api/v1/ratings?region=x")));
        assertEquals(400, invalid.code());
        assertEquals("*", invalid.header("Access-Control-Allow-Origin"), "browsers can read the problem too");
        HttpResponse<String> missing = api.call(fromBrowser(HttpRequest.GET("/api/v1/campaigns/999999999")));
        assertEquals(404, missing.code());
        assertEquals("*", missing.header("Access-Control-Allow-Origin"));
    }

    @Test
    void everyPublicGetIsCachedButErrorsAreNot() {
        for (String uri : List.of("/api/v1/regions/00", "/api/v1/criteria", "/api/v1/organizations?region=00&per_page=5",
                "/api/v1/campaigns/1", "/api/v1/regions/00/statistics", "/api/v1/organizations/1/results")) {
            String etag = api.get(uri).header("ETag");
            assertTrue(etag != null && etag.startsWith("\""), uri);
            assertEquals(304, api.call(HttpRequest.GET(uri).header("If-None-Match", etag)).code(), uri);
        }
        HttpResponse<String> missing = api.get("/api/v1/ratings?region=98");
        assertEquals(404, missing.code());
        assertNull(missing.header("ETag"));
        assertNull(missing.header("Cache-Control"));
    }

    /**
     * As a browser on another site sends it, to the service's public host name: Micronaut refuses
     * "any origin" requests from a foreign site to a localhost server (drive-by-localhost attacks).
     */
    private static MutableHttpRequest<?> fromBrowser(MutableHttpRequest<?> request) {
        return request.header("Origin", ORIGIN).header("Host", "opendata.example.org");
    }
}
