package ru.noko.campaigns.upload;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The website of an organization as an upload gives it: an {@code http://} or {@code https://}
 * address of a named host, or a bare host ({@code school.ru/about}, read as https). Whatever else
 * a cell holds ({@code javascript:}, {@code data:}, {@code //host}, credentials before the host,
 * spaces, words) is refused: the address is shown as a link on widgets and by API consumers.
 */
final class WebsiteAddress {

    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?";
    /** Host names only (no IP addresses): the last label has a letter, as every top-level domain does. */
    private static final String HOST = "(?:" + LABEL + "\\.)+(?:\\p{L}[\\p{L}\\p{N}-]*|xn--[a-z0-9-]+)";
    private static final Pattern WITH_SCHEME = Pattern.compile("(?i)(https?)://(" + HOST + ")(:\\d{1,5})?([/?#]\\S*)?");
    private static final Pattern BARE = Pattern.compile("(" + HOST + ")(:\\d{1,5})?([/?#]\\S*)?");

    private WebsiteAddress() {
    }

    /** The address to keep, or null when {@code text} is not a website address. */
    static String normalize(String text) {
        String candidate = text.strip();
        if (candidate.chars().anyMatch(c -> c <= 0x20 || c == 0x7F || c == '\\')) {
            return null;
        }
        Matcher withScheme = WITH_SCHEME.matcher(candidate);
        if (withScheme.matches()) {
            return parses(withScheme.group(1), withScheme.group(2), withScheme.group(3), withScheme.group(4))
                    ? candidate : null;
        }
        Matcher bare = BARE.matcher(candidate);
        if (bare.matches() && parses("https", bare.group(1), bare.group(2), bare.group(3))) {
            return "https://" + candidate;
        }
        return null;
    }

    private static boolean parses(String scheme, String host, String port, String rest) {
        try {
            String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
            URI uri = new URI(scheme + "://" + ascii + (port == null ? "" : port) + (rest == null ? "" : rest));
            return ascii.equalsIgnoreCase(uri.getHost()) && uri.getUserInfo() == null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }
}
