package ru.noko.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.noko.platform.database.Sql;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.TestCampaigns;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Atom feeds over real HTTP, each answer checked against the contract and read back with an
 * XML parser: a publication, a correction and a retraction appear in the feeds of every scope they
 * belong to and in no other region's, with escaped values, and the cached feed is replaced when
 * published data changes.
 */
@MicronautTest(transactional = false)
class FeedsApiTest extends AdminApiTestBase {

    /** Markup and quotes in every value an operator controls. */
    private static final String HOSTILE_NOTE = "Исправлено: <b>школа</b> & \"сад\" ]]> &amp;";
    private static final String HOSTILE_REASON = "Протокол <отменён> & 'пересмотрен' </summary><entry>";

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
    void aPublicationACorrectionAndARetractionAppearInEveryFeedTheyBelongTo() {
        long id = admin.createCampaign("59", 2071, "НОКО школ 2071 <тест лент>", "school");
        List<Map<String, String>> schools = schools("59");
        admin.uploadAndWait(id, TestCampaigns.csv(schools), "text/csv", null);
        String etagBefore = api.get("/feeds/publications.atom").header("ETag");
        assertEquals(200, admin.publish(id).code());

        Atom.Entry published = entry(feed("/feeds/regions/59.atom"), id, "revisions/1");
        assertInTheLatest(feed("/feeds/publications.atom"), published);
        assertEquals("Опубликованы результаты НОКО: Пермский край, 2071, школы", published.title());
        assertEquals("publication", published.category());
        assertEquals(base + "/regions/59/ratings?year=2071&type=school", published.alternate());
        assertEquals(base + "/api/v1/campaigns/" + id, published.related());
        assertTrue(published.summary().contains("Кампания «НОКО школ 2071 <тест лент>»"), published.summary());
        assertTrue(published.summary().contains("Организаций: 3."), published.summary());
        assertTrue(published.id().startsWith("tag:localhost,2026:noko/campaigns/" + id + "/"), published.id());
        HttpResponse<String> stale = api.call(HttpRequest.GET("/feeds/publications.atom").header("If-None-Match", etagBefore));
        assertEquals(200, stale.code(), "publishing invalidates the cached feed");

        List<Map<String, String>> corrected = new ArrayList<>(schools);
        corrected.set(0, TestCampaigns.rawInputs(schools.get(0).get("inn"), schools.get(0).get("name"), 55));
        admin.uploadAndWait(id, TestCampaigns.csv(corrected), "text/csv", null);
        HttpResponse<String> second = admin.call(HttpRequest.POST("/api/v1/admin/campaigns/" + id + "/publish",
                json(Map.of("note", HOSTILE_NOTE))).contentType(MediaType.APPLICATION_JSON));
        assertEquals(200, second.code(), second.body());
        Atom.Entry correction = entry(feed("/feeds/regions/59.atom"), id, "revisions/2");
        assertEquals("Опубликованы исправленные результаты НОКО: Пермский край, 2071, школы (редакция 2)",
                correction.title());
        assertEquals("correction", correction.category());
        assertTrue(correction.summary().endsWith("Примечание: " + HOSTILE_NOTE), correction.summary());

        HttpResponse<String> retracted = admin.call(HttpRequest.POST("/api/v1/admin/campaigns/" + id + "/retract",
                json(Map.of("reason", HOSTILE_REASON))).contentType(MediaType.APPLICATION_JSON));
        assertEquals(200, retracted.code(), retracted.body());
        List<Atom.Entry> all = feed("/feeds/regions/59.atom");
        Atom.Entry retraction = entry(all, id, "retractions/");
        assertEquals(retraction, all.get(0), "the newest event comes first");
        assertInTheLatest(feed("/feeds/publications.atom"), retraction);
        assertEquals("Отозваны результаты НОКО: Пермский край, 2071, школы", retraction.title());
        assertEquals("retraction", retraction.category());
        assertTrue(retraction.summary().contains("отозвана редакция 2"), retraction.summary());
        assertTrue(retraction.summary().endsWith("Причина: " + HOSTILE_REASON), retraction.summary());
        assertEquals(correction.author(), retraction.author(), "every entry of a campaign names its operator the same way");
        assertTrue(!retraction.author().isBlank());
        // the earlier events keep their ids
        entry(all, id, "revisions/1");
        entry(all, id, "revisions/2");

        long organization = sql.one("""
                SELECT organization_id FROM result WHERE campaign_id = ? ORDER BY organization_id LIMIT 1""",
                List.of(id), row -> row.getLong(1)).orElseThrow();
        List<Atom.Entry> own = Atom.entries(api.get("/feeds/organizations/" + organization + ".atom").body(),
                base + "/feeds/organizations/" + organization + ".atom");
        for (String event : List.of("revisions/1", "revisions/2", "retractions/")) {
            assertEquals(base + "/organizations/" + organization, entry(own, id, event).alternate());
        }
        Set<Long> campaigns = own.stream().map(Atom.Entry::campaignId).collect(Collectors.toSet());
        for (long campaign : campaigns) {
            assertTrue(sql.count("SELECT count(*) FROM result WHERE campaign_id = ? AND organization_id = ?",
                    List.of(campaign, organization)) > 0, "campaign " + campaign + " includes the organization");
        }
    }

