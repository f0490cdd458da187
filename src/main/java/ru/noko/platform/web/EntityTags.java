package ru.noko.platform.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

/** Entity tags of public answers: made from a key, and compared with a request's {@code If-None-Match}. */
public final class EntityTags {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private EntityTags() {
    }

    /** A strong entity tag naming {@code key}: 27 characters of its SHA-256, quoted. */
    public static String hashed(String key) {
        return "\"" + hash(key, 27) + "\"";
    }

    /** The first {@code length} characters of the key's SHA-256 in URL-safe Base64 (a public answer's cache key, hashed per request). */
    static String hash(String key, int length) {
        byte[] digest = SHA256.get().digest(key.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, length);
    }

    /** Whether the request already has the representation the tag names (it may be answered 304). */
    public static boolean notModified(HttpRequest<?> request, String etag) {
        return matches(request.getHeaders().getAll(HttpHeaders.IF_NONE_MATCH), etag);
    }

    /** {@link #matches(List, String)} for one If-None-Match value, as a route may take it (null: none). */
    public static boolean matches(String ifNoneMatch, String etag) {
        return ifNoneMatch != null && matches(List.of(ifNoneMatch), etag);
    }

    /**
     * Weak comparison, as RFC 9110 prescribes for If-None-Match: {@code W/} prefixes are ignored, a
     * list names any of its tags, and {@code *} names every current representation.
     */
    static boolean matches(List<String> ifNoneMatch, String etag) {
        for (String header : ifNoneMatch) {
            for (String candidate : header.split(",")) {
                String tag = candidate.strip();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals("*") || tag.equals(etag)) {
                    return true;
                }
            }
        }
        return false;
    }
}
