package ru.noko.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks that a resource outside the caller's regions answers exactly like one that does not exist. */
public final class HiddenResources {

    private HiddenResources() {
    }

    /**
     * {@code hidden} (about an existing resource of another region, id {@code hiddenId}) and
     * {@code missing} (about an id never used) must be the same 404 problem, header names and body
     * alike, once each id is written as {@code {id}}.
     */
    public static void assertLikeMissing(HttpResponse<String> hidden, long hiddenId, HttpResponse<String> missing,
                                         long missingId) {
        assertEquals(404, missing.code(), missing.body());
        assertEquals(404, hidden.code(), hidden.body());
        assertEquals(missing.getContentType().orElseThrow(), hidden.getContentType().orElseThrow());
        assertEquals(headerNames(missing), headerNames(hidden));
        JsonNode missingBody = Json.parse(withoutId(missing.body(), missingId));
        JsonNode hiddenBody = Json.parse(withoutId(hidden.body(), hiddenId));
        assertEquals(missingBody, hiddenBody);
        assertEquals(404, hiddenBody.get("status").asInt());
    }

    private static Set<String> headerNames(HttpResponse<String> response) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(response.getHeaders().names());
        return names;
    }

    private static String withoutId(String body, long id) {
        return Pattern.compile("(?<![0-9A-Za-z])" + id + "(?![0-9])").matcher(body).replaceAll("{id}");
    }
}
