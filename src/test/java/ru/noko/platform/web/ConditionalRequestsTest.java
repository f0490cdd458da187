package ru.noko.platform.web;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionalRequestsTest {

    @Test
    void ifNoneMatchUsesWeakComparisonOverAList() {
        assertTrue(PublicCacheFilter.matches("\"7-abc\"", "\"7-abc\""));
        assertTrue(PublicCacheFilter.matches("W/\"7-abc\"", "\"7-abc\""));
        assertTrue(PublicCacheFilter.matches("\"x\", \"7-abc\"", "\"7-abc\""));
        assertFalse(PublicCacheFilter.matches("\"7-abd\"", "\"7-abc\""));
        assertFalse(PublicCacheFilter.matches("7-abc", "\"7-abc\""), "unquoted is no entity tag");
        assertFalse(PublicCacheFilter.matches(null, "\"7-abc\""));
    }

    @Test
    void keyIgnoresParameterOrderButNotValuesVersionOrRepresentation() {
        String key = PublicCacheFilter.key(HttpRequest.GET("/api/v1/ratings?region=00&year=2022"), 7);
        assertEquals(key, PublicCacheFilter.key(HttpRequest.GET("/api/v1/ratings?year=2022&region=00"), 7));
        assertNotEquals(key, PublicCacheFilter.key(HttpRequest.GET("/api/v1/ratings?region=00&year=2023"), 7));
        assertNotEquals(key, PublicCacheFilter.key(HttpRequest.GET("/api/v1/ratings?region=00&year=2022"), 8));
        assertNotEquals(key, PublicCacheFilter.key(HttpRequest.GET("/api/v1/ratings?region=00&year=2022").accept("text/csv"), 7));
        assertNotEquals(key, PublicCacheFilter.key(HttpRequest.GET("/api/v1/ratings?region=00&year=2022")
                .header("Accept-Encoding", "gzip, deflate"), 7));
    }

    @Test
    void contentCodingFollowsAcceptEncoding() {
        assertEquals("gzip", PublicCacheFilter.coding("gzip, deflate, br"));
        assertEquals("deflate", PublicCacheFilter.coding("deflate"));
        assertEquals("identity", PublicCacheFilter.coding("gzip;q=0, identity"));
        assertEquals("identity", PublicCacheFilter.coding("gzip;q=0.000, deflate; q=0."));
        assertEquals("gzip", PublicCacheFilter.coding("gzip;q=0.001"));
        assertEquals("deflate", PublicCacheFilter.coding("gzip;q=0, deflate;q=0.5"));
        assertEquals("identity", PublicCacheFilter.coding(null));
    }
}
