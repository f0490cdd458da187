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
import java.net.UnknownHostException;
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
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private final String configured;
    private final List<String> allowedHosts;
    private final List<Cidr> trustedProxies;

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
        this.trustedProxies = split(trustedProxies).stream().map(Cidr::parse).toList();
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
            Forwarded forwarded = Forwarded.of(request);
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

    /** The host and scheme a trusted proxy passed on: the last (nearest) element of each header. */
    private record Forwarded(String host, String proto) {

        static Forwarded of(HttpRequest<?> request) {
            String host = null;
            String proto = null;
            String forwarded = last(request.getHeaders().getAll("Forwarded"));
            if (forwarded != null) {
                for (String pair : forwarded.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        String name = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                        String value = pair.substring(eq + 1).strip().replace("\"", "");
                        if (name.equals("host")) {
                            host = value;
                        } else if (name.equals("proto")) {
                            proto = value.toLowerCase(Locale.ROOT);
                        }
                    }
                }
            }
            if (host == null) {
                host = last(request.getHeaders().getAll("X-Forwarded-Host"));
            }
            if (proto == null) {
                String forwardedProto = last(request.getHeaders().getAll("X-Forwarded-Proto"));
                proto = forwardedProto == null ? null : forwardedProto.toLowerCase(Locale.ROOT);
            }
            return new Forwarded(host, proto);
        }

        private static String last(List<String> values) {
            if (values.isEmpty()) {
                return null;
            }
            String[] parts = values.get(values.size() - 1).split(",");
            String last = parts[parts.length - 1].strip();
            return last.isEmpty() ? null : last;
        }
    }

    /** An address block of trusted proxies: {@code 10.0.0.0/8}, {@code 192.168.1.10}, {@code ::1}. */
    private record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String address = slash < 0 ? text : text.substring(0, slash);
            if (!(IPV4.matcher(address).matches() || address.indexOf(':') >= 0)) {
                throw new ConfigurationException("noko.trusted-proxies takes IP addresses or CIDR blocks, not " + text);
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(address).getAddress(); // a literal: no name lookup
            } catch (UnknownHostException e) {
                throw new ConfigurationException("noko.trusted-proxies: not an IP address: " + text);
            }
            int prefix;
            try {
                prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new ConfigurationException("noko.trusted-proxies: bad prefix length in " + text);
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new ConfigurationException("noko.trusted-proxies: bad prefix length in " + text);
            }
            return new Cidr(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (candidate[full] & mask) == (network[full] & mask);
        }
    }
}
