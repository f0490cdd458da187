package ru.noko.opendata;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import ru.noko.catalog.RegionRepository;
import ru.noko.platform.database.Sql;
import ru.noko.support.ApiTestBase;
import ru.noko.support.ContractValidator;
import ru.noko.support.Json;
import ru.noko.support.TestCampaigns;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Versions and their metadata: a version only when a dataset's file changes, passports' created and
 * modified, Last-Modified and Expires of open-data files, the latest URLs, and the placeholder
 * publisher flagged once real data is published. Publishes into region 95, which no other test uses.
 */
@MicronautTest(transactional = false)
class OpenDataVersionsTest extends ApiTestBase {

    private static final String REGION = "95";
    private static final Pattern VERSION = Pattern.compile("data-([0-9]{8}T[0-9]{6})(-[0-9]+)?-structure-([0-9]{8})");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    private HttpClient noRedirects;
    private TestCampaigns campaigns;

    @BeforeAll
    void clients() {
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setFollowRedirects(false);
        noRedirects = HttpClient.create(server.getURL(), configuration);
        campaigns = new TestCampaigns(context);
    }

    @AfterAll
    void close() {
        noRedirects.close();
    }

    @Test
    void aNationalDatasetGetsANewVersionOnlyWhenItsFileChanges() {
        Map<String, String> methodologyBefore = passport("noko-methodology");
        Map<String, String> resultsBefore = passport("noko-results");

        publishNewCampaign(2021, 90);

        Map<String, String> methodologyAfter = passport("noko-methodology");
        Map<String, String> resultsAfter = passport("noko-results");
        assertEquals(dataKeys(methodologyBefore), dataKeys(methodologyAfter), "the methodology did not change: no new version");
        assertEquals(dataKeys(resultsBefore).size() + 1, dataKeys(resultsAfter).size(), "the results did");
        long release = context.getBean(Sql.class).one("SELECT max(id) FROM opendata_release", List.of(), r -> r.getLong(1)).orElseThrow();
        assertEquals(1, context.getBean(Sql.class).count(
                "SELECT count(*) FROM opendata_release_unchanged WHERE release_id = ? AND dataset = 'noko-methodology'", List.of(release)));

        for (Map<String, String> passport : List.of(methodologyAfter, resultsAfter, passport("noko-results-" + REGION))) {
            List<String> keys = dataKeys(passport); // newest first
            assertEquals(version(keys.get(keys.size() - 1)).substring(0, 8), passport.get("created"), "created = first publication");
            assertEquals(version(keys.get(0)).substring(0, 8), passport.get("modified"), "modified = latest version");
        }
    }

