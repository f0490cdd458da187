package ru.noko.opendata;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

/** Absolute URLs of open-data files: the configured public URL, else the scheme and host the client used. */
@Singleton
class PublicUrls {

    private final String configuredBaseUrl;

    PublicUrls(@Value("${noko.public-base-url:}") String configuredBaseUrl) {
        this.configuredBaseUrl = configuredBaseUrl;
    }

    String base() {
        if (!configuredBaseUrl.isBlank()) {
            return configuredBaseUrl.replaceAll("/+$", "");
        }
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElseThrow();
        String host = request.getHeaders().get(HttpHeaders.HOST);
        String scheme = request.getHeaders().get("X-Forwarded-Proto", String.class).orElse(request.isSecure() ? "https" : "http");
        return scheme + "://" + (host == null ? "localhost" : host);
    }

    /** The folder of a dataset's files, ending in a slash. */
    String folder(String identifier) {
        return base() + "/opendata/" + identifier + "/";
    }
}
