package ru.noko.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Token secrets: {@code noko_<id>_<32 random bytes, base64url>}. The id only finds the row; the
 * whole token is checked by comparing SHA-256 hashes in constant time. Only hashes are stored.
 */
final class TokenSecrets {

    private static final Pattern FORMAT = Pattern.compile("noko_([0-9]{1,18})_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    static String newSecret(long id) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "noko_" + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The token id a well-formed secret names, or null. */
    static Long idOf(String token) {
        Matcher matcher = FORMAT.matcher(token);
        return matcher.matches() ? Long.valueOf(matcher.group(1)) : null;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison of two hashes. */
    static boolean matches(byte[] expectedHash, String presented) {
        return expectedHash != null && MessageDigest.isEqual(expectedHash, hash(presented));
    }
}
