package ru.noko.platform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.uri.UriBuilder;
import ru.noko.api.model.PageLinks;
import ru.noko.api.model.PageMeta;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The list envelope's {@code meta} and {@code links}, and the matching RFC 8288 {@code Link} header. */
public final class PageLinking {

    private PageLinking() {
    }

    public static PageMeta meta(Page<?> page) {
        PageMeta meta = new PageMeta(page.total(), page.request().page(), page.request().perPage());
        meta.setPages(page.pages());
        return meta;
    }

    public static PageLinks links(Page<?> page) {
        int current = page.request().page();
        PageLinks links = new PageLinks(uriFor(current));
        links.setFirst(uriFor(1));
        links.setLast(uriFor(page.pages()));
        links.setNext(current < page.pages() ? uriFor(current + 1) : null);
        links.setPrev(current > 1 ? uriFor(Math.min(current - 1, page.pages())) : null);
        return links;
    }

    public static <T> MutableHttpResponse<T> withLinkHeader(MutableHttpResponse<T> response, PageLinks links) {
        List<String> parts = new ArrayList<>();
        parts.add(link(links.getFirst(), "first"));
        if (links.getPrev() != null) {
            parts.add(link(links.getPrev(), "prev"));
        }
        if (links.getNext() != null) {
            parts.add(link(links.getNext(), "next"));
        }
        parts.add(link(links.getLast(), "last"));
        return response.header("Link", String.join(", ", parts));
    }

    private static String link(String uri, String rel) {
        return "<" + uri + ">; rel=\"" + rel + "\"";
    }

    /**
     * The request's own path and query with another page: relative, so that neither an absolute
     * request target ({@code GET http://evil.example/...}) nor a path starting with {@code //} can
     * put a foreign host into links that are cached and served to everyone.
     */
    private static String uriFor(int page) {
        HttpRequest<?> request = ServerRequestContext.currentRequest()
                .orElseThrow(() -> new IllegalStateException("No current HTTP request"));
        URI uri = request.getUri();
        String path = "/" + (uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/+", ""));
        String relative = path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return UriBuilder.of(relative).replaceQueryParam("page", page).build().toString();
    }
}
