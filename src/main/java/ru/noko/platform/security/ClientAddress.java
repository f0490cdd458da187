package ru.noko.platform.security;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;

/**
 * The address a request comes from, for limits per client: the peer of the connection.
 * <p>
 * Behind a reverse proxy every client has the proxy's address. Taking the client's from
 * {@code X-Forwarded-For}/{@code Forwarded} belongs here, and only when the peer is one of the
 * configured trusted proxies: anyone else can write those headers.
 */
@Singleton
class ClientAddress {

    public String of(HttpRequest<?> request) {
        InetSocketAddress peer = request.getRemoteAddress();
        return peer.getAddress() != null ? peer.getAddress().getHostAddress() : peer.getHostString();
    }
}
