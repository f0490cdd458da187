package ru.noko.catalog.web;

import ru.noko.platform.web.FieldProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import ru.noko.support.TestDatabase;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calculator over real HTTP, fed arbitrary JSON objects: canonical and random keys, numbers of
 * every shape (huge and tiny exponents, thousand-digit integers, fractions, negative zero), strings,
 * booleans, nulls, nested and deeply nested values, bodies around the 64 KB limit. It always
 * answers 200 or a 400/413 problem, never a server error, and the answer is bounded whatever the
 * question.
 */
class CalculatorEndpointProperties {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 100 problems of at most 200-character fields, values and codes and a 500-character message, escaped. */
    private static final int MAX_ANSWER_BYTES = 100 * 7 * 1024 + 8 * 1024;
    private static final List<String> NAMES = new ArrayList<>(ReferenceFormulas.INPUTS);

    static {
        NAMES.addAll(List.of("recipients", "methodology", "variant", "zero_rule"));
    }

    private static EmbeddedServer server;
    private static java.net.http.HttpClient client;

    @BeforeContainer
    static void start() {
        server = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(TestDatabase.properties()), "test");
        client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterContainer
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Property(tries = 300)
    void alwaysAResultOrAProblemNeverAServerError(@ForAll("bodies") String body) throws Exception {
        java.net.http.HttpResponse<byte[]> response = client.send(java.net.http.HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getPort() + "/api/v1/calculator"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .timeout(Duration.ofSeconds(60)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        net.jqwik.api.statistics.Statistics.collect(status);
        assertTrue(Set.of(200, 400, 413).contains(status), status + " for " + abbreviated(body));
        assertTrue(response.body().length <= MAX_ANSWER_BYTES, response.body().length + " bytes for " + abbreviated(body));
        JsonNode answer = JSON.readTree(response.body());
        if (status == 200) {
            assertTrue(answer.has("total") && answer.get("indicators").size() == 14, answer.toString());
            return;
        }
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(status, answer.get("status").asInt());
        JsonNode errors = answer.path("errors");
        assertTrue(errors.size() <= 100);
        for (JsonNode error : errors) {
            assertTrue(error.path("field").asText().length() <= FieldProblem.MAX_VALUE_LENGTH + 1);
            assertTrue(error.path("value").asText().length() <= FieldProblem.MAX_VALUE_LENGTH + 1);
            assertTrue(error.get("message").asText().length() <= FieldProblem.MAX_MESSAGE_LENGTH + 1);
        }
        if (answer.has("errors_omitted")) {
            assertEquals(answer.get("errors_total").asInt() - 100, answer.get("errors_omitted").asInt());
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> entry = Combinators.combine(keys(), values()).as((key, value) -> quote(key) + ":" + value);
        Arbitrary<String> object = entry.list().ofMaxSize(40).map(entries -> "{" + String.join(",", entries) + "}");
        Arbitrary<String> valid = Arbitraries.randoms().map(random -> {
            StringBuilder json = new StringBuilder("{");
            ReferenceFormulas.randomConsistentInputs(random).forEach((name, value) ->
                    json.append(json.length() > 1 ? "," : "").append(quote(name)).append(':').append(value));
            return json.append('}').toString();
        });
        Arbitrary<String> validWithOneChange = Combinators.combine(valid, Arbitraries.of(NAMES), values())
                .as((json, name, value) -> json.substring(0, json.length() - 1) + "," + quote(name) + ":" + value + "}");
        Arbitrary<String> aroundTheLimit = Combinators.combine(valid, Arbitraries.integers().between(60_000, 70_000))
                .as((json, size) -> json.substring(0, json.length() - 1) + ",\"padding\":\"" + "x".repeat(size) + "\"}");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, object),
                net.jqwik.api.Tuple.of(2, valid),
                net.jqwik.api.Tuple.of(4, validWithOneChange),
                net.jqwik.api.Tuple.of(1, aroundTheLimit));
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.of(NAMES)),
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().ofMaxLength(30)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withCharRange('а', 'я').ofMinLength(200).ofMaxLength(2000)));
    }

    private static Arbitrary<String> values() {
        return Arbitraries.lazyOf(
                CalculatorEndpointProperties::numbers,
                CalculatorEndpointProperties::numbers,
                () -> Arbitraries.strings().ofMaxLength(300).map(CalculatorEndpointProperties::quote),
                () -> Arbitraries.of("true", "false", "null", "\"per_question\"", "\"exclude\"", "\"edu-2019\"", "\"\""),
                () -> Arbitraries.integers().between(1, 60).map(depth -> "[".repeat(depth) + "1" + "]".repeat(depth)),
                () -> numbers().list().ofMaxSize(5).map(items -> "[" + String.join(",", items) + "]"),
                () -> numbers().map(n -> "{\"v\":" + n + "}"));
    }

    /** Numbers as JSON writes them: integers of any length, fractions, exponents far out of range. */
    private static Arbitrary<String> numbers() {
        Arbitrary<String> sign = Arbitraries.of("", "", "-");
        Arbitrary<String> digits = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.longs().between(0, 1000).map(String::valueOf)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().greaterOrEqual(0).map(String::valueOf)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().numeric().ofMinLength(19).ofMaxLength(1200).map(d -> "9" + d)));
        Arbitrary<String> fraction = Arbitraries.of("", "", ".0", ".5", ".000001", ".99999999999999999999");
        Arbitrary<String> exponent = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.just("")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("e999999", "E+999999", "e-999999", "e2147483648", "e-2147483649",
                        "e308", "e309", "e-400", "e19", "e18", "e0", "E-1", "e9999999999999")));
        return Combinators.combine(sign, digits, fraction, exponent).as((s, d, f, e) -> s + d + f + e);
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviated(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "… (" + body.length() + " chars)";
    }
}
