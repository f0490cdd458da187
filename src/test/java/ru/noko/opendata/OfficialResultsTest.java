package ru.noko.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.noko.platform.database.Sql;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.Csv;
import ru.noko.support.Json;
import ru.noko.support.Rows;
import ru.noko.support.TestCampaigns;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Official numbers first (METHODOLOGY §4): an official regional table as operators publish it —
 * Windows-1251, «;», decimal commas, criteria with one decimal, the operator's own «Итоговый балл»
 * (computed from unrounded criteria) and «Место в рейтинге» with a tie — is published with exactly
 * those totals and places, our recomputation beside them, in JSON, CSV and open data.
 */
@MicronautTest(transactional = false)
class OfficialResultsTest extends AdminApiTestBase {

    private static final String REGION = "18";
    private static final String CITY = "94701000";
    private static final String DISTRICT = "94710000";

    @Inject
    ApplicationContext context;

    @Inject
    Sql sql;

    /** One organization as the official table has it, and what we expect to publish. */
    private record Official(String inn, String name, String oktmo, String criteria, String total, int place,
                            double officialTotal, double computed, String check, int placeType, int placeMunicipality) {
    }

    @Test
    void anOfficialTablePublishesItsOwnTotalsAndTiedPlacesWithOurRecomputationBeside() throws Exception {
        List<Official> table = List.of(
                // the seed's golden case, school № 62 (Perm, 2022): 82,4 / 74,5 / 43 / 92,8 / 83,2 → 75,18
                new Official(TestCampaigns.newInn(REGION), "МБОУ «СОШ с УИОП № 62 им. А.Я. Опарина»", DISTRICT,
                        "82,4;74,5;43,0;92,8;83,2", "75,18", 4, 75.18, 75.18, "match", 4, 2),
                // criteria rounded to one decimal: their mean 95,14, the operator's total 95,16
                new Official(TestCampaigns.newInn(REGION), "МАОУ «Лицей № 1»", CITY,
                        "96,3;95,1;88,7;98,2;97,4", "95,16", 1, 95.16, 95.14, "mismatch", 1, 1),
                // a tie in the file: 90,02 and 90,02, both second — although our means are 90,02 and 90,04
                new Official(TestCampaigns.newInn(REGION), "МБОУ «Гимназия № 2»", CITY,
                        "91,2;88,4;85,0;93,1;92,4", "90,02", 2, 90.02, 90.02, "match", 2, 2),
                new Official(TestCampaigns.newInn(REGION), "\"МБОУ \"\"СОШ № 3\"\"; с. Завьялово\"", DISTRICT,
                        "90,2;89,3;86,2;92,0;92,5", "90,02", 2, 90.02, 90.04, "mismatch", 2, 1),
                new Official(TestCampaigns.newInn(REGION), "МБОУ «ООШ № 4»", DISTRICT,
                        "70,0;65,5;40,1;88,8;80,0", "68,9", 5, 68.9, 68.88, "mismatch", 5, 3));
        StringBuilder file = new StringBuilder("ИНН;КПП;Наименование организации;ОКТМО;К1;К2;К3;К4;К5;Итоговый балл;Место в рейтинге\r\n");
        for (Official o : table) {
            file.append(o.inn()).append(';').append(o.inn(), 0, 4).append("01001;").append(o.name()).append(';')
                    .append(o.oktmo()).append(';').append(o.criteria()).append(';').append(o.total()).append(';')
                    .append(o.place()).append("\r\n");
        }
        file.append(";;;;;;;;;;\r\n");
        long id = admin.createCampaign(REGION, 2022, "НОКО общеобразовательных организаций 2022 (официальная таблица)", "school");
        JsonNode job = admin.uploadAndWait(id, file.toString().getBytes(Charset.forName("windows-1251")), "text/csv", null);
        assertEquals(0, job.get("errors_count").asInt(), job.toString());
        assertEquals("windows-1251", job.at("/detected/encoding").asText());
        assertEquals("place_region", Rows.list(job.at("/detected/columns")).stream()
                .filter(c -> c.get("header").asText().equals("Место в рейтинге")).findFirst().orElseThrow().get("field").asText());
        List<JsonNode> mismatches = Rows.list(job.get("warnings")).stream()
                .filter(w -> w.get("code").asText().equals("total_mismatch")).toList();
        assertEquals(List.of(3, 5, 6), mismatches.stream().map(w -> w.get("row").asInt()).toList(),
                "every total more than 0,01 away from the mean of its criteria is flagged");
        assertFalse(Rows.list(job.get("warnings")).stream().anyMatch(w -> w.get("code").asText().equals("places_out_of_order")),
                "the file's places follow its totals");
        assertEquals(200, admin.publish(id).code());

        // JSON: the ratings carry the official totals and places, the recomputation beside them
        JsonNode ratings = Json.parse(api.get("/api/v1/ratings?region=" + REGION + "&year=2022&type=school").body());
        Map<String, JsonNode> rated = byInn(Rows.list(ratings.get("data")));
        assertEquals(table.size(), rated.size());
        for (Official o : table) {
            JsonNode row = rated.get(o.inn());
            assertEquals(o.officialTotal(), row.get("total").asDouble(), 0.0, o.name());
            assertEquals(o.computed(), row.get("total_computed").asDouble(), 1e-9, o.name());
            assertEquals(o.check(), row.get("total_check").asText(), o.name());
            assertEquals(o.place(), row.get("place_region").asInt(), o.name() + ": the official place, ties as in the file");
            assertEquals(o.place(), row.get("place").asInt(), o.name());
            assertEquals(o.placeType(), row.get("place_type").asInt(), o.name() + ": ranked on the official total");
            assertEquals(o.placeMunicipality(), row.get("place_municipality").asInt(), o.name());
        }
        JsonNode results = Json.parse(api.get("/api/v1/campaigns/" + id + "/results?fields=inn,total,total_computed,total_check,published_total").body());
        for (JsonNode row : Rows.list(results.get("data"))) {
            assertEquals(row.get("published_total").asDouble(), row.get("total").asDouble(), 0.0);
        }

        // the widget shows the official total and says that our recomputation differs
        String widget = api.get("/widgets/organizations/" + rated.get(table.get(1).inn()).get("organization_id").asLong()).body();
        assertTrue(widget.contains("95,16"), "the official total");
        assertTrue(widget.contains("пересчёт по критериям — 95,14"), "the recomputation beside it");

        // CSV: the same values under the same names
        Csv.Table csv = Csv.parse(api.get("/api/v1/ratings?region=" + REGION + "&year=2022&type=school&format=csv").body());
        assertTrue(csv.header().containsAll(List.of("total", "total_computed", "total_check", "place_region")));
        Map<String, Map<String, String>> csvRows = csv.rows().stream().collect(Collectors.toMap(r -> r.get("inn"), Function.identity()));
        for (Official o : table) {
            Map<String, String> row = csvRows.get(o.inn());
            assertEquals(o.officialTotal(), Double.parseDouble(row.get("total")), 0.0);
            assertEquals(o.computed(), Double.parseDouble(row.get("total_computed")), 1e-9);
            assertEquals(o.check(), row.get("total_check"));
            assertEquals(String.valueOf(o.place()), row.get("place_region"));
        }
        Csv.Table excel = Csv.parse(api.get("/api/v1/ratings?region=" + REGION + "&year=2022&type=school&format=csv&dialect=excel")
                .body().substring(1), ';');
        Map<String, String> lyceum = excel.rows().stream().filter(r -> r.get("inn").equals(table.get(1).inn())).findFirst().orElseThrow();
        assertEquals("95,16", lyceum.get("total"), "Russian Excel gets the official total with a decimal comma");
        assertEquals(95.14, Double.parseDouble(lyceum.get("total_computed").replace(',', '.')), 1e-9);
        assertEquals("mismatch", lyceum.get("total_check"));

        // open data: the region's newest data version has the new structure and the same values
        String folder = "/opendata/" + context.getBean(OpenDataSettings.class).publisherInn() + "-noko-results-" + REGION + "/";
        Map<String, String> passport = passport(folder);
        String newest = passport.keySet().stream().filter(k -> k.startsWith("data-")).findFirst().orElseThrow();
        assertTrue(newest.endsWith("-structure-" + ResultsDataset.ZERO_RULE), newest);
        Csv.Table data = Csv.parse(api.get(URI.create(passport.get(newest)).getRawPath()).body());
        Map<String, Map<String, String>> dataRows = data.rows().stream().collect(Collectors.toMap(r -> r.get("inn"), Function.identity()));
        for (Official o : table) {
            Map<String, String> row = dataRows.get(o.inn());
            assertEquals(o.officialTotal(), Double.parseDouble(row.get("total")), 0.0);
            assertEquals(o.computed(), Double.parseDouble(row.get("total_computed")), 1e-9);
            assertEquals(o.check(), row.get("total_check"));
            assertEquals(String.valueOf(o.place()), row.get("place_region"));
        }
        Csv.Table structure = Csv.parse(api.get(folder + "structure-" + ResultsDataset.ZERO_RULE + ".csv").body());
        assertEquals(data.header(), structure.rows().stream().map(r -> r.get("field name")).toList());
    }

