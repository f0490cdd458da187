package ru.noko.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.noko.support.ApiTestBase;
import ru.noko.support.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Public operations take only the query parameters the contract declares, each once and without NUL,
 * so that strangers can neither fill the public cache with spellings of one request nor reach the
 * database with text it cannot store.
 */
@MicronautTest(transactional = false)
class PublicParametersTest extends ApiTestBase {

    private long organization;

    @BeforeAll
    void findOrganization() {
        organization = Json.parse(api.get("/api/v1/organizations?region=00&per_page=1").body()).at("/data/0/id").asLong();
    }

    @Test
    void anUnknownParameterIsRefusedNamingTheSupportedOnes() {
        JsonNode regions = problem(api.get("/api/v1/regions?per_page=5&cache_buster=123"), "cache_buster", "unknown_parameter");
        assertTrue(regions.get("message").asText().contains("page, per_page, format, dialect"), regions.toString());

        JsonNode card = problem(api.get("/widgets/organizations/" + organization + "?year=2024"), "year", "unknown_parameter");
        assertTrue(card.get("message").asText().contains("campaign, theme, lang, compact"), card.toString());

        problem(api.get("/opendata/list.csv?v=2"), "v", "unknown_parameter");
        problem(api.get("/widgets/embed.js?v=2"), "v", "unknown_parameter");
        problem(api.get("/api/v1/methodologies?x"), "x", "unknown_parameter");
        problem(api.call(HttpRequest.POST("/api/v1/calculator?debug=1", "{}")), "debug", "unknown_parameter");
    }

    /** Every public GET of the contract, list or not, new ones included: a stranger parameter is a 400 naming the supported ones. */
    @Test
    @SuppressWarnings("unchecked")
    void everyPublicOperationRefusesAnUnknownParameter() throws java.io.IOException {
        Map<String, Object> spec;
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("api-spec/openapi.yaml"))) {
            spec = new org.yaml.snakeyaml.Yaml().load(in);
        }
        Map<String, Object> shared = (Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("parameters");
        int checked = 0;
        for (var path : ((Map<String, Map<String, Object>>) spec.get("paths")).entrySet()) {
            if (!(path.getValue().get("get") instanceof Map<?, ?> found)
                    || found.get("security") instanceof List<?> security && !security.isEmpty()) {
                continue;
            }
            Map<String, Object> get = (Map<String, Object>) found;
            List<String> supported = new ArrayList<>();
            for (Object parameter : (List<Object>) get.getOrDefault("parameters", List.of())) {
                Map<String, Object> p = (Map<String, Object>) parameter;
                if (p.containsKey("$ref")) {
                    String ref = (String) p.get("$ref");
                    p = (Map<String, Object>) shared.get(ref.substring(ref.lastIndexOf('/') + 1));
                }
                if ("query".equals(p.get("in"))) {
                    supported.add((String) p.get("name"));
                }
            }
            String uri = path.getKey().replaceAll("\\{(code)}", "00").replaceAll("\\{[a-z_]+}", "1")
                    + "?stranger=1";
            JsonNode error = problem(api.get(uri), "stranger", "unknown_parameter");
            for (String name : supported) {
                assertTrue(error.get("message").asText().contains(name), uri + " names " + name + ": " + error);
            }
            checked++;
        }
        assertTrue(checked > 20, "public operations checked: " + checked);
        JsonNode ratings = problem(api.get("/api/v1/ratings?region=00&sorting=k3"), "sorting", "unknown_parameter");
        assertTrue(ratings.get("message").asText().contains("sort, page, per_page, format, dialect, headers, round"),
                ratings.toString());
        JsonNode criteria = problem(api.get("/api/v1/criteria?format=csv&lang=ru"), "lang", "unknown_parameter");
        assertTrue(criteria.get("message").asText().contains("methodology, format, dialect, headers, round"),
                criteria.toString());
    }

    @Test
    void aParameterGivenTwiceIsRefused() {
        problem(api.get("/api/v1/regions?page=1&page=1"), "page", "repeated_parameter");
    }

    @Test
    void aNulCharacterIsRefusedBeforeItReachesTheDatabase() {
        problem(api.get("/api/v1/organizations?q=a%00b"), "q", "invalid_character");
        problem(api.get("/widgets?q=%00"), "q", "invalid_character");
        problem(api.get("/api/v1/campaigns?region=00&q=%00"), "q", "invalid_character");
    }

    @Test
    void parameterOrderAndSpellingShareOneCacheEntry() {
        HttpResponse<String> first = api.get("/api/v1/ratings?region=00&year=2022&per_page=20");
        assertEquals(200, first.code());
        String etag = first.header("ETag");
        HttpResponse<String> reordered = api.get("/api/v1/ratings?per_page=20&year=2022&region=00");
        assertEquals(etag, reordered.header("ETag"), "the ETag is the hash of the cache key");
        assertEquals(first.body(), reordered.body());
        assertEquals(etag, api.get("/api/v1/ratings?region=00&year=2022&per_page=020").header("ETag"));
        assertEquals(304, api.call(HttpRequest.GET("/api/v1/ratings?year=2022&per_page=20&region=00")
                .header("If-None-Match", etag)).code());
    }

    private static JsonNode problem(HttpResponse<String> response, String field, String code) {
        assertEquals(400, response.code(), response.body());
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("application/problem+json"));
        for (JsonNode error : Json.parse(response.body()).get("errors")) {
            if (field.equals(error.path("field").asText()) && code.equals(error.path("code").asText())) {
                return error;
            }
        }
        throw new AssertionError("no " + code + " problem for " + field + ": " + response.body());
    }
}
