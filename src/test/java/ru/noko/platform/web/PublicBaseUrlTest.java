package ru.noko.platform.web;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpRequestWrapper;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Where absolute URLs of public answers point, whatever the client claims. */
class PublicBaseUrlTest {

    private static final PublicBaseUrl DEFAULTS = new PublicBaseUrl("", "localhost,127.0.0.1", "", "");

    @Test
    void theConfiguredBaseWinsOverEveryHeader() {
        PublicBaseUrl configured = new PublicBaseUrl("https://opendata.example.org/noko/", "localhost", "10.0.0.0/8", "");
        assertEquals("https://opendata.example.org/noko", configured.of(request("10.0.0.1", false,
                Map.of("Host", "evil.example", "X-Forwarded-Host", "evil.example", "Forwarded", "host=evil.example"))));
    }

    @Test
    void onlyHttpAndHttpsBasesAreAccepted() {
        for (String bad : new String[] {"javascript:alert(1)", "ftp://opendata.example.org", "//opendata.example.org",
                "https://user@opendata.example.org", "https://opendata.example.org/?q=1", "not a url"}) {
            assertThrows(ConfigurationException.class, () -> new PublicBaseUrl(bad, "localhost", "", ""), bad);
        }
    }

    @Test
    void aHostileHostFallsBackToTheFirstAllowedHostOnTheArrivalPort() {
        for (String host : new String[] {"evil.example", "evil.example:8080", "localhost.evil.example", "evil.example@localhost",
                "localhost:99999", "localhost:8080/evil", "", "[::1]"}) {
            assertEquals("http://localhost:8080", DEFAULTS.of(request("203.0.113.9", false, Map.of("Host", host))), host);
        }
        assertEquals("http://localhost:8080", DEFAULTS.of(request("203.0.113.9", false, Map.of())), "no Host at all");
        assertEquals("https://localhost:8080", DEFAULTS.of(request("203.0.113.9", true, Map.of("Host", "evil.example"))));
    }

    @Test
    void anAllowedHostIsUsedWithItsPort() {
        assertEquals("http://localhost:9000", DEFAULTS.of(request("203.0.113.9", false, Map.of("Host", "LOCALHOST:9000"))));
        assertEquals("http://127.0.0.1", DEFAULTS.of(request("203.0.113.9", false, Map.of("Host", "127.0.0.1"))));
        PublicBaseUrl pinned = new PublicBaseUrl("", "opendata.example.org:8443", "", "");
        assertEquals("http://opendata.example.org:8443", pinned.of(request("203.0.113.9", false,
                Map.of("Host", "opendata.example.org:8443"))));
        assertEquals("http://opendata.example.org:8443", pinned.of(request("203.0.113.9", false,
                Map.of("Host", "opendata.example.org:1"))), "an entry with a port allows that port only");
        PublicBaseUrl withServerHost = new PublicBaseUrl("", "localhost", "", "opendata.example.org");
        assertEquals("http://opendata.example.org:8080", withServerHost.of(request("203.0.113.9", false,
                Map.of("Host", "opendata.example.org:8080"))), "micronaut.server.host is allowed too");
    }

    @Test
    void forwardedHeadersCountOnlyFromTrustedProxies() {
        Map<String, String> forwarded = Map.of("Host", "localhost:8080", "X-Forwarded-Host", "opendata.example.org",
                "X-Forwarded-Proto", "https");
        PublicBaseUrl behindProxy = new PublicBaseUrl("", "localhost,opendata.example.org", "10.0.0.0/8, 192.168.1.10", "");
        assertEquals("https://opendata.example.org", behindProxy.of(request("10.20.30.40", false, forwarded)));
        assertEquals("https://opendata.example.org", behindProxy.of(request("192.168.1.10", false, forwarded)));
        assertEquals("http://localhost:8080", behindProxy.of(request("192.168.1.11", false, forwarded)),
                "a peer outside the trusted blocks is a stranger");
        assertEquals("http://localhost:8080", DEFAULTS.of(request("10.20.30.40", false, forwarded)),
                "no proxy is trusted by default");
        assertEquals("https://opendata.example.org", behindProxy.of(request("10.0.0.1", false,
                Map.of("Host", "localhost", "Forwarded", "for=203.0.113.9;host=\"opendata.example.org\";proto=https"))));
    }

    @Test
    void aTrustedProxyCannotForwardAnUnknownHostOrAnotherScheme() {
        PublicBaseUrl behindProxy = new PublicBaseUrl("", "localhost,opendata.example.org", "10.0.0.0/8", "");
        assertEquals("https://localhost:8080", behindProxy.of(request("10.0.0.1", false,
                Map.of("X-Forwarded-Host", "evil.example", "X-Forwarded-Proto", "https"))));
        assertEquals("http://opendata.example.org", behindProxy.of(request("10.0.0.1", false,
                Map.of("X-Forwarded-Host", "opendata.example.org", "X-Forwarded-Proto", "javascript"))));
        assertEquals("http://opendata.example.org", behindProxy.of(request("10.0.0.1", false,
                Map.of("X-Forwarded-Host", "evil.example, opendata.example.org"))), "the nearest proxy's value");
    }

    @Test
    void trustedProxiesAreAddressesNotNames() {
        assertThrows(ConfigurationException.class, () -> new PublicBaseUrl("", "localhost", "proxy.internal", ""));
        assertThrows(ConfigurationException.class, () -> new PublicBaseUrl("", "localhost", "10.0.0.0/33", ""));
        PublicBaseUrl v6 = new PublicBaseUrl("", "localhost,opendata.example.org", "::1, fd00::/8", "");
        assertEquals("http://opendata.example.org", v6.of(request("fd12::1", false,
                Map.of("X-Forwarded-Host", "opendata.example.org"))));
    }

    /** A request from {@code peer} that arrived at port 8080. */
    private static HttpRequest<?> request(String peer, boolean secure, Map<String, String> headers) {
        MutableHttpRequest<Object> request = HttpRequest.GET("/opendata/list.csv");
        headers.forEach(request::header);
        InetAddress address;
        try {
            address = InetAddress.getByName(peer);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
        return new HttpRequestWrapper<>(request) {
            @Override
            public InetSocketAddress getRemoteAddress() {
                return new InetSocketAddress(address, 54321);
            }

            @Override
            public InetSocketAddress getServerAddress() {
                return new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }
        };
    }
}