    @Test
    void lastModifiedIsTheVersionsTimeAndExpiresAgreesWithCacheControl() {
        publishNewCampaign(2022, 80);
        String identifier = identifier("noko-results-" + REGION);
        String newest = dataKeys(passport("noko-results-" + REGION)).get(0);
        HttpResponse<String> data = api.get("/opendata/" + identifier + "/" + newest + ".csv");
        assertEquals(200, data.code());
        LocalDateTime versionTime = LocalDateTime.parse(version(newest), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
        assertEquals(versionTime.atOffset(ZoneOffset.UTC).toInstant(),
                ZonedDateTime.parse(data.header("Last-Modified"), HTTP_DATE).toInstant(), "Last-Modified = the version's time");
        assertExpiresAgrees(data);

        String structure = VERSION.matcher(newest).results().findFirst().orElseThrow().group(3);
        for (String path : List.of("/opendata/list.csv", "/opendata/" + identifier + "/meta.csv",
                "/opendata/" + identifier + "/checksums.sha256", "/opendata/" + identifier + "/structure-" + structure + ".csv")) {
            HttpResponse<String> response = api.get(path);
            assertEquals(200, response.code(), path);
            assertFalse(response.header("Last-Modified").contains("1970"), path + ": " + response.header("Last-Modified"));
            assertExpiresAgrees(response);
        }
    }

    @Test
    void latestUrlsFollowANewPublish() {
        long campaign = publishNewCampaign(2023, 70);
        String identifier = identifier("noko-results-" + REGION);
        Map<String, String> passport = passport("noko-results-" + REGION);
        HttpResponse<String> latest = noRedirect("/opendata/" + identifier + "/data-latest.csv");
        assertEquals(302, latest.code());
        assertEquals(passport.get(dataKeys(passport).get(0)), latest.header("Location"));
        assertEquals("public, max-age=60", latest.header("Cache-Control"));
        HttpResponse<String> structure = noRedirect("/opendata/" + identifier + "/structure-latest.csv");
        assertEquals(302, structure.code());
        String structureVersion = VERSION.matcher(dataKeys(passport).get(0)).results().findFirst().orElseThrow().group(3);
        assertEquals(passport.get("structure-" + structureVersion), structure.header("Location"));

        campaigns.publish(campaign, REGION, List.of(TestCampaigns.rawInputs(TestCampaigns.newInn(REGION), "Школа после исправления", 75)));

        Map<String, String> after = passport("noko-results-" + REGION);
        HttpResponse<String> moved = noRedirect("/opendata/" + identifier + "/data-latest.csv");
        assertEquals(after.get(dataKeys(after).get(0)), moved.header("Location"), "the latest URL leads to the new version");
        assertNotEquals(latest.header("Location"), moved.header("Location"));
        HttpResponse<String> followed = api.get(URI.create(moved.header("Location")).getRawPath());
        assertEquals(200, followed.code());

        assertEquals(404, noRedirect("/opendata/" + identifier("no-such-set") + "/data-latest.csv").code());
    }

    @Test
    void placeholderPublisherIsFlaggedOnceRealDataIsPublished() {
        assertTrue(context.getBean(OpenDataSettings.class).publisherInn().matches("0+"), "the tests run with the placeholder ИНН");
        assertFalse(context.getBean(RegionRepository.class).findByCode(REGION).orElseThrow().demo(), "region 95 is real");
        Logger logger = (Logger) LoggerFactory.getLogger(PublisherPlaceholders.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            publishNewCampaign(2020, 60);
        } finally {
            logger.detachAppender(appender);
        }
        assertTrue(appender.list.stream().anyMatch(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains("publisherinn")),
                "a WARN line names the placeholders");

        List<CSVRecord> registry = OpenDataTest.csv(api.get("/opendata/list.csv"));
        CSVRecord last = registry.get(registry.size() - 1);
        assertEquals("warning", last.get(0));
        assertTrue(last.get(1).contains("заглушки"), last.get(1));
        assertTrue(last.get(2).contains("publisherinn"), last.get(2));
    }

    @Test
    void noPlaceholderIsFlaggedWhileOnlyDemonstrationDataIsPublished() {
        PublisherPlaceholders placeholders = context.getBean(PublisherPlaceholders.class);
        assertTrue(placeholders.properties().containsAll(List.of("publisherinn", "publishername", "publisherphone", "publishermbox")));
        // the other direction (demo data only: nothing flagged) needs a database without real regions
        boolean real = context.getBean(ReleaseRepository.class).regionsEverPublished().stream()
                .anyMatch(code -> !context.getBean(RegionRepository.class).findByCode(code).orElseThrow().demo());
        assertEquals(real, !placeholders.flagged().isEmpty());
    }

    private long publishNewCampaign(int year, int percent) {
        long campaign = campaigns.createCampaign(REGION, year, "Тестовая кампания версий открытых данных " + year);
        campaigns.publish(campaign, REGION, List.of(TestCampaigns.rawInputs(TestCampaigns.newInn(REGION), "Школа " + year, percent)));
        return campaign;
    }

    private HttpResponse<String> noRedirect(String path) {
        HttpRequest<?> request = HttpRequest.GET(path);
        HttpResponse<String> response;
        try {
            response = noRedirects.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> failed = (HttpResponse<String>) e.getResponse();
            response = failed;
        }
        ContractValidator.assertConforms(request, response);
        return response;
    }

    private static void assertExpiresAgrees(HttpResponse<String> response) {
        Matcher maxAge = Pattern.compile("max-age=([0-9]+)").matcher(response.header("Cache-Control"));
        assertTrue(maxAge.find(), response.header("Cache-Control"));
        String expires = response.header("Expires");
        if (expires == null) {
            return;
        }
        long seconds = ZonedDateTime.parse(expires, HTTP_DATE).toEpochSecond()
                - ZonedDateTime.parse(response.header("Date"), HTTP_DATE).toEpochSecond();
        assertEquals(Long.parseLong(maxAge.group(1)), seconds, 1.0, "Expires − Date = max-age");
        assertEquals(1, response.getHeaders().getAll("Expires").size(), "one Expires");
        assertEquals(1, response.getHeaders().getAll("Date").size(), "one Date");
    }

    private Map<String, String> passport(String code) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        List<CSVRecord> rows = OpenDataTest.csv(api.get("/opendata/" + identifier(code) + "/meta.csv"));
        rows.subList(1, rows.size()).forEach(r -> values.put(r.get(0), r.get(1)));
        return values;
    }

    /** Data version keys, newest first, as the passport lists them. */
    private static List<String> dataKeys(Map<String, String> passport) {
        return passport.keySet().stream().filter(k -> k.startsWith("data-")).toList();
    }

    private static String version(String key) {
        Matcher matcher = VERSION.matcher(key);
        assertTrue(matcher.matches(), key);
        return matcher.group(1);
    }

    private String identifier(String code) {
        return context.getBean(OpenDataSettings.class).publisherInn() + "-" + code;
    }
}
