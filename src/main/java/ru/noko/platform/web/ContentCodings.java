package ru.noko.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The content coding of an answer: which one the server applies for a request's
 * {@code Accept-Encoding}, and gzip of a whole body held in memory, for answers kept compressed.
 */
public final class ContentCodings {

    private ContentCodings() {
    }

    /** The content coding the server will apply for this {@code Accept-Encoding}: gzip, deflate or identity. */
    public static String of(String acceptEncoding) {
        if (acceptEncoding == null) {
            return "identity";
        }
        String lower = acceptEncoding.toLowerCase(Locale.ROOT);
        for (String coding : List.of("gzip", "deflate")) {
            for (String part : lower.split(",")) {
                String[] pieces = part.trim().split(";");
                if (pieces[0].trim().equals(coding) && !(pieces.length > 1 && zeroQuality(pieces[1].trim()))) {
                    return coding;
                }
            }
        }
        return "identity";
    }

    /** {@code q=0}, {@code q=0.}, {@code q=0.000}: the client refuses the coding. A loop, not a pattern, over header text. */
    private static boolean zeroQuality(String parameter) {
        if (!parameter.startsWith("q=0")) {
            return false;
        }
        if (parameter.length() == 3) {
            return true;
        }
        if (parameter.charAt(3) != '.') {
            return false;
        }
        for (int i = 4; i < parameter.length(); i++) {
            if (parameter.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    /** gzip of a whole body. */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
