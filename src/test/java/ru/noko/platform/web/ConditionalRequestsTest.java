package ru.noko.platform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionalRequestsTest {

    private static final ContractParameters CONTRACT = new ContractParameters();

    @Test
    void ifNoneMatchUsesWeakComparisonOverAList() {
        assertTrue(EntityTags.matches(List.of("\"7-abc\""), "\"7-abc\""));
        assertTrue(EntityTags.matches(List.of("W/\"7-abc\""), "\"7-abc\""));
        assertTrue(EntityTags.matches(List.of("\"x\", \"7-abc\""), "\"7-abc\""));
        assertFalse(EntityTags.matches(List.of("\"7-abd\""), "\"7-abc\""));
        assertFalse(EntityTags.matches(List.of("7-abc"), "\"7-abc\""), "unquoted is no entity tag");
        assertFalse(EntityTags.matches(List.of(), "\"7-abc\""));
        assertTrue(EntityTags.matches(List.of("*"), "\"7-abc\""), "* names any current representation");
        assertTrue(EntityTags.matches(List.of("\"x\"", "\"7-abc\""), "\"7-abc\""), "every If-None-Match header counts");
    }

    @Test
    void keyIgnoresParameterOrderButNotValuesVersionOrRepresentation() {
        String key = key(HttpRequest.GET("/api/v1/ratings?region=00&year=2022"), 7);
        assertEquals(key, key(HttpRequest.GET("/api/v1/ratings?year=2022&region=00"), 7));
        assertNotEquals(key, key(HttpRequest.GET("/api/v1/ratings?region=00&year=2023"), 7));
        assertNotEquals(key, key(HttpRequest.GET("/api/v1/ratings?region=00&year=2022"), 8));
        assertNotEquals(key, key(HttpRequest.GET("/api/v1/ratings?region=00&year=2022").accept("text/csv"), 7));
        assertNotEquals(key, key(HttpRequest.GET("/api/v1/ratings?region=00&year=2022")
                .header("Accept-Encoding", "gzip, deflate"), 7));
    }

    @Test
    void keyHasOnlyDeclaredParametersInCanonicalSpelling() {
        String key = key(HttpRequest.GET("/api/v1/ratings?region=00&year=2022&page=2"), 7);
        assertEquals(key, key(HttpRequest.GET("/api/v1/ratings?page=002&year=2022&region=00"), 7), "numbers in plain spelling");
        assertEquals(key, key(HttpRequest.GET("/api/v1/ratings?region=00&year=2022&page=2&cache_buster=1"), 7),
                "a parameter the operation does not declare cannot make a new entry");
        assertNotEquals(key, key(HttpRequest.GET("/api/v1/ratings?region=00&year=2022&page=3"), 7));
        assertNull(PublicCacheFilter.key(CONTRACT, new RequestParameters("/api/v1/admin/campaigns", Map.of(), Map.of()),
                HttpRequest.GET("/api/v1/admin/campaigns"), 7), "operations behind a token are never cached");
    }

    private static String key(MutableHttpRequest<?> request, long version) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.getParameters().forEach(query::put);
        return PublicCacheFilter.key(CONTRACT, new RequestParameters(request.getPath(), query, Map.of()), request, version);
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
