package ru.noko.widgets.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes HTML or SVG so that data can never become markup: element and attribute names come from
 * code (and are checked), every text and attribute value is escaped, and characters that XML
 * forbids are dropped; URL attributes ({@code href}, {@code src}, …) are written only when they
 * hold a path of this service or an http(s) URL. Names come from operators' uploaded files, so
 * this is the only way widget pages are written. The one unescaped insertion, {@link #style},
 * takes the service's own stylesheet.
 */
final class Html {

    private static final Set<String> VOID = Set.of("meta", "link", "base", "br", "hr", "img", "input", "col", "wbr", "source");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9:-]*");
    /** Attributes a browser follows or loads as a URL. */
    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "xlink:href", "src", "action", "formaction",
            "poster", "cite", "background");
    private static final Pattern ABSOLUTE_HTTP = Pattern.compile("(?i)https?://[^/].*");

    private final StringBuilder out = new StringBuilder(8192);
    private final Deque<String> open = new ArrayDeque<>();
    private final boolean xml;

    private Html(boolean xml) {
        this.xml = xml;
    }

    static Html document() {
        Html html = new Html(false);
        html.out.append("<!DOCTYPE html>");
        return html;
    }

    static Html svg() {
        return new Html(true);
    }

    /**
     * Opens an element; {@code attributes} are name/value pairs. A null value leaves the attribute
     * out, an empty value of an HTML boolean attribute writes the bare name.
     */
    Html open(String tag, String... attributes) {
        start(tag, attributes);
        out.append('>');
        if (xml || !VOID.contains(tag)) {
            open.push(tag);
        }
        return this;
    }

    /** An element without content: {@code <rect …/>} in SVG, a void element in HTML. */
    Html empty(String tag, String... attributes) {
        start(tag, attributes);
        if (xml) {
            out.append("/>");
        } else {
            out.append('>');
            if (!VOID.contains(tag)) {
                out.append("</").append(tag).append('>');
            }
        }
        return this;
    }

    Html close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** Closes elements up to and including the innermost {@code tag}. */
    Html close(String tag) {
        if (!open.contains(tag)) {
            throw new IllegalStateException("<" + tag + "> is not open");
        }
        String closed;
        do {
            closed = open.pop();
            out.append("</").append(closed).append('>');
        } while (!closed.equals(tag));
        return this;
    }

    Html text(String text) {
        escape(text, out);
        return this;
    }

    /** {@code <tag …>text</tag>}. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close();
    }

    /** The service's own stylesheet, inlined; it is a classpath resource, never data. */
    Html style(String css) {
        if (css.contains("</")) {
            throw new IllegalArgumentException("stylesheet must not contain '</'");
        }
        out.append("<style>").append(css).append("</style>");
        return this;
    }

    String finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString();
    }

    private void start(String tag, String[] attributes) {
        requireName(tag);
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes must be name/value pairs");
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            String name = attributes[i];
            String value = attributes[i + 1];
            requireName(name);
            if (value == null || URL_ATTRIBUTES.contains(name.toLowerCase(Locale.ROOT)) && !safeLink(value)) {
                continue;
            }
            out.append(' ').append(name);
            if (!value.isEmpty() || xml) {
                out.append("=\"");
                escape(value, out);
                out.append('"');
            }
        }
    }

    private static void requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an element or attribute name: " + name);
        }
    }

    /** Escapes for text and double- or single-quoted attribute values of HTML and XML alike. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escape(text, out);
        return out.toString();
    }

    private static void escape(String text, StringBuilder out) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                        out.append('\uFFFD');
                    } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F) {
                        // control characters: not allowed in XML, parse errors in HTML
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /**
     * Whether a URL attribute may carry {@code value}: a path of this service ({@code /…}, {@code ?…},
     * {@code #…}) or an absolute http(s) URL. Anything else ({@code javascript:}, {@code data:},
     * {@code //host}, a path a browser would turn into one) is left out of the page, whatever the
     * caller passed: the last guard for data already in the database.
     */
    static boolean safeLink(String value) {
        if (value.isEmpty() || value.chars().anyMatch(c -> c <= 0x20 || c == 0x7F || c == '\\')) {
            return false;
        }
        char first = value.charAt(0);
        if (first == '/') {
            return value.length() == 1 || value.charAt(1) != '/';
        }
        return first == '?' || first == '#' || ABSOLUTE_HTTP.matcher(value).matches();
    }

    /** Possessive: the host cannot give characters back to the rest, so a long website value is matched in linear time. */
    private static final Pattern HTTP_URL = Pattern.compile("(?i)(https?)://([^/?#\\s]++)([^\\s]*+)");

    /**
     * An http(s) URL from data, fit for {@code href}, or null: never {@code javascript:} and the
     * like. A missing scheme means https; Cyrillic domains (.рф) are written in punycode.
     */
    static String safeExternalUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String candidate = url.strip();
        if (!candidate.contains("://")) {
            candidate = "https://" + candidate;
        }
        java.util.regex.Matcher parts = HTTP_URL.matcher(candidate);
        if (!parts.matches() || parts.group(2).contains("@")) {
            return null;
        }
        try {
            String host = java.net.IDN.toASCII(parts.group(2), java.net.IDN.ALLOW_UNASSIGNED);
            URI uri = new URI(parts.group(1).toLowerCase(Locale.ROOT) + "://" + host + parts.group(3));
            return uri.getHost() == null ? null : uri.toASCIIString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