    @Test
    void aRegionsFeedNeverShowsAnotherRegionsEvents() {
        long other = admin.createCampaign("01", 2072, "НОКО школ Адыгеи 2072", "school");
        admin.uploadAndWait(other, TestCampaigns.csv(schools("01")), "text/csv", null);
        assertEquals(200, admin.publish(other).code());
        // organizations of their own: other tests read the latest results of the fixtures' organizations
        long perm = admin.createCampaign("59", 2073, "НОКО школ 2073 (тест лент регионов)", "school");
        admin.uploadAndWait(perm, TestCampaigns.csv(schools("59")), "text/csv", null);
        assertEquals(200, admin.publish(perm).code());

        List<Atom.Entry> adygea = feed("/feeds/regions/01.atom");
        assertEquals("Опубликованы результаты НОКО: Республика Адыгея (Адыгея), 2072, школы",
                entry(adygea, other, "revisions/1").title());
        List<Atom.Entry> permFeed = feed("/feeds/regions/59.atom");
        entry(permFeed, perm, "revisions/1");
        assertOnlyRegion(adygea, "01");
        assertOnlyRegion(permFeed, "59");
        assertTrue(permFeed.stream().noneMatch(e -> e.campaignId() == other));
        List<Atom.Entry> all = feed("/feeds/publications.atom");
        assertInTheLatest(all, entry(adygea, other, "revisions/1"));
        assertInTheLatest(all, entry(permFeed, perm, "revisions/1"));
    }

    @Test
    void anExistingRegionWithoutEventsHasAnEmptyFeed() {
        sql.update("INSERT INTO region (code, okato_code, name, demo) VALUES ('88', '88', 'Пустой <регион>', true) "
                + "ON CONFLICT DO NOTHING", List.of());
        HttpResponse<String> response = api.get("/feeds/regions/88.atom");
        assertEquals(List.of(), Atom.entries(response.body(), base + "/feeds/regions/88.atom"));
        assertEquals("1970-01-01T00:00:00Z", Atom.only(Atom.parse(response.body()), "updated"));
        assertTrue(Atom.only(Atom.parse(response.body()), "title").endsWith("Пустой <регион>"));
    }

    @Test
    void feedsAreCachedPublicAndStrictAboutTheirParameters() {
        HttpResponse<String> feed = api.call(HttpRequest.GET("/feeds/publications.atom")
                .header("Origin", "https://news.example").header("Host", "opendata.example.org"));
        assertEquals(200, feed.code());
        assertEquals("application/atom+xml; charset=utf-8", feed.header("Content-Type"));
        assertEquals("*", feed.header("Access-Control-Allow-Origin"));
        assertTrue(feed.header("Cache-Control").startsWith("public"), feed.header("Cache-Control"));
        String etag = feed.header("ETag");
        assertNotNull(etag);
        HttpResponse<String> again = api.call(HttpRequest.GET("/feeds/publications.atom")
                .header("Host", "opendata.example.org").header("If-None-Match", etag));
        assertEquals(304, again.code());
        assertEquals(feed.body(), api.call(HttpRequest.GET("/feeds/publications.atom").header("Host", "opendata.example.org"))
                .body(), "served from the cache unchanged");

        assertEquals(400, api.get("/feeds/publications.atom?limit=10").code(), "unknown parameters are refused");
        assertEquals(400, api.get("/feeds/regions/5x.atom").code());
        assertEquals(404, api.get("/feeds/regions/98.atom").code());
        assertEquals(404, api.get("/feeds/organizations/999999999.atom").code());
        assertEquals(400, api.get("/feeds/organizations/0.atom").code());
    }

    private List<Atom.Entry> feed(String path) {
        HttpResponse<String> response = api.get(path);
        assertEquals(200, response.code(), response.body());
        return Atom.entries(response.body(), base + path);
    }

    /**
     * The all-regions feed holds the entry, unless it already has its 50 entries and all of them are
     * at least as new (other tests publish with dates in the future).
     */
    private static void assertInTheLatest(List<Atom.Entry> all, Atom.Entry expected) {
        if (all.stream().anyMatch(e -> e.id().equals(expected.id()))) {
            assertEquals(expected, all.stream().filter(e -> e.id().equals(expected.id())).findFirst().orElseThrow());
            return;
        }
        assertEquals(50, all.size(), expected.id() + " is missing from a feed of fewer than 50 entries");
        OffsetDateTime at = OffsetDateTime.parse(expected.updated());
        assertTrue(all.stream().noneMatch(e -> OffsetDateTime.parse(e.updated()).isBefore(at)),
                expected.id() + " is missing, but older entries are shown");
    }

    /** The entry of that campaign whose id ends with (or, for a retraction, contains) {@code event}. */
    private static Atom.Entry entry(List<Atom.Entry> entries, long campaignId, String event) {
        String prefix = "noko/campaigns/" + campaignId + "/" + event;
        List<Atom.Entry> found = entries.stream().filter(e -> e.id().contains(prefix)
                && (event.endsWith("/") || e.id().endsWith(prefix))).toList();
        assertEquals(1, found.size(), "one entry " + prefix + " in " + entries.stream().map(Atom.Entry::id).toList());
        return found.get(0);
    }

    private void assertOnlyRegion(List<Atom.Entry> entries, String region) {
        assertTrue(!entries.isEmpty());
        for (Atom.Entry entry : entries) {
            String campaignRegion = sql.one("SELECT region_code FROM campaign WHERE id = ?", List.of(entry.campaignId()),
                    row -> row.getString(1)).orElseThrow();
            assertEquals(region, campaignRegion, entry.id());
            assertTrue(entry.alternate().startsWith(base + "/regions/" + region + "/ratings?"), entry.alternate());
        }
    }

    private static List<Map<String, String>> schools(String region) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            rows.add(TestCampaigns.rawInputs(TestCampaigns.newInn(region), "Школа № " + i + " «Лента " + region + "»", 60 + i * 10));
        }
        return rows;
    }


    private static String json(Map<String, String> value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
