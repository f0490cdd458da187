package ru.noko.platform.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scheme and authority of absolute URLs in public answers (open-data passports, embed codes):
 * never whatever a client puts into {@code Host}, since such answers are cached and shown to others.
 * <ol>
 *   <li>{@code noko.public-base-url} ({@code NOKO_PUBLIC_BASE_URL}) when set: http or https, it may
 *       carry a path prefix; anything else fails the start;</li>
 *   <li>else the request's host when it is in {@code noko.allowed-hosts} (default {@code localhost},
 *       {@code 127.0.0.1} and {@code micronaut.server.host}), with the port it names; an unknown host
 *       falls back to the first allowed one on the port the request arrived at;</li>
 *   <li>{@code Forwarded} / {@code X-Forwarded-Host} / {@code X-Forwarded-Proto} count only when the
 *       direct peer is in {@code noko.trusted-proxies} (addresses or CIDR blocks, default none), and
 *       the forwarded host must be allowed too.</li>
 * </ol>
 * Only {@code http} and {@code https} are ever written.
 */
@Singleton
public class PublicBaseUrl {

    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(?::([0-9]{1,5}))?");

    private final String configured;
    private final List<String> allowedHosts;
    private final List<AddressBlock> trustedProxies;

    public PublicBaseUrl(@Value("${noko.public-base-url:}") String configured,
                         @Value("${noko.allowed-hosts:localhost,127.0.0.1}") String allowedHosts,
                         @Value("${noko.trusted-proxies:}") String trustedProxies,
                         @Nullable @Value("${micronaut.server.host:}") String serverHost) {
        this.configured = configured == null || configured.isBlank() ? null : validBase(configured.strip());
        Set<String> hosts = new LinkedHashSet<>(split(allowedHosts.toLowerCase(Locale.ROOT)));
        if (serverHost != null && !serverHost.isBlank()) {
            hosts.add(serverHost.strip().toLowerCase(Locale.ROOT));
        }
        if (hosts.isEmpty()) {
            throw new ConfigurationException("noko.allowed-hosts must name at least one host");
        }
        this.allowedHosts = List.copyOf(hosts);
        this.trustedProxies = split(trustedProxies).stream().map(AddressBlock::parse).toList();
    }

    /** Whether a public base URL is configured: every answer's links are then the same, whoever asks. */
    public boolean configured() {
        return configured != null;
    }

    /** The base (no trailing slash) for the current request; the configured one outside requests. */
    public String current() {
        return ServerRequestContext.currentRequest().map(this::of)
                .orElseGet(() -> configured != null ? configured : "http://" + authority(allowedHosts.get(0)));
    }

    public String of(HttpRequest<?> request) {
        if (configured != null) {
            return configured;
        }
        boolean trusted = isTrustedPeer(request);
        String scheme = request.isSecure() ? "https" : "http";
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (trusted) {
            ForwardedHeaders forwarded = ForwardedHeaders.of(request);
            if (forwarded.proto() != null && (forwarded.proto().equals("http") || forwarded.proto().equals("https"))) {
                scheme = forwarded.proto();
            }
            if (forwarded.host() != null) {
                host = forwarded.host();
            }
        }
        String allowed = allowedAuthority(host);
        if (allowed != null) {
            return scheme + "://" + allowed;
        }
        int port = request.getServerAddress().getPort();
        boolean defaultPort = port == (scheme.equals("https") ? 443 : 80);
        return scheme + "://" + authority(allowedHosts.get(0)) + (defaultPort || hasPort(allowedHosts.get(0)) ? "" : ":" + port);
    }

    /** {@code host[:port]} lower-cased when its host is allowed (with that port, if the entry names one), else null. */
    private String allowedAuthority(String value) {
        if (value == null) {
            return null;
        }
        Matcher matcher = HOST.matcher(value.strip());
        if (!matcher.matches()) {
            return null;
        }
        String host = matcher.group(1).toLowerCase(Locale.ROOT);
        String port = matcher.group(2);
        if (port != null && (Integer.parseInt(port) == 0 || Integer.parseInt(port) > 65535)) {
            return null;
        }
        String authority = port == null ? host : host + ":" + Integer.parseInt(port);
        for (String entry : allowedHosts) {
            if (entry.equals(authority) || (!hasPort(entry) && authority(entry).equals(host))) {
                return authority;
            }
        }
        return null;
    }

    private static boolean hasPort(String entry) {
        if (entry.startsWith("[")) {
            return entry.contains("]:");
        }
        return entry.chars().filter(c -> c == ':').count() == 1;
    }

    /** An IPv6 literal in brackets, as a URL needs it. */
    private static String authority(String entry) {
        return entry.indexOf(':') >= 0 && !entry.startsWith("[") && entry.chars().filter(c -> c == ':').count() > 1
                ? "[" + entry + "]" : entry;
    }

    private boolean isTrustedPeer(HttpRequest<?> request) {
        if (trustedProxies.isEmpty()) {
            return false;
        }
        InetSocketAddress peer = request.getRemoteAddress();
        InetAddress address = peer == null ? null : peer.getAddress();
        return address != null && trustedProxies.stream().anyMatch(cidr -> cidr.contains(address));
    }

    private static String validBase(String base) {
        URI uri;
        try {
            uri = new URI(base);
        } catch (URISyntaxException e) {
            throw new ConfigurationException("noko.public-base-url is not a URL: " + base);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigurationException("noko.public-base-url must be an http or https URL without user, query "
                    + "or fragment, e.g. https://opendata.example.org: " + base);
        }
        return base.replaceAll("/+$", "");
    }

    private static List<String> split(String list) {
        List<String> items = new ArrayList<>();
        if (list != null) {
            for (String item : list.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }
}