    @Test
    void aReleaseMadeBeforeTheNewStructureKeepsItsColumns() {
        Release release = context.getBean(ReleaseRepository.class).record("Проверка прежней структуры");
        try (RedatedRelease redated = RedatedRelease.as(sql, release, Dataset.FIRST_STRUCTURE)) {
            String folder = "/opendata/" + context.getBean(OpenDataSettings.class).publisherInn() + "-noko-results/";
            HttpResponse<String> old = api.get(folder + "data-" + release.version() + "-structure-" + Dataset.FIRST_STRUCTURE + ".csv");
            assertEquals(200, old.code(), old.body());
            assertEquals(List.of("year", "region_code", "campaign_id", "revision", "organization_id", "inn", "kpp", "name", "type",
                            "oktmo", "k1", "k2", "k3", "k4", "k5", "total", "place_region", "place_type", "place_municipality",
                            "respondents", "published_at"), Csv.parse(old.body()).header(),
                    "the columns of the first structure, as its files were published");
            assertEquals(404, api.get(folder + "data-" + release.version() + "-structure-" + ResultsDataset.ZERO_RULE + ".csv").code());
            assertEquals(200, api.get(folder + "structure-" + Dataset.FIRST_STRUCTURE + ".csv").code());
        }
    }

    @Test
    void placesThatContradictTheFilesOwnTotalsAreWarningsNamingTheRows() {
        String first = TestCampaigns.newInn(REGION);
        String second = TestCampaigns.newInn(REGION);
        String third = TestCampaigns.newInn(REGION);
        String file = "ИНН;КПП;Наименование организации;К1;К2;К3;К4;К5;Итоговый балл;Место в рейтинге\r\n"
                + first + ";" + first.substring(0, 4) + "01001;Школа № 10;80;80;80;80;80;80;1\r\n"
                + second + ";" + second.substring(0, 4) + "01001;Школа № 11;85;85;85;85;85;85;2\r\n"
                + third + ";" + third.substring(0, 4) + "01001;Школа № 12;70;70;70;70;70;70;3\r\n";
        long id = admin.createCampaign(REGION, 2021, "НОКО школ 2021 (места против баллов)", "school");
        JsonNode job = admin.uploadAndWait(id, file.getBytes(Charset.forName("windows-1251")), "text/csv", "dry_run=true");
        assertEquals(0, job.get("errors_count").asInt(), job.toString());
        List<JsonNode> outOfOrder = Rows.list(job.get("warnings")).stream()
                .filter(w -> w.get("code").asText().equals("places_out_of_order")).toList();
        assertEquals(1, outOfOrder.size(), job.get("warnings").toString());
        assertEquals(3, outOfOrder.get(0).get("row").asInt());
        assertEquals("place_region", outOfOrder.get(0).get("column").asText());
        String message = outOfOrder.get(0).get("message").asText();
        assertTrue(message.contains("строке 3") && message.contains("строке 2") && message.contains("85") && message.contains("80"),
                message);
    }

    /** meta.csv as property → value, in its order (data versions newest first). */
    private Map<String, String> passport(String folder) {
        HttpResponse<String> meta = api.get(folder + "meta.csv");
        assertEquals(200, meta.code(), meta.body());
        Map<String, String> values = new LinkedHashMap<>();
        Csv.parse(meta.body()).rows().forEach(r -> values.put(r.get("property"), r.get("value")));
        return values;
    }

    private static Map<String, JsonNode> byInn(List<JsonNode> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.get("inn").asText(), Function.identity()));
    }
}
