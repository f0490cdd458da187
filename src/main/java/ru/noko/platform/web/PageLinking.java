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
        UriBuilder request = requestUri();
        PageLinks links = new PageLinks(uriFor(request, current));
        links.setFirst(uriFor(request, 1));
        links.setLast(uriFor(request, page.pages()));
        links.setNext(current < page.pages() ? uriFor(request, current + 1) : null);
        links.setPrev(current > 1 ? uriFor(request, Math.min(current - 1, page.pages())) : null);
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
    private static UriBuilder requestUri() {
        HttpRequest<?> request = ServerRequestContext.currentRequest()
                .orElseThrow(() -> new IllegalStateException("No current HTTP request"));
        URI uri = request.getUri();
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        int start = 0;
        while (start < rawPath.length() && rawPath.charAt(start) == '/') {
            start++;
        }
        String relative = "/" + rawPath.substring(start) + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return UriBuilder.of(relative); // parsed once for all the links of a page
    }

    private static String uriFor(UriBuilder request, int page) {
        return request.replaceQueryParam("page", page).build().toString();
    }
}
