package ru.noko.explorer.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.views.jte.HtmlJteViewsRenderer;
import jakarta.inject.Singleton;
import ru.noko.platform.web.PublicBaseUrl;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Renders a page's JTE template (precompiled by the build, see pom.xml) to a string. */
@Singleton
class Templates {

    private final HtmlJteViewsRenderer<Object> renderer;
    private final PublicBaseUrl baseUrl;

    Templates(HtmlJteViewsRenderer<Object> renderer, PublicBaseUrl baseUrl) {
        this.renderer = renderer;
        this.baseUrl = baseUrl;
    }

    String render(String name, Object view) {
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElse(null);
        StringWriter out = new StringWriter(32 * 1024);
        try {
            renderer.render("explorer/" + name, Map.of("view", view), request).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The frame of a page whose canonical URL is {@code path} (with its query, if any) under the public base. */
    Views.Layout layout(String title, String description, String path, List<Views.Link> alternates, String jsonLd,
                        List<Views.Link> crumbs, List<String> notices) {
        return new Views.Layout(title, description, baseUrl.current() + path, alternates, jsonLd, crumbs, notices);
    }

    String absolute(String path) {
        return baseUrl.current() + path;
    }
}
