package ru.noko.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import ru.noko.methodology.Criterion;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.support.Json;
import ru.noko.support.TestCampaigns;
import ru.noko.support.ApiTestBase;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class OpenDataTest extends ApiTestBase {

    private static final Set<String> PASSPORT_FIELDS = Set.of("standardversion", "identifier", "title", "description",
            "creator", "created", "modified", "subject", "format", "provenance", "valid", "publishername",
            "publisherphone", "publishermbox");

    @Inject
    ApplicationContext context;

    @Inject
    EmbeddedServer server;

    @Test
    void everyDatasetIsReachableFromTheRegistryByLinksAlone() throws Exception {
        List<CSVRecord> registry = csv(api.get("/opendata/list.csv"));
        assertEquals(List.of("property", "title", "value", "format"), registry.get(0).toList());
        assertEquals("standardversion", registry.get(1).get(0));
        assertTrue(registry.size() >= 2 + 5, "four national datasets and at least the demo region's");
        // the rows after standardversion are datasets, and a warning row when the publisher is a placeholder
        for (CSVRecord dataset : registry.subList(2, registry.size()).stream().filter(r -> !r.get(0).equals("warning")).toList()) {
            Map<String, String> passport = passport(get(dataset.get(2)));
            assertTrue(passport.keySet().containsAll(PASSPORT_FIELDS), "passport of " + dataset.get(0) + ": " + passport.keySet());
            assertEquals(dataset.get(0), passport.get("identifier"));
            assertTrue(passport.get("identifier").matches("\\d{10}-[a-z0-9-]+"));
            assertTrue(passport.get("created").matches("\\d{8}") && passport.get("valid").matches("\\d{8}"));

            assertTrue(passport.keySet().stream().anyMatch(k -> k.startsWith("structure-")));

            JsonNode dataPackage = Json.parse(get(dataset.get(2).replace("meta.csv", "datapackage.json")).body());
            List<String> dataKeys = passport.keySet().stream().filter(k -> k.startsWith("data-")).toList();
            assertFalse(dataKeys.isEmpty());
            assertEquals(dataKeys.size(), dataPackage.get("resources").size());
            for (String key : dataKeys) {
                // each data version names its structure, which the passport lists
                String structureKey = key.substring(key.indexOf("structure-"));
                List<CSVRecord> structure = csv(get(passport.get(structureKey)));
                assertEquals(List.of("field name", "english description", "russian description", "format"), structure.get(0).toList());
                List<String> structureFields = structure.subList(1, structure.size()).stream().map(r -> r.get(0)).toList();
                HttpResponse<String> data = get(passport.get(key));
                assertEquals(200, data.code(), passport.get(key));
                List<CSVRecord> rows = csv(data);
                JsonNode schema = resource(dataPackage, key).get("schema");
                List<String> schemaFields = new ArrayList<>();
                schema.get("fields").forEach(f -> schemaFields.add(f.get("name").asText()));
                assertEquals(schemaFields, rows.get(0).toList(), "datapackage schema = CSV header of " + key);
                assertEquals(structureFields, rows.get(0).toList(), "structure file = CSV header of " + key);
                TableSchemaCheck.assertRowsMatch(schema, rows.subList(1, rows.size()), key);
                assertEquals(sha256(data.body().getBytes(StandardCharsets.UTF_8)), data.header("X-Checksum-SHA256"));
                assertTrue(data.header("Cache-Control").contains("immutable"));
                assertTrue(data.header("Link").contains("datapackage.json") && data.header("Link").contains("describedby"));
            }
        }
    }

    @Test
    void resultsCarryEveryPublishedRowOfTheDemoRegion() {
        Map<String, String> passport = passport(api.get("/opendata/" + identifier("noko-results-00") + "/meta.csv"));
        String newest = passport.keySet().stream().filter(k -> k.startsWith("data-")).findFirst().orElseThrow();
        List<CSVRecord> rows = csv(get(passport.get(newest)));
        long expected = context.getBean(ru.noko.platform.database.Sql.class).count("""
                SELECT count(*) FROM published_result WHERE region_code = '00'""", List.of());
        assertEquals(expected + 1, rows.size());
        int regionColumn = rows.get(0).toList().indexOf("region_code");
        assertTrue(rows.stream().skip(1).allMatch(r -> r.get(regionColumn).equals("00")));
    }

    @Test
    void anOldVersionStaysByteIdenticalAfterACorrection() throws Exception {
        TestCampaigns campaigns = new TestCampaigns(context);
        String region = "96"; // a test region of its own: other tests count real and demo regions
        long campaign = campaigns.createCampaign(region, 2024, "Тестовая кампания для версий открытых данных");
        String inn1 = TestCampaigns.newInn(region);
        String inn2 = TestCampaigns.newInn(region);
        campaigns.publish(campaign, region, List.of(
                TestCampaigns.rawInputs(inn1, "Школа «Первая», \"тест\"", 90),
                TestCampaigns.rawInputs(inn2, "=HYPERLINK(\"http://example.org\")", 80)));
        String dataset = identifier("noko-results-96");
        Map<String, String> before = passport(api.get("/opendata/" + dataset + "/meta.csv"));
        String firstKey = before.keySet().stream().filter(k -> k.startsWith("data-")).findFirst().orElseThrow();
        byte[] first = get(before.get(firstKey)).body().getBytes(StandardCharsets.UTF_8);
        assertTrue(new String(first, StandardCharsets.UTF_8).contains("'=HYPERLINK"), "formula-like names are neutralised");

        campaigns.publish(campaign, region, List.of(
                TestCampaigns.rawInputs(inn1, "Школа «Первая», \"тест\"", 95),
                TestCampaigns.rawInputs(inn2, "=HYPERLINK(\"http://example.org\")", 80)));

        Map<String, String> after = passport(api.get("/opendata/" + dataset + "/meta.csv"));
        List<String> keys = after.keySet().stream().filter(k -> k.startsWith("data-")).toList();
        assertEquals(before.keySet().stream().filter(k -> k.startsWith("data-")).count() + 1, keys.size());
        assertTrue(keys.contains(firstKey), "the old version is still listed");
        assertArrayEquals(first, get(after.get(firstKey)).body().getBytes(StandardCharsets.UTF_8), "old version unchanged");
        byte[] corrected = get(after.get(keys.get(0))).body().getBytes(StandardCharsets.UTF_8);
        assertNotEquals(sha256(first), sha256(corrected));
        assertTrue(after.get("provenance").contains("исправленная редакция 2"), after.get("provenance"));

        String checksums = get(after.get(keys.get(0)).replaceAll("/data-.*$", "/checksums.sha256")).body();
        assertTrue(checksums.contains(sha256(first) + "  " + firstKey + ".csv"), checksums);
        assertTrue(checksums.contains(sha256(corrected) + "  " + keys.get(0) + ".csv"), checksums);
    }

    @Test
    void passportJsonMatchesTheCsvPassport() {
        String dataset = identifier("noko-indicators");
        Map<String, String> csvPassport = passport(api.get("/opendata/" + dataset + "/meta.csv"));
        JsonNode json = Json.parse(api.get("/opendata/" + dataset + "/meta.json").body());
        for (String field : List.of("identifier", "title", "created", "modified", "provenance", "valid", "standardversion")) {
            assertEquals(csvPassport.get(field), json.get(field).asText(), field);
        }
        assertEquals(csvPassport.get("publishermbox"), json.at("/publisher/mbox").asText());
        assertEquals(csvPassport.keySet().stream().filter(k -> k.startsWith("data-")).count(), json.get("data").size());
    }

    @Test
    void dataIsGzippedWhenTheClientAsks() throws Exception {
        Map<String, String> passport = passport(api.get("/opendata/" + identifier("noko-indicators") + "/meta.csv"));
        String url = passport.entrySet().stream().filter(e -> e.getKey().startsWith("data-")).findFirst().orElseThrow().getValue();
        java.net.http.HttpResponse<byte[]> gzipped = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding", "gzip").build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""));
        byte[] plain = new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes();
        assertEquals(gzipped.headers().firstValue("X-Checksum-SHA256").orElseThrow(), sha256(plain));
        assertTrue(gzipped.body().length * 3 < plain.length, "compressed well");
    }

    @Test
    void criteriaAreDescribedWithTheCatalogueNames() {
        String dataset = identifier("noko-results");
        List<CSVRecord> structure = csv(api.get("/opendata/" + dataset + "/structure-" + Dataset.FIRST_STRUCTURE + ".csv"));
        JsonNode fields = Json.parse(api.get("/opendata/" + dataset + "/datapackage.json").body()).at("/resources/0/schema/fields");
        List<Criterion> criteria = context.getBean(MethodologyCatalogue.class).defaultMethodology().criteria();
        assertEquals(5, criteria.size());
        for (Criterion criterion : criteria) {
            CSVRecord row = structure.stream().filter(r -> r.get(0).equals(criterion.field())).findFirst().orElseThrow();
            assertEquals(criterion.code() + " «" + criterion.nameRu() + "», баллы", row.get(2));
            assertEquals("Criterion " + criterion.position() + ": " + criterion.nameEn() + ", points", row.get(1));
            JsonNode field = java.util.stream.StreamSupport.stream(fields.spliterator(), false)
                    .filter(f -> f.get("name").asText().equals(criterion.field())).findFirst().orElseThrow();
            assertEquals(row.get(2), field.get("title").asText(), "Table Schema and structure file agree");
        }
    }

    @Test
    void unknownDatasetsAndVersionsAreProblems() {
        assertEquals(404, api.get("/opendata/" + identifier("no-such-set") + "/meta.csv").code());
        assertEquals(404, api.get("/opendata/" + identifier("noko-results") + "/data-20000101T000000-structure-20261123.csv").code());
        assertEquals(404, api.get("/opendata/" + identifier("noko-results") + "/structure-20000101.csv").code());
        HttpResponse<String> bad = api.get("/opendata/not-an-identifier/meta.csv");
        assertEquals(400, bad.code());
        assertEquals("identifier", Json.parse(bad.body()).at("/errors/0/field").asText());
    }

    private String identifier(String code) {
        return context.getBean(OpenDataSettings.class).publisherInn() + "-" + code;
    }

    private HttpResponse<String> get(String absoluteUrl) {
        URI uri = URI.create(absoluteUrl);
        assertEquals(server.getPort(), uri.getPort(), "links point at the service itself: " + absoluteUrl);
        return api.get(uri.getRawPath());
    }

    private static JsonNode resource(JsonNode dataPackage, String name) {
        for (JsonNode resource : dataPackage.get("resources")) {
            if (resource.get("name").asText().equals(name.toLowerCase(java.util.Locale.ROOT))) {
                return resource;
            }
        }
        throw new AssertionError("datapackage has no resource " + name);
    }

    private static Map<String, String> passport(HttpResponse<String> response) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        List<CSVRecord> rows = csv(response);
        assertEquals(List.of("property", "value"), rows.get(0).toList());
        rows.subList(1, rows.size()).forEach(r -> values.put(r.get(0), r.get(1)));
        return values;
    }

    /** Strict RFC 4180 over strictly decoded UTF-8: a malformed byte or quote fails the test. */
    static List<CSVRecord> csv(HttpResponse<String> response) {
        assertEquals(200, response.code(), response.body());
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("text/csv"));
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            assertFalse(text.startsWith("\uFEFF"), "no BOM");
            assertTrue(text.endsWith("\r\n"), "RFC 4180 CRLF line ends");
            try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
                List<CSVRecord> records = parser.getRecords();
                int width = records.get(0).size();
                records.forEach(r -> assertEquals(width, r.size(), "every row as wide as the header"));
                return records;
            }
        } catch (CharacterCodingException e) {
            throw new AssertionError("not UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
