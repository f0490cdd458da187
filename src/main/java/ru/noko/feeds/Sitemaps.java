package ru.noko.feeds;

import ru.noko.explorer.PagePaths;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.platform.database.Sql;
import ru.noko.platform.web.PublicBaseUrl;

import java.sql.Array;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sitemaps (sitemaps.org 0.9) of the public pages: an index, the pages every deployment has, the
 * regions with their ratings pages, and the organizations with published results in files of
 * {@value #ORGANIZATIONS_PER_FILE} ids each. File n holds the ids of one block, so it never
 * exceeds the limit, an organization keeps its file as others are published, and each file is one
 * query over an id range of the result index.
 */
@Singleton
public class Sitemaps {

    static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public static final String CONTENT_TYPE = "application/xml; charset=utf-8";
    static final int ORGANIZATIONS_PER_FILE = 10_000;

    private record Lastmod(String path, OffsetDateTime at) {
    }

    private record Campaign(String region, int year, List<String> types, OffsetDateTime at) {
    }

    private final Sql sql;
    private final PublicBaseUrl baseUrl;

    Sitemaps(Sql sql, PublicBaseUrl baseUrl) {
        this.sql = sql;
        this.baseUrl = baseUrl;
    }

    @Transactional(readOnly = true)
    public String index() {
        String base = baseUrl.current();
        OffsetDateTime latest = sql.one("SELECT max(published_at) FROM published_campaign", List.of(),
                row -> row.getObject(1, OffsetDateTime.class)).orElse(null);
        List<Lastmod> files = sql.list("""
                SELECT (organization_id - 1) / ? + 1 AS n, max(published_at) AS lastmod
                FROM published_result GROUP BY 1 ORDER BY 1""", List.of(ORGANIZATIONS_PER_FILE),
                row -> new Lastmod(PagePaths.organizationsSitemap(row.getInt(1)), row.getObject(2, OffsetDateTime.class)));
        Xml xml = new Xml("sitemapindex", NAMESPACE);
        xml.start("sitemap").text("loc", base + PagePaths.staticSitemap()).end();
        sitemap(xml, base, new Lastmod(PagePaths.regionsSitemap(), latest));
        files.forEach(file -> sitemap(xml, base, file));
        return xml.finish();
    }

    public String staticPages() {
        String base = baseUrl.current();
        Xml xml = new Xml("urlset", NAMESPACE);
        for (String path : List.of(PagePaths.home(), PagePaths.regions(), PagePaths.methodology())) {
            xml.start("url").text("loc", base + path).end();
        }
        return xml.finish();
    }

    @Transactional(readOnly = true)
    public String regions() {
        Map<String, OffsetDateTime> pages = new LinkedHashMap<>();
        List<Campaign> campaigns = sql.list("""
                SELECT region_code, year, types, published_at FROM published_campaign
                ORDER BY region_code, year DESC, id""", List.of(), row -> {
                    Array types = row.getArray("types");
                    return new Campaign(row.getString(1), row.getInt(2), types == null ? List.of()
                            : Arrays.stream((Object[]) types.getArray()).map(String::valueOf).toList(),
                            row.getObject(4, OffsetDateTime.class));
                });
        for (Campaign campaign : campaigns) {
            pages.merge(PagePaths.region(campaign.region()), campaign.at(), Sitemaps::later);
            if (campaign.types().isEmpty()) {
                pages.merge(PagePaths.ratings(campaign.region(), campaign.year(), null), campaign.at(), Sitemaps::later);
            }
            for (String type : campaign.types()) {
                pages.merge(PagePaths.ratings(campaign.region(), campaign.year(), type), campaign.at(), Sitemaps::later);
            }
        }
        String base = baseUrl.current();
        Xml xml = new Xml("urlset", NAMESPACE);
        pages.forEach((path, at) -> url(xml, base, path, at));
        return xml.finish();
    }

    /** File n, or empty when no organization of its block has published results. */
    @Transactional(readOnly = true)
    public Optional<String> organizations(int n) {
        long first = (long) (n - 1) * ORGANIZATIONS_PER_FILE + 1;
        long last = (long) n * ORGANIZATIONS_PER_FILE;
        String base = baseUrl.current();
        Xml xml = new Xml("urlset", NAMESPACE);
        int[] count = {0};
        sql.stream("""
                SELECT organization_id, max(published_at) FROM published_result
                WHERE organization_id BETWEEN ? AND ? GROUP BY organization_id ORDER BY organization_id""",
                List.of(first, last), row -> new Lastmod(PagePaths.organization(row.getLong(1)),
                        row.getObject(2, OffsetDateTime.class)), page -> {
                    url(xml, base, page.path(), page.at());
                    count[0]++;
                });
        String document = xml.finish();
        return count[0] == 0 ? Optional.empty() : Optional.of(document);
    }

    private static void sitemap(Xml xml, String base, Lastmod file) {
        xml.start("sitemap").text("loc", base + file.path());
        if (file.at() != null) {
            xml.text("lastmod", Xml.time(file.at()));
        }
        xml.end();
    }

    private static void url(Xml xml, String base, String path, OffsetDateTime at) {
        xml.start("url").text("loc", base + path);
        if (at != null) {
            xml.text("lastmod", Xml.time(at));
        }
        xml.end();
    }

    private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
