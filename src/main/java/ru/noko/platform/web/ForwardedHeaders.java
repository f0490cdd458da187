package ru.noko.platform.web;

import io.micronaut.http.HttpRequest;

import java.util.List;
import java.util.Locale;

/** The host and scheme a trusted proxy passed on: the last (nearest) element of each header. */
record ForwardedHeaders(String host, String proto) {

    static ForwardedHeaders of(HttpRequest<?> request) {
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
        return new ForwardedHeaders(host, proto);
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
