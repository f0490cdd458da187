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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Official indicator values and criteria (issue 13 item 1) and the zero-denominator rule named
 * wherever results are shown (item 3): a results table publishes its indicators and criteria as
 * given, a criterion that disagrees with its indicators is a warning; a raw-inputs table publishes
 * our computation, or the file's indicator value with ours beside it; open data carries the new
 * columns under a new structure date while a release made before keeps its bytes; the widget card
 * says where the zero-denominator rule decided.
 */
@MicronautTest(transactional = false)
class OfficialIndicatorsTest extends AdminApiTestBase {

    private static final String REGION = "86";
    private static final List<String> INDICATORS = List.of("1.1", "1.2", "1.3", "2.1", "2.3", "3.1", "3.2", "3.3",
            "4.1", "4.2", "4.3", "5.1", "5.2", "5.3");

    @Inject
    ApplicationContext context;

    @Inject
    Sql sql;

    /** The release re-dated to an earlier structure, put back after the test. */
    private RedatedRelease redated;

    @org.junit.jupiter.api.AfterEach
    void restoreTheRedatedRelease() {
        if (redated != null) {
            redated.close();
            redated = null;
        }
    }

    @Test
    void officialIndicatorsAndCriteriaArePublishedAsGivenWithOurRecomputationBeside() throws Exception {
        // 1. a results table, Windows-1251, Russian headers, indicators under their codes
        String lyceum = TestCampaigns.newInn(REGION);
        String school = TestCampaigns.newInn(REGION);
        StringBuilder file = new StringBuilder("ИНН;КПП;Наименование организации;К1;К2;К3;К4;К5;Итоговый балл");
        INDICATORS.forEach(code -> file.append(';').append(code));
        file.append("\r\n");
        // K1 from its indicators: 0,3 × 96,5 + 0,3 × 100 + 0,4 × 92,3 = 95,87, the file says 95,9 (a warning);
        // every other criterion agrees with its indicators (all 90)
        file.append(lyceum).append(';').append(lyceum, 0, 4).append("01001;МАОУ «Лицей № 7»;95,9;90,0;90,0;90,0;90,0;91,18;96,5;100;92,3");
        for (int i = 3; i < INDICATORS.size(); i++) {
            file.append(";90,0");
        }
        file.append("\r\n");
        file.append(school).append(';').append(school, 0, 4).append("01001;МБОУ «СОШ № 8»;80;80;80;80;80;80")
                .append(";".repeat(INDICATORS.size())).append("\r\n");
        long results = admin.createCampaign(REGION, 2023, "НОКО школ 2023 (таблица с показателями)", "school");
        JsonNode job = admin.uploadAndWait(results, file.toString().getBytes(Charset.forName("windows-1251")), "text/csv", null);
        assertEquals(0, job.get("errors_count").asInt(), job.toString());
        assertEquals("results", job.at("/detected/level").asText(), job.toString());
        List<JsonNode> criterionWarnings = Rows.list(job.get("warnings")).stream()
                .filter(w -> w.get("code").asText().equals("criterion_indicators_mismatch")).toList();
        assertEquals(1, criterionWarnings.size(), job.get("warnings").toString());
        assertEquals(2, criterionWarnings.get(0).get("row").asInt());
        assertEquals("k1", criterionWarnings.get(0).get("column").asText());
        String message = criterionWarnings.get(0).get("message").asText();
        assertTrue(message.contains("Строка 2") && message.contains("К1") && message.contains("95,87"), message);
        assertEquals(200, admin.publish(results).code());

        Map<String, JsonNode> published = byInn(Json.parse(api.get("/api/v1/campaigns/" + results + "/results").body()));
        JsonNode row = published.get(lyceum);
        assertEquals(95.9, row.get("k1").asDouble(), 0.0, "the file's criterion, not ours");
        assertEquals(91.18, row.get("total").asDouble(), 0.0);
        assertEquals(96.5, row.get("i1_1").asDouble(), 0.0, "the file's indicator");
        assertEquals(92.3, row.get("i1_3").asDouble(), 0.0);
        assertEquals(90.0, row.get("i5_3").asDouble(), 0.0);
        assertFalse(row.has("i1_1_computed"), "nothing to recompute indicators from: " + row);
        assertEquals(0, row.get("indicator_mismatches").size());
        assertFalse(published.get(school).has("i1_1"), "no indicators given, none published");

        // 2. raw inputs; one row also gives the official 1.3 (85, ours 80); one has nobody with a disability
        String official = TestCampaigns.newInn(REGION);
        String computed = TestCampaigns.newInn(REGION);
        Map<String, String> first = TestCampaigns.rawInputs(official, "МБОУ «СОШ № 9»", 80);
        first.put("i1_3", "85");
        Map<String, String> second = TestCampaigns.rawInputs(computed, "МБОУ «СОШ № 10»", 80);
        second.put("respondents_disabled", "0");
        second.put("satisfied_accessibility", "0");
        second.put("i1_3", "");
        List<String> header = new ArrayList<>(first.keySet());
        StringBuilder raw = new StringBuilder(String.join(";", header)).append("\r\n");
        for (Map<String, String> values : List.of(first, second)) {
            raw.append(String.join(";", header.stream().map(values::get).toList())).append("\r\n");
        }
        long rawCampaign = admin.createCampaign(REGION, 2024, "НОКО школ 2024 (исходные данные)", "school");

        // the release the results table was published in, as if made before the new structure: its data
        // files must keep their bytes and columns
        long firstWithTable = sql.one("SELECT min(release_id) FROM opendata_release_campaign WHERE campaign_id = ?",
                List.of(results), r -> r.getLong(1)).orElseThrow();
        Release before = context.getBean(ReleaseRepository.class).all().stream()
                .filter(r -> r.id() == firstWithTable).findFirst().orElseThrow();
        redated = RedatedRelease.as(sql, before, ResultsDataset.OFFICIAL_TOTALS);
        String resultsFolder = "/opendata/" + context.getBean(OpenDataSettings.class).publisherInn() + "-noko-results-" + REGION + "/";
        String indicatorsFolder = "/opendata/" + context.getBean(OpenDataSettings.class).publisherInn() + "-noko-indicators/";
        String oldResultsPath = resultsFolder + "data-" + before.version() + "-structure-" + ResultsDataset.OFFICIAL_TOTALS + ".csv";
        String oldIndicatorsPath = indicatorsFolder + "data-" + before.version() + "-structure-" + Dataset.FIRST_STRUCTURE + ".csv";
        byte[] oldResults = bytes(oldResultsPath);
        byte[] oldIndicators = bytes(oldIndicatorsPath);

        job = admin.uploadAndWait(rawCampaign, raw.toString().getBytes(StandardCharsets.UTF_8), "text/csv", null);
        assertEquals(0, job.get("errors_count").asInt(), job.toString());
        assertEquals("raw_inputs", job.at("/detected/level").asText());
        List<JsonNode> indicatorWarnings = Rows.list(job.get("warnings")).stream()
                .filter(w -> w.get("code").asText().equals("indicator_mismatch")).toList();
        assertEquals(1, indicatorWarnings.size(), job.get("warnings").toString());
        assertEquals(2, indicatorWarnings.get(0).get("row").asInt());
        assertEquals("i1_3", indicatorWarnings.get(0).get("column").asText());
        assertEquals(200, admin.publish(rawCampaign).code());

        published = byInn(Json.parse(api.get("/api/v1/campaigns/" + rawCampaign + "/results").body()));
        JsonNode givenRow = published.get(official);
        assertEquals(85.0, givenRow.get("i1_3").asDouble(), 0.0, "the file's value is official");
        assertEquals(80.0, givenRow.get("i1_3_computed").asDouble(), 1e-9, "ours beside it");
        assertEquals(List.of("1.3"), strings(givenRow.get("indicator_mismatches")));
        JsonNode computedRow = published.get(computed);
        for (String code : INDICATORS) {
            String field = "i" + code.replace('.', '_');
            if (code.equals("3.3")) {
                assertFalse(computedRow.has(field), "excluded by the zero-denominator rule: " + computedRow);
                continue;
            }
            assertEquals(computedRow.get(field + "_computed").asDouble(), computedRow.get(field).asDouble(), 0.0,
                    field + ": without a given value our computation is the value");
        }
        assertEquals(80.0, computedRow.get("i1_3").asDouble(), 1e-9);
        assertEquals(0, computedRow.get("indicator_mismatches").size());
        assertEquals(List.of("3.3"), strings(computedRow.get("zero_rule_indicators")));

        // CSV of the results and the organization's history carry the same
        Csv.Table csv = Csv.parse(api.get("/api/v1/campaigns/" + rawCampaign + "/results?format=csv").body());
        Map<String, String> csvRow = csv.rows().stream().filter(r -> r.get("inn").equals(official)).findFirst().orElseThrow();
        assertEquals(85.0, Double.parseDouble(csvRow.get("i1_3")), 0.0);
        assertEquals(80.0, Double.parseDouble(csvRow.get("i1_3_computed")), 1e-9);
        assertEquals("1.3", csvRow.get("indicator_mismatches"));
        Csv.Table ratings = Csv.parse(api.get("/api/v1/ratings?region=" + REGION + "&year=2024&type=school&format=csv").body());
        assertEquals("3.3", ratings.rows().stream().filter(r -> r.get("inn").equals(computed)).findFirst().orElseThrow()
                .get("zero_rule_indicators"));
        long givenId = givenRow.get("organization_id").asLong();
        JsonNode history = Json.parse(api.get("/api/v1/organizations/" + givenId + "/results").body()).get("data").get(0);
        assertEquals(85.0, history.get("i1_3").asDouble(), 0.0);
        assertEquals(80.0, history.get("i1_3_computed").asDouble(), 1e-9);
        assertEquals(List.of("1.3"), strings(history.get("indicator_mismatches")));

        // open data: the newest versions have the new structure and columns
        Map<String, String> resultsPassport = passport(resultsFolder);
        String newest = resultsPassport.keySet().stream().filter(k -> k.startsWith("data-")).findFirst().orElseThrow();
        assertTrue(newest.endsWith("-structure-" + ResultsDataset.ZERO_RULE), newest);
        Csv.Table data = Csv.parse(api.get(URI.create(resultsPassport.get(newest)).getRawPath()).body());
        assertEquals("zero_rule_indicators", data.header().get(data.header().size() - 1));
        assertEquals("3.3", data.rows().stream().filter(r -> r.get("inn").equals(computed)).findFirst().orElseThrow()
                .get("zero_rule_indicators"));
        assertEquals("", data.rows().stream().filter(r -> r.get("inn").equals(official)).findFirst().orElseThrow()
                .get("zero_rule_indicators"));
        Csv.Table structure = Csv.parse(api.get(resultsFolder + "structure-" + ResultsDataset.ZERO_RULE + ".csv").body());
        assertEquals(data.header(), structure.rows().stream().map(r -> r.get("field name")).toList());

        Map<String, String> indicatorsPassport = passport(indicatorsFolder);
        newest = indicatorsPassport.keySet().stream().filter(k -> k.startsWith("data-")).findFirst().orElseThrow();
        assertTrue(newest.endsWith("-structure-" + IndicatorsDataset.RECOMPUTED), newest);
        Csv.Table indicators = Csv.parse(api.get(URI.create(indicatorsPassport.get(newest)).getRawPath()).body());
        assertEquals(List.of("indicator", "value", "zero_rule_applied", "value_computed", "value_check"),
                indicators.header().subList(indicators.header().size() - 5, indicators.header().size()));
        Map<String, String> mismatch = indicatorRow(indicators, official, "1.3");
        assertEquals(85.0, Double.parseDouble(mismatch.get("value")), 0.0);
        assertEquals(80.0, Double.parseDouble(mismatch.get("value_computed")), 1e-9);
        assertEquals("mismatch", mismatch.get("value_check"));
        assertEquals("not_given", indicatorRow(indicators, computed, "1.3").get("value_check"));
        Map<String, String> excluded = indicatorRow(indicators, computed, "3.3");
        assertEquals("true", excluded.get("zero_rule_applied"));
        assertEquals("", excluded.get("value"));
        Map<String, String> fromTable = indicatorRow(indicators, lyceum, "1.1");
        assertEquals(96.5, Double.parseDouble(fromTable.get("value")), 0.0);
        assertEquals("", fromTable.get("value_computed"));
        assertEquals("not_computed", fromTable.get("value_check"));
        assertEquals(indicators.header(), Csv.parse(api.get(indicatorsFolder + "structure-" + IndicatorsDataset.RECOMPUTED + ".csv")
                .body()).rows().stream().map(r -> r.get("field name")).toList());

        // the release made before keeps its bytes and its columns
        assertArrayEquals(oldResults, bytes(oldResultsPath), "results file of the earlier release");
        assertArrayEquals(oldIndicators, bytes(oldIndicatorsPath), "indicators file of the earlier release");
        assertFalse(Csv.parse(new String(oldResults, StandardCharsets.UTF_8)).header().contains("zero_rule_indicators"));
        assertEquals(List.of("year", "region_code", "campaign_id", "revision", "organization_id", "inn", "kpp", "indicator",
                "value", "zero_rule_applied"), Csv.parse(new String(oldIndicators, StandardCharsets.UTF_8)).header());
        assertTrue(new String(oldIndicators, StandardCharsets.UTF_8).contains(lyceum), "the earlier release holds the results table");
        assertTrue(indicatorsPassport.containsKey("structure-" + Dataset.FIRST_STRUCTURE), indicatorsPassport.toString());

        // the bus.gov.ru export carries the official values
        byte[] zip = context.getBean(ru.noko.busgov.BusGovExport.class).export(rawCampaign, ru.noko.busgov.BusGovOptions.defaults()).bytes();
        String busgov = null;
        try (java.util.zip.ZipInputStream entries = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                if (entry.getName().equals("results.csv")) {
                    busgov = new String(entries.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertTrue(busgov != null, "results.csv in the export");
        boolean excel = busgov.startsWith("\uFEFF");
        Csv.Table exported = excel ? Csv.parse(busgov.substring(1), ';') : Csv.parse(busgov);
        Map<String, String> exportedRow = exported.rows().stream().filter(r -> r.get("inn").equals(official)).findFirst().orElseThrow();
        assertEquals(85.0, Double.parseDouble(exportedRow.get("i1_3").replace(',', '.')), 0.0, "the official indicator value");

        // the widget card names the indicators the zero-denominator rule decided, and says it is a choice
        String widget = api.get("/widgets/organizations/" + computedRow.get("organization_id").asLong()).body();
        assertTrue(widget.contains("<p class=\"note zero-rule\" role=\"note\">Показатель 3.3: нет ответивших, применено правило"
                + " исключения (выбор сервиса, не норма)</p>"), widget);
        assertFalse(api.get("/widgets/organizations/" + givenId).body().contains("нет ответивших"));
        String english = api.get("/widgets/organizations/" + computedRow.get("organization_id").asLong() + "?lang=en").body();
        assertTrue(english.contains("Indicator 3.3: nobody answered; the exclusion rule applied (our choice, not law)"), english);
    }

    private byte[] bytes(String path) {
        HttpResponse<String> response = api.get(path);
        assertEquals(200, response.code(), path + ": " + response.body());
        return response.body().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> indicatorRow(Csv.Table table, String inn, String code) {
        return table.rows().stream().filter(r -> r.get("inn").equals(inn) && r.get("indicator").equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no indicator " + code + " of " + inn));
    }

    private Map<String, String> passport(String folder) {
        HttpResponse<String> meta = api.get(folder + "meta.csv");
        assertEquals(200, meta.code(), meta.body());
        Map<String, String> values = new LinkedHashMap<>();
        Csv.parse(meta.body()).rows().forEach(r -> values.put(r.get("property"), r.get("value")));
        return values;
    }

    private static Map<String, JsonNode> byInn(JsonNode list) {
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        Rows.list(list.get("data")).forEach(r -> rows.put(r.get("inn").asText(), r));
        return rows;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
