package ru.noko.ratings;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ru.noko.opendata.OpenDataSettings;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.Csv;
import ru.noko.support.Json;
import ru.noko.support.Rows;
import ru.noko.support.TestCampaigns;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Methodology in time: a 2016 results table, as a region published it on the 2014 points scale
 * (order № 1547: four criteria, total their sum, up to 160), publishes under edu-2014; where the
 * organization's results meet edu-2019 results — history, comparison, statistics — the break is
 * flagged and no change is computed across it. K3, which did not exist then, is null, never 0.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MethodologyBreakTest extends AdminApiTestBase {

    private static final String REGION = "75";
    private static final Charset CP1251 = Charset.forName("windows-1251");

    @Inject
    ApplicationContext context;

    private String inn;
    private String kpp;
    private long campaign2016;
    private long organizationId;

    @BeforeAll
    void publishThreeCycles() {
        inn = TestCampaigns.newInn(REGION);
        kpp = inn.substring(0, 4) + "01001";
        String other = TestCampaigns.newInn(REGION);
        String otherKpp = other.substring(0, 4) + "01001";

        // 2016: the old scheme's four criteria by their names, points, decimal commas, the region's own total
        campaign2016 = admin.createCampaign(REGION, 2016, "НОКО школ 2016 (баллы по Приказу № 1547)", "school");
        assertEquals("edu-2014", admin.campaign(campaign2016).get("methodology").asText(),
                "without a methodology a 2016 campaign gets the one in force in 2016");
        String table2016 = "ИНН;КПП;Наименование организации;Открытость и доступность информации об организации;"
                + "Комфортность условий, в которых осуществляется образовательная деятельность;"
                + "Доброжелательность, вежливость, компетентность работников;"
                + "Удовлетворенность качеством образовательной деятельности организаций;Итоговый балл;Место в рейтинге\r\n"
                + inn + ";" + kpp + ";МБОУ «СОШ № 7»;35,5;60,2;18,0;27,5;141,2;1\r\n"
                + other + ";" + otherKpp + ";МБОУ «СОШ № 8»;30,0;50,0;15,5;20,0;115,5;2\r\n"
                + ";;;;;;;;\r\n";
        JsonNode job = admin.uploadAndWait(campaign2016, table2016.getBytes(CP1251), "text/csv", null);
        assertEquals(0, job.get("errors_count").asInt(), job.toString());
        assertEquals("results", job.at("/detected/level").asText(job.toString()), job.toString());
        assertEquals(200, admin.publish(campaign2016).code());

        // 2020 and 2021: edu-2019, five criteria in percent
        long campaign2020 = admin.createCampaign(REGION, 2020, "НОКО школ 2020", "school");
        assertEquals("edu-2019", admin.campaign(campaign2020).get("methodology").asText());
        upload(campaign2020, "80,0;70,0;50,0;90,0;85,0;75,0");
        long campaign2021 = admin.createCampaign(REGION, 2021, "НОКО школ 2021", "school");
        upload(campaign2021, "82,0;72,0;52,0;92,0;87,0;77,0");

        JsonNode ratings = Json.parse(api.get("/api/v1/ratings?region=" + REGION + "&year=2016&type=school").body());
        organizationId = Rows.list(ratings.get("data")).stream().filter(r -> r.get("inn").asText().equals(inn))
                .findFirst().orElseThrow().get("organization_id").asLong();
    }

    private void upload(long campaign, String values) {
        String file = "ИНН;КПП;Наименование организации;К1;К2;К3;К4;К5;Итоговый балл\r\n"
                + inn + ";" + kpp + ";МБОУ «СОШ № 7»;" + values + "\r\n";
        JsonNode job = admin.uploadAndWait(campaign, file.getBytes(CP1251), "text/csv", null);
        assertEquals(0, job.get("errors_count").asInt(), job.toString());
        assertEquals(200, admin.publish(campaign).code());
    }

    @Test
    void aPointsTablePublishesAsGivenWithK3AbsentNotZero() {
        JsonNode ratings = Json.parse(api.get("/api/v1/ratings?region=" + REGION + "&year=2016&type=school").body());
        JsonNode row = Rows.list(ratings.get("data")).stream().filter(r -> r.get("inn").asText().equals(inn))
                .findFirst().orElseThrow();
        assertEquals(35.5, row.get("k1").asDouble(), 0.0);
        assertEquals(60.2, row.get("k2").asDouble(), 0.0);
        assertTrue(absent(row, "k3"), "K3 did not exist in 2016: " + row);
        assertEquals(18.0, row.get("k4").asDouble(), 0.0);
        assertEquals(27.5, row.get("k5").asDouble(), 0.0);
        assertEquals(141.2, row.get("total").asDouble(), 0.0, "the official total, on the 160-point scale");
        assertEquals(141.2, row.get("total_computed").asDouble(), 1e-9, "the sum of the four criteria");
        assertEquals("match", row.get("total_check").asText());

        Map<String, String> csv = Csv.parse(api.get("/api/v1/ratings?region=" + REGION + "&year=2016&type=school&format=csv")
                .body()).rows().stream().filter(r -> r.get("inn").equals(inn)).findFirst().orElseThrow();
        assertEquals("", csv.get("k3"), "an absent criterion is an empty CSV cell, not 0");
        assertEquals("35.5", csv.get("k1"));
    }

    @Test
    void historyFlagsTheBreakAndComputesNoChangeAcrossIt() {
        JsonNode history = Json.parse(api.get("/api/v1/organizations/" + organizationId + "/results").body());
        List<JsonNode> rows = Rows.list(history.get("data"));
        assertEquals(List.of(2021, 2020, 2016), rows.stream().map(r -> r.get("year").asInt()).toList());
        JsonNode y2021 = rows.get(0);
        JsonNode y2020 = rows.get(1);
        JsonNode y2016 = rows.get(2);

        assertFalse(y2021.get("methodology_break").asBoolean(), "2020 and 2021 share edu-2019");
        assertEquals(2.0, y2021.get("change_total").asDouble(), 1e-9);
        assertEquals(2.0, y2021.get("change_k3").asDouble(), 1e-9);

        assertTrue(y2020.get("methodology_break").asBoolean(), "edu-2014 → edu-2019: " + y2020);
        assertEquals("edu-2019", y2020.get("methodology").asText());
        assertEquals("percent", y2020.get("scale").asText());
        assertEquals(2016, y2020.get("previous_year").asInt(), "the previous cycle is still named");
        for (String change : List.of("change_total", "change_k1", "change_k2", "change_k3", "change_k4", "change_k5")) {
            assertTrue(absent(y2020, change), change + " across the break: " + y2020);
        }

        assertEquals("edu-2014", y2016.get("methodology").asText());
        assertEquals("points", y2016.get("scale").asText());
        assertFalse(y2016.get("methodology_break").asBoolean(), "the first cycle has nothing to break from");
        assertTrue(absent(y2016, "k3"), y2016.toString());
        assertEquals(141.2, y2016.get("total").asDouble(), 0.0);

        Csv.Table csv = Csv.parse(api.get("/api/v1/organizations/" + organizationId + "/results?format=csv").body());
        Map<String, String> csv2020 = csv.rows().stream().filter(r -> r.get("year").equals("2020")).findFirst().orElseThrow();
        assertEquals("true", csv2020.get("methodology_break"));
        assertEquals("", csv2020.get("change_total"));
        Map<String, String> csv2016 = csv.rows().stream().filter(r -> r.get("year").equals("2016")).findFirst().orElseThrow();
        assertEquals("", csv2016.get("k3"));
    }

    @Test
    void theWidgetShowsThe2016CardOnItsOwnScaleAndNoChangeAcrossTheBreak() {
        String card2016 = api.get("/widgets/organizations/" + organizationId + "?campaign=" + campaign2016).body();
        assertTrue(card2016.contains("141,2") && card2016.contains("из 160"), "the total on the 160-point scale");
        String badge2016 = api.get("/widgets/organizations/" + organizationId + "/badge.svg?campaign=" + campaign2016).body();
        assertTrue(badge2016.contains("141,20 из 160"), badge2016);
        assertTrue(card2016.contains("из 40"), "openness up to 40 points");
        assertFalse(card2016.contains("Доступность образовательной деятельности"), "no K3 in 2016");

        JsonNode detail = Json.parse(api.get("/api/v1/organizations/" + organizationId).body());
        assertEquals(2021, detail.at("/latest_result/year").asInt());
        assertEquals(5, detail.at("/latest_result/criteria").size());
    }

    @Test
    void compareFlagsTheBreak() {
        JsonNode comparison = Json.parse(api.get("/api/v1/compare?organizations=" + organizationId).body());
        List<JsonNode> years = Rows.list(comparison.get("data"));
        assertEquals(List.of(2016, 2020, 2021), years.stream().map(y -> y.get("year").asInt()).toList());
        JsonNode e2016 = years.get(0).get("results").get(0);
        JsonNode e2020 = years.get(1).get("results").get(0);
        JsonNode e2021 = years.get(2).get("results").get(0);
        assertEquals("edu-2014", e2016.get("methodology").asText());
        assertFalse(e2016.get("methodology_break").asBoolean());
        assertTrue(absent(e2016, "k3"), e2016.toString());
        assertTrue(e2020.get("methodology_break").asBoolean(), e2020.toString());
        assertFalse(e2021.get("methodology_break").asBoolean());
    }

    @Test
    void statisticsNeverMixScales() {
        JsonNode statistics = Json.parse(api.get("/api/v1/regions/" + REGION + "/statistics?type=school").body());
        List<JsonNode> rows = Rows.list(statistics.get("data"));
        JsonNode s2016 = rows.stream().filter(r -> r.get("year").asInt() == 2016).findFirst().orElseThrow();
        assertEquals("edu-2014", s2016.get("methodology").asText());
        assertEquals("points", s2016.get("scale").asText());
        assertEquals(2, s2016.get("count").asInt());
        assertEquals((141.2 + 115.5) / 2, s2016.get("total_mean").asDouble(), 1e-9);
        assertTrue(absent(s2016, "k3_mean"), s2016.toString());
        JsonNode s2020 = rows.stream().filter(r -> r.get("year").asInt() == 2020).findFirst().orElseThrow();
        assertEquals("edu-2019", s2020.get("methodology").asText());
        assertEquals("percent", s2020.get("scale").asText());
    }

    @Test
    void aCampaignBefore2018IsRefusedWithEdu2019() {
        HttpResponse<String> refused = admin.call(HttpRequest.POST("/api/v1/admin/campaigns",
                "{\"region_code\": \"" + REGION + "\", \"year\": 2016, \"title\": \"НОКО 2016\", \"methodology\": \"edu-2019\"}")
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(400, refused.code(), refused.body());
        JsonNode problem = Json.parse(refused.body());
        JsonNode error = Rows.list(problem.get("errors")).stream()
                .filter(e -> e.get("code").asText().equals("methodology_not_for_year")).findFirst().orElseThrow();
        assertEquals("methodology", error.get("field").asText());
        assertTrue(error.get("message").asText().contains("edu-2014"), error.toString());

        HttpResponse<String> explicit2018 = admin.call(HttpRequest.POST("/api/v1/admin/campaigns",
                "{\"region_code\": \"" + REGION + "\", \"year\": 2018, \"title\": \"НОКО 2018\", \"methodology\": \"edu-2019\"}")
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, explicit2018.code(), "edu-2019 may be recorded for 2018 explicitly: " + explicit2018.body());
        HttpResponse<String> old2020 = admin.call(HttpRequest.POST("/api/v1/admin/campaigns",
                "{\"region_code\": \"" + REGION + "\", \"year\": 2020, \"title\": \"НОКО 2020\", \"methodology\": \"edu-2014\"}")
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(400, old2020.code(), old2020.body());
    }

    @Test
    void rawInputsUnderTheOldSchemeAreRefused() {
        long id = admin.createCampaign(REGION, 2017, "НОКО 2017 (исходные данные)", "school");
        String file = "ИНН;КПП;Наименование организации;respondents\r\n" + inn + ";" + kpp + ";МБОУ «СОШ № 7»;40\r\n";
        JsonNode job = admin.uploadAndWait(id, file.getBytes(CP1251), "text/csv", "level=raw_inputs");
        assertTrue(Rows.list(job.get("errors")).stream().anyMatch(e -> e.get("code").asText().equals("no_formulas")),
                job.toString());

        HttpResponse<String> calculator = api.call(HttpRequest.POST("/api/v1/calculator",
                "{\"methodology\": \"edu-2014\", \"respondents\": 40}").contentType(MediaType.APPLICATION_JSON));
        assertEquals(400, calculator.code(), calculator.body());
        assertTrue(calculator.body().contains("no_formulas"), calculator.body());
    }

    @Test
    void busGovRefusesTheOldSchemeAndOpenDataKeepsK3Empty() {
        HttpResponse<String> export = admin.call(HttpRequest.GET("/api/v1/admin/campaigns/" + campaign2016 + "/exports/busgov"));
        assertEquals(409, export.code(), export.body());
        assertTrue(Json.parse(export.body()).get("type").asText().endsWith("#methodology-not-for-bus-gov"), export.body());

        String folder = "/opendata/" + context.getBean(OpenDataSettings.class).publisherInn() + "-noko-results-" + REGION + "/";
        Map<String, String> passport = new java.util.LinkedHashMap<>();
        Csv.parse(api.get(folder + "meta.csv").body()).rows().forEach(r -> passport.put(r.get("property"), r.get("value")));
        String newest = passport.keySet().stream().filter(k -> k.startsWith("data-")).findFirst().orElseThrow();
        Csv.Table data = Csv.parse(api.get(URI.create(passport.get(newest)).getRawPath()).body());
        Map<String, String> row = data.rows().stream()
                .filter(r -> r.get("inn").equals(inn) && r.get("year").equals("2016")).findFirst().orElseThrow();
        assertEquals("", row.get("k3"));
        assertEquals("141.2", row.get("total"));
    }

    /** Null values are left out of JSON: absent or null, never 0. */
    private static boolean absent(JsonNode node, String field) {
        return node.get(field) == null || node.get(field).isNull();
    }
}
