package ru.noko.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.micronaut.http.HttpResponse;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import ru.noko.support.ApiTestBase;
import ru.noko.support.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every datapackage.json the service serves is valid by the Frictionless specification's own JSON
 * Schemas (vendored in src/test/resources/frictionless, see SOURCE.md there), and each resource's
 * Table Schema describes the CSV it points at: the header is the field names in order, and every
 * value parses as its declared type.
 */
@MicronautTest(transactional = false)
class DataPackagesTest extends ApiTestBase {

    static {
        // the schemas carry editor keywords (propertyOrder, context, …) the validator rightly ignores
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.networknt"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
    }

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final Schema DATA_PACKAGE = schema("datapackage-1.0.json");
    private static final Schema TABLE_SCHEMA = schema("tableschema-1.0.json");

    @Inject
    EmbeddedServer server;

    @Test
    void everyDataPackageIsValidAndDescribesItsFiles() {
        List<String> datasets = datasets();
        assertTrue(datasets.size() >= 5, "four national datasets and at least the demo region's: " + datasets);
        for (String identifier : datasets) {
            JsonNode dataPackage = Json.parse(api.get("/opendata/" + identifier + "/datapackage.json").body());
            assertValid(DATA_PACKAGE, dataPackage, identifier);
            assertTrue(OffsetDateTime.parse(dataPackage.get("created").asText()).getOffset().getTotalSeconds() == 0,
                    "created is a UTC datetime: " + dataPackage.get("created"));
            String license = dataPackage.at("/licenses/0/path").asText();
            assertTrue(license.startsWith("https://"), "licence path is an absolute URL: " + license);
            assertFalse(dataPackage.get("resources").isEmpty());
            for (JsonNode resource : dataPackage.get("resources")) {
                String name = resource.get("name").asText();
                assertValid(TABLE_SCHEMA, resource.get("schema"), identifier + " " + name);
                String path = resource.get("path").asText();
                String file = path.substring(path.lastIndexOf('/') + 1);
                assertEquals(file.substring(0, file.length() - ".csv".length()).toLowerCase(java.util.Locale.ROOT), name,
                        "the resource is named after its file, in lower case");
                List<CSVRecord> rows = OpenDataTest.csv(get(path));
                List<String> fields = new ArrayList<>();
                resource.at("/schema/fields").forEach(field -> fields.add(field.get("name").asText()));
                assertEquals(fields, rows.get(0).toList(), "header = field names of " + name);
                TableSchemaCheck.assertRowsMatch(resource.get("schema"), rows.subList(1, rows.size()), name);
            }
        }
    }

    /** The validator does enforce what the descriptors used to get wrong. */
    @Test
    void theSchemaRejectsTheOldMistakes() {
        String identifier = datasets().get(0);
        JsonNode valid = Json.parse(api.get("/opendata/" + identifier + "/datapackage.json").body());
        assertValid(DATA_PACKAGE, valid, identifier);

        ObjectNode upperCaseName = valid.deepCopy();
        ((ObjectNode) upperCaseName.at("/resources/0")).put("name", "data-20261201T215414-structure-20261123");
        ObjectNode basicDate = valid.deepCopy();
        basicDate.put("created", "20261201");
        ObjectNode protocolRelative = valid.deepCopy();
        ((ObjectNode) protocolRelative.at("/licenses/0")).put("path", "//creativecommons.org/licenses/by/4.0/");
        for (JsonNode invalid : List.of(upperCaseName, basicDate, protocolRelative)) {
            assertFalse(DATA_PACKAGE.validate(invalid).isEmpty(), "rejected: " + invalid.toString().substring(0, 200));
        }
    }

    private List<String> datasets() {
        List<String> identifiers = new ArrayList<>();
        for (CSVRecord row : OpenDataTest.csv(api.get("/opendata/list.csv"))) {
            if (row.get(2).endsWith("/meta.csv")) {
                identifiers.add(row.get(0));
            }
        }
        return identifiers;
    }

    private HttpResponse<String> get(String absoluteUrl) {
        URI uri = URI.create(absoluteUrl);
        assertEquals(server.getPort(), uri.getPort(), "links point at the service itself: " + absoluteUrl);
        return api.get(uri.getRawPath());
    }

    private static void assertValid(Schema schema, JsonNode document, String what) {
        List<Error> errors = schema.validate(document);
        assertTrue(errors.isEmpty(), () -> what + ": " + errors.stream().limit(10).map(Error::toString).toList());
    }

    private static Schema schema(String file) {
        try (InputStream in = DataPackagesTest.class.getResourceAsStream("/frictionless/" + file)) {
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
