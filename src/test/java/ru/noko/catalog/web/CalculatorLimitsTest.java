package ru.noko.catalog.web;

import ru.noko.platform.web.FieldProblem;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calculator is public, so its input is bounded: 64 KB of body, 32 levels of JSON, 100 listed
 * problems of at most 200 characters each; and no number shape reaches a server error. Uploads
 * (admin) keep the server-wide limit, here 4 MB.
 */
@MicronautTest(transactional = false)
class CalculatorLimitsTest extends AdminApiTestBase {

    private static final int UPLOAD_LIMIT = 4 * 1024 * 1024;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return with(super.getProperties(), "micronaut.server.max-request-size", String.valueOf(UPLOAD_LIMIT));
    }

    @Test
    void fourMegabytesOfUnknownKeysAre413NotAHugeAnswer() {
        for (int size : new int[] {UPLOAD_LIMIT, UPLOAD_LIMIT - 1024, 64 * 1024 + 1}) {
            HttpResponse<String> response = calculate(unknownKeys(size));
            assertEquals(413, response.code(), "a body of " + size + " bytes");
            assertTrue(response.getContentType().orElseThrow().toString().startsWith("application/problem+json"));
            assertTrue(response.body().length() < 1024, response.body());
            assertEquals(413, Json.parse(response.body()).get("status").asInt());
        }
    }

    @Test
    void aChunkedBodyIsCountedAsItArrives() throws Exception {
        java.net.http.HttpResponse<String> tooLarge = chunked(unknownKeys(UPLOAD_LIMIT - 1024));
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertTrue(tooLarge.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(tooLarge.body().length() < 1024);

        Map<String, Object> inputs = new LinkedHashMap<>(ReferenceFormulas.randomConsistentInputs(new Random(3)));
        java.net.http.HttpResponse<String> small = chunked(new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(inputs));
        assertEquals(200, small.statusCode(), "the counted body still reaches the calculator: " + small.body());
        assertTrue(Json.parse(small.body()).has("total"));
    }

    @Test
    void justUnderTheLimitTheAnswerListsAHundredProblemsAndCountsTheRest() {
        String body = unknownKeys(64 * 1024 - 16);
        HttpResponse<String> response = calculate(body);
        assertEquals(400, response.code());
        JsonNode problem = Json.parse(response.body());
        assertEquals(100, problem.get("errors").size());
        int total = problem.get("errors_total").asInt();
        assertTrue(total > 1000, "every key is a problem: " + total);
        assertEquals(total - 100, problem.get("errors_omitted").asInt());
        assertTrue(response.body().length() < 64 * 1024, "the answer is smaller than the question: " + response.body().length());
    }

    @Test
    void longKeysAndValuesAreCut() {
        String key = "k".repeat(20_000);
        HttpResponse<String> response = calculate("{\"" + key + "\": \"" + "v".repeat(20_000) + "\", \"respondents\": \""
                + "7".repeat(20_000) + "\"}");
        assertEquals(400, response.code());
        assertTrue(response.body().length() < 20_000, "no key or value is echoed whole: " + response.body().length());
        for (JsonNode error : Json.parse(response.body()).get("errors")) {
            assertTrue(error.path("field").asText().length() <= FieldProblem.MAX_VALUE_LENGTH + 1);
            assertTrue(error.path("value").asText().length() <= FieldProblem.MAX_VALUE_LENGTH + 1);
            assertTrue(error.get("message").asText().length() <= FieldProblem.MAX_MESSAGE_LENGTH + 1);
        }
    }

    @Test
    void hugeExponentsAreProblemsOfTheirField() {
        assertFieldProblem("1e999999", "too_large");
        assertFieldProblem("-1e999999", "negative");
        assertFieldProblem("1E+2147483648", "too_large");
        assertFieldProblem("1e400", "too_large");
        assertFieldProblem("1e30", "too_large");
        assertFieldProblem("-1e30", "negative");
        assertFieldProblem("123456789012345678901234567890", "too_large");
        assertFieldProblem("1.5", "not_integer");
        assertFieldProblem("\"пять\"", "not_a_number");
        assertFieldProblem("[[1, [2]], {\"a\": 1}]", "not_a_number");
        assertFieldProblem("{\"value\": 5}", "not_a_number");
        assertFieldProblem("true", "not_a_number");
    }

    @Test
    void malformedJsonIsAProblemWithoutParserInternals() {
        for (String body : new String[] {"{\"respondents\": NaN}", "{\"respondents\": Infinity}", "{\"respondents\": 1e}",
                "[1, 2]", "\"text\"", "{\"respondents\": " + "9".repeat(2000) + "}",
                "{\"respondents\": " + "[".repeat(5000) + "]".repeat(5000) + "}", "{\"a\":".repeat(40) + "1" + "}".repeat(40)}) {
            HttpResponse<String> response = calculate(body);
            assertEquals(400, response.code(), body.substring(0, Math.min(60, body.length())));
            for (String internal : new String[] {"Jackson", "StreamReadConstraints", "JsonReadFeature", "Source:", "java."}) {
                assertTrue(!response.body().contains(internal), internal + " leaks: " + response.body());
            }
            JsonNode error = Json.parse(response.body()).get("errors").get(0);
            assertEquals("body", error.get("field").asText());
            assertTrue(error.get("message").asText().startsWith("Тело запроса"), response.body());
        }
    }

    @Test
    void uploadsKeepTheServerWideLimit() {
        long id = admin.createCampaign("59", 2024, "НОКО (тест публичного лимита)", "school");
        String row = "5901001016;590101001;Школа;1;2;3;4;5\n";
        byte[] body = ("ИНН;КПП;Наименование;К1;К2;К3;К4;К5\n" + row.repeat(3000)).getBytes(StandardCharsets.UTF_8);
        assertTrue(body.length > 64 * 1024);
        assertNotEquals(413, admin.upload(id, body, "text/csv", "dry_run=true").code(), "an admin upload over 64 KB");
    }

    private void assertFieldProblem(String json, String code) {
        Map<String, Object> inputs = new HashMap<>(ReferenceFormulas.randomConsistentInputs(new Random(5)));
        inputs.remove("respondents");
        StringBuilder body = new StringBuilder("{\"respondents\": ").append(json);
        inputs.forEach((name, value) -> body.append(", \"").append(name).append("\": ").append(value));
        HttpResponse<String> response = calculate(body.append('}').toString());
        assertEquals(400, response.code(), json + ": " + response.body());
        for (JsonNode error : Json.parse(response.body()).get("errors")) {
            if (error.path("field").asText().equals("respondents")) {
                assertEquals(code, error.get("code").asText(), json + ": " + response.body());
                assertTrue(error.get("message").asText().matches(".*[А-Яа-я].*"));
                return;
            }
        }
        throw new AssertionError("no problem names respondents for " + json + ": " + response.body());
    }

    private HttpResponse<String> calculate(String body) {
        return api.call(HttpRequest.POST("/api/v1/calculator", body).contentType(MediaType.APPLICATION_JSON));
    }

    /** Sent without Content-Length: the JDK client streams an InputStream body in chunks. */
    private java.net.http.HttpResponse<String> chunked(String body) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.getPort() + "/api/v1/calculator"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .timeout(java.time.Duration.ofSeconds(60))
                .build();
        return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON object of distinct unknown keys, {@code size} bytes long. */
    private static String unknownKeys(int size) {
        StringBuilder json = new StringBuilder(size).append('{');
        for (int i = 0; json.length() < size - 40; i++) {
            json.append(i == 0 ? "" : ",").append("\"unknown_").append(i).append("\":").append(i);
        }
        while (json.length() < size - 1) {
            json.append(' ');
        }
        return json.append('}').toString();
    }
}
