package ru.noko.catalog.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import ru.noko.support.Json;
import ru.noko.support.ApiTestBase;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class MethodologyApiTest extends ApiTestBase {

    @Test
    void criteriaListFiveCriteriaAndFourteenWeightedIndicators() {
        JsonNode criteria = Json.parse(api.get("/api/v1/criteria").body()).get("data");
        assertEquals(5, criteria.size());
        int indicators = 0;
        for (int i = 0; i < 5; i++) {
            JsonNode criterion = criteria.get(i);
            assertEquals("K" + (i + 1), criterion.get("code").asText());
            assertTrue(criterion.get("name_ru").asText().matches(".*[А-Яа-я].*"));
            double weights = 0;
            for (JsonNode indicator : criterion.get("indicators")) {
                weights += indicator.get("weight").asDouble();
                assertTrue(indicator.get("name_ru").asText().matches(".*[А-Яа-я].*"));
                assertTrue(indicator.get("inputs").size() >= 1);
                indicators++;
            }
            assertEquals(1.0, weights, 1e-9, "weights of " + criterion.get("code"));
        }
        assertEquals(14, indicators);
        assertEquals("Открытость и доступность информации об организации", criteria.get(0).get("name_ru").asText());
        assertEquals(404, api.get("/api/v1/criteria?methodology=no-such").code());
    }

    @Test
    void methodologiesListVariantsAndInputs() {
        JsonNode methodology = Json.parse(api.get("/api/v1/methodologies").body()).at("/data/0");
        assertEquals(5, methodology.get("criteria_count").asInt());
        assertEquals(14, methodology.get("indicators_count").asInt());
        assertEquals("per_question", methodology.get("default_variant").asText());
        Set<String> inputs = new HashSet<>();
        methodology.get("raw_inputs").forEach(n -> inputs.add(n.asText()));
        assertTrue(inputs.containsAll(ReferenceFormulas.INPUTS), "every canonical raw input is listed");

        // The zero-denominator rule is our choice, not law; the variant is a choice between two readings.
        JsonNode choices = methodology.get("choices");
        assertEquals(2, choices.size());
        JsonNode zeroRule = choices.get(1);
        assertEquals("zero_rule", zeroRule.get("setting").asText());
        assertEquals("exclude", zeroRule.get("default").asText());
        assertEquals("choice", zeroRule.get("basis").asText());
        Set<String> alternatives = new HashSet<>();
        zeroRule.get("options").forEach(o -> alternatives.add(o.get("code").asText()));
        assertEquals(Set.of("exclude", "zero", "full_score"), alternatives);
        zeroRule.get("options").forEach(o -> assertTrue(o.get("description").asText().length() > 20, o.toString()));
        assertEquals("variant", choices.get(0).get("setting").asText());
        assertEquals("per_question", choices.get(0).get("default").asText());
        assertEquals("law", choices.get(0).get("basis").asText());
    }

    @Test
    void reproducesTheFormulasOnInputsItHasNeverSeen() {
        Random random = new Random(20261123L);
        for (int sample = 0; sample < 40; sample++) {
            Map<String, Long> inputs = ReferenceFormulas.randomConsistentInputs(random);
            boolean allRespondents = sample % 2 == 1;
            Map<String, Object> body = new LinkedHashMap<>(inputs);
            if (allRespondents) {
                body.put("variant", "all_respondents");
            }
            HttpResponse<String> response = api.call(HttpRequest.POST("/api/v1/calculator", body));
            assertEquals(200, response.code(), response.body());
            JsonNode result = Json.parse(response.body());
            Map<String, Double> expected = ReferenceFormulas.indicators(inputs, allRespondents);
            for (JsonNode indicator : result.get("indicators")) {
                assertEquals(expected.get(indicator.get("code").asText()), indicator.get("value").asDouble(), 0.01,
                        "indicator " + indicator.get("code") + " of " + inputs);
            }
            Map<String, Double> criteria = ReferenceFormulas.criteria(expected);
            for (JsonNode criterion : result.get("criteria")) {
                assertEquals(criteria.get(criterion.get("code").asText()), criterion.get("value").asDouble(), 0.01);
            }
            assertEquals(ReferenceFormulas.total(criteria), result.get("total").asDouble(), 0.01);
        }
    }

    @Test
    void accessibilityIsAShareOfRespondentsWithADisabilityUnderBothVariants() {
        Map<String, Object> body = new HashMap<>(ReferenceFormulas.randomConsistentInputs(new Random(3)));
        body.put("respondents_disabled", 12);
        body.put("satisfied_accessibility", 9);
        for (String variant : List.of("per_question", "all_respondents")) {
            body.put("variant", variant);
            HttpResponse<String> response = api.call(HttpRequest.POST("/api/v1/calculator", body));
            assertEquals(200, response.code(), response.body());
            // 9 / 12 × 100 = 75, never 9 / respondents
            assertEquals(75.0, indicator(Json.parse(response.body()), "3.3").get("value").asDouble(), 1e-9, variant);
        }
    }

    @Test
    void zeroDisabledRespondentsFollowTheRequestedRule() {
        Map<String, Object> body = new HashMap<>(ReferenceFormulas.randomConsistentInputs(new Random(7)));
        body.put("respondents_disabled", 0);
        body.put("satisfied_accessibility", 0);

        JsonNode excluded = Json.parse(api.call(HttpRequest.POST("/api/v1/calculator", body)).body());
        JsonNode i33 = indicator(excluded, "3.3");
        assertTrue(i33.path("value").isMissingNode(), "an excluded indicator has no value");
        assertTrue(i33.get("zero_rule_applied").asBoolean());
        double k3 = (0.3 * indicator(excluded, "3.1").get("value").asDouble()
                + 0.4 * indicator(excluded, "3.2").get("value").asDouble()) / 0.7;
        assertEquals(k3, criterion(excluded, "K3").get("value").asDouble(), 1e-9, "K3 re-weighted over 3.1 and 3.2");

        body.put("zero_rule", "zero");
        assertEquals(0.0, indicator(Json.parse(api.call(HttpRequest.POST("/api/v1/calculator", body)).body()), "3.3")
                .get("value").asDouble());
        body.put("zero_rule", "full_score");
        assertEquals(100.0, indicator(Json.parse(api.call(HttpRequest.POST("/api/v1/calculator", body)).body()), "3.3")
                .get("value").asDouble());
    }

    @Test
    void badInputNamesEveryField() {
        Map<String, Object> body = new HashMap<>(ReferenceFormulas.randomConsistentInputs(new Random(11)));
        body.put("used_stand", -3);
        body.put("comfort_conditions", "пять");
        body.put("used_site", 10);
        body.put("satisfied_site", 25);
        body.put("variant", "everyone");
        HttpResponse<String> response = api.call(HttpRequest.POST("/api/v1/calculator", body));
        assertEquals(400, response.code());
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("application/problem+json"));
        Set<String> fields = new HashSet<>();
        Json.parse(response.body()).get("errors").forEach(e -> {
            fields.add(e.get("field").asText());
            assertTrue(e.get("message").asText().matches(".*[А-Яа-я].*"), "messages are in Russian");
        });
        assertTrue(fields.containsAll(Set.of("used_stand", "comfort_conditions", "satisfied_site", "variant")), fields.toString());
    }

    @Test
    void reportsSurveySampleWarnings() {
        Map<String, Object> body = new HashMap<>(ReferenceFormulas.randomConsistentInputs(new Random(3)));
        long respondents = ((Number) body.get("respondents")).longValue();
        body.put("recipients", respondents * 4);
        JsonNode result = Json.parse(api.call(HttpRequest.POST("/api/v1/calculator", body)).body());
        assertEquals("sample_too_small", result.at("/warnings/0/code").asText());
    }

    private static JsonNode indicator(JsonNode result, String code) {
        for (JsonNode node : result.get("indicators")) {
            if (node.get("code").asText().equals(code)) {
                return node;
            }
        }
        throw new AssertionError("no indicator " + code);
    }

    private static JsonNode criterion(JsonNode result, String code) {
        for (JsonNode node : result.get("criteria")) {
            if (node.get("code").asText().equals(code)) {
                return node;
            }
        }
        throw new AssertionError("no criterion " + code);
    }
}
