package ru.noko.feeds;

import ru.noko.explorer.PagePaths;
import jakarta.inject.Singleton;
import ru.noko.platform.web.PublicBaseUrl;

/** robots.txt: every public page open to crawlers, the admin API and the console closed, the sitemap named. */
@Singleton
public class Robots {

    public static final String CONTENT_TYPE = "text/plain; charset=utf-8";

    private final PublicBaseUrl baseUrl;

    Robots(PublicBaseUrl baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String text() {
        return """
                # НОКО: открытые данные
                User-agent: *
                Allow: /
                Disallow: /api/v1/admin/
                Disallow: /console

                Sitemap: %s
                """.formatted(baseUrl.current() + PagePaths.sitemapIndex());
    }
}
