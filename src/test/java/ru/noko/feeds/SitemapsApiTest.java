package ru.noko.feeds;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import ru.noko.platform.database.Sql;
import ru.noko.support.AdminApiTestBase;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sitemaps and robots.txt over real HTTP on the demonstration data, checked against the contract and parsed. */
@MicronautTest(transactional = false)
class SitemapsApiTest extends AdminApiTestBase {

    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    @Inject
    Sql sql;

    @Inject
    EmbeddedServer server;

    private String base;

    @BeforeAll
    void base() {
        base = "http://localhost:" + server.getPort();
    }

    @Test
    void theIndexPointsAtEveryFileAndEveryFileListsAbsoluteUrls() {
        Element index = xml("/sitemap.xml", "sitemapindex");
        List<String> files = Atom.children(index, "sitemap").stream().map(s -> Atom.only(s, "loc")).toList();
        assertEquals(base + "/sitemaps/static.xml", files.get(0));
        assertEquals(base + "/sitemaps/regions.xml", files.get(1));
        assertTrue(files.contains(base + "/sitemaps/organizations-1.xml"), files.toString());

        Map<String, String> pages = new LinkedHashMap<>();
        for (String file : files) {
            Element urlset = xml(file.substring(base.length()), "urlset");
            List<Element> urls = Atom.children(urlset, "url");
            assertFalse(urls.isEmpty(), file);
            assertTrue(urls.size() <= 10_000, file);
            for (Element url : urls) {
                String loc = Atom.only(url, "loc");
                assertTrue(loc.startsWith(base + "/"), loc);
                List<Element> lastmod = Atom.children(url, "lastmod");
                pages.put(loc.substring(base.length()), lastmod.isEmpty() ? null : lastmod.get(0).getTextContent());
            }
        }
        assertTrue(pages.keySet().containsAll(List.of("/", "/regions", "/methodology", "/regions/00")), pages.keySet().toString());

        // every published campaign's ratings page, each organization with published results, dated by its latest publication
        List<String[]> campaigns = sql.list("SELECT region_code, year, types[1] FROM published_campaign "
                + "WHERE cardinality(types) = 1", List.of(), row -> new String[] {row.getString(1), row.getString(2), row.getString(3)});
        assertFalse(campaigns.isEmpty());
        for (String[] campaign : campaigns) {
            String page = "/regions/" + campaign[0] + "/ratings?year=" + campaign[1] + "&type=" + campaign[2];
            assertTrue(pages.containsKey(page), page);
        }
        List<Object[]> organizations = sql.list("SELECT organization_id, max(published_at) FROM published_result "
                + "GROUP BY organization_id", List.of(), row -> new Object[] {row.getLong(1), row.getObject(2, OffsetDateTime.class)});
        for (Object[] organization : organizations) {
            String lastmod = pages.get("/organizations/" + organization[0]);
            assertNotNull(lastmod, "organization " + organization[0] + " with published results is listed");
            assertEquals(((OffsetDateTime) organization[1]).toInstant().getEpochSecond(),
                    OffsetDateTime.parse(lastmod).toInstant().getEpochSecond());
        }
        long listed = pages.keySet().stream().filter(p -> p.startsWith("/organizations/")).count();
        assertEquals(organizations.size(), listed, "only organizations with published results");
    }

    @Test
    void aBlockWithoutPublishedOrganizationsIsNotFound() {
        assertEquals(404, api.get("/sitemaps/organizations-99999.xml").code());
        assertEquals(400, api.get("/sitemaps/organizations-0.xml").code());
        assertEquals(400, api.get("/sitemap.xml?page=2").code());
    }

    @Test
    void robotsOpenThePagesCloseTheAdminAndNameTheSitemap() {
        HttpResponse<String> robots = api.call(HttpRequest.GET("/robots.txt")
                .header("Origin", "https://search.example").header("Host", "opendata.example.org"));
        assertEquals(200, robots.code());
        assertTrue(robots.header("Content-Type").startsWith("text/plain"));
        assertEquals("*", robots.header("Access-Control-Allow-Origin"));
        List<String> lines = robots.body().lines().toList();
        assertTrue(lines.containsAll(List.of("User-agent: *", "Allow: /", "Disallow: /api/v1/admin/", "Disallow: /console",
                "Sitemap: " + base + "/sitemap.xml")), "absolute, and never a host the client made up: " + lines);
        String etag = robots.header("ETag");
        assertEquals(304, api.call(HttpRequest.GET("/robots.txt").header("Host", "opendata.example.org")
                .header("If-None-Match", etag)).code());
    }

    private Element xml(String path, String root) {
        HttpResponse<String> response = api.get(path);
        assertEquals(200, response.code(), path + ": " + response.body());
        assertEquals("application/xml; charset=utf-8", response.header("Content-Type"));
        assertNotNull(response.header("ETag"));
        Element element = Atom.parse(response.body());
        assertEquals(NS, element.getNamespaceURI());
        assertEquals(root, element.getLocalName());
        return element;
    }
}
