package ru.noko.widgets.web;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The static parts of the widgets (classpath {@code widgets/}): the stylesheets inlined into the
 * pages, whose SHA-256 the Content-Security-Policy names, and the scripts served as files.
 */
@Singleton
class WidgetAssets {

    /** Bump when the markup changes in a way the assets' hashes do not show. */
    private static final String MARKUP_VERSION = "1";

    private final String widgetCss;
    private final String editorCss;
    private final String frameJs;
    private final String embedJs;
    private final String editorJs;
    private final String fingerprint;

    public WidgetAssets() {
        this.widgetCss = minifyCss(read("widget.css"));
        this.editorCss = minifyCss(read("editor.css"));
        this.frameJs = read("frame.js");
        this.embedJs = read("embed.js");
        this.editorJs = read("editor.js");
        this.fingerprint = HexFormat.of().formatHex(sha256(MARKUP_VERSION + widgetCss + editorCss + frameJs + embedJs + editorJs))
                .substring(0, 16);
    }

    public String widgetCss() {
        return widgetCss;
    }

    public String editorCss() {
        return editorCss;
    }

    public String frameJs() {
        return frameJs;
    }

    public String embedJs() {
        return embedJs;
    }

    public String editorJs() {
        return editorJs;
    }

    /** Changes whenever any asset or the markup version changes; part of every widget ETag. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The CSP source expression allowing exactly this inline stylesheet. */
    public static String cspHash(String css) {
        return "'sha256-" + Base64.getEncoder().encodeToString(sha256(css)) + "'";
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Drops comments and layout whitespace; the stylesheets have no strings where that would matter. */
    static String minifyCss(String css) {
        String withoutComments = css.replaceAll("(?s)/\\*.*?\\*/", "");
        StringBuilder out = new StringBuilder(withoutComments.length());
        for (String line : withoutComments.split("\n")) {
            out.append(line.strip());
        }
        String minified = out.toString();
        if (minified.contains("</")) {
            throw new IllegalStateException("A stylesheet must not contain '</'");
        }
        return minified;
    }

    private static String read(String name) {
        try (InputStream in = WidgetAssets.class.getClassLoader().getResourceAsStream("widgets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource widgets/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
