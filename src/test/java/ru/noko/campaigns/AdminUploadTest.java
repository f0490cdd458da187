package ru.noko.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import ru.noko.platform.database.Sql;
import ru.noko.support.Admin;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.Json;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Operators' real files: encodings, delimiters, decimal commas, Russian headers, every level, the report. */
@MicronautTest(transactional = false)
class AdminUploadTest extends AdminApiTestBase {

    @Inject
    Sql sql;

    @Test
    void windows1251SemicolonResultsTableWithDecimalCommasIsPublishedWithNamesIntact() {
        long id = admin.createCampaign("59", 2022, "НОКО школ Пермского края 2022 (тест cp1251)", "school");
        JsonNode job = admin.uploadAndWait(id, Admin.fixture("results-cp1251-semicolon.csv"), "text/csv",
                "source_name=" + java.net.URLEncoder.encode("итоги.csv", StandardCharsets.UTF_8));
        assertEquals("succeeded", job.get("status").asText(), job.toString());
        assertEquals(0, job.get("errors_count").asInt(), job.toString());
        JsonNode detected = job.get("detected");
        assertEquals("windows-1251", detected.get("encoding").asText());
        assertEquals(";", detected.get("delimiter").asText());
        assertEquals(",", detected.get("decimal_separator").asText());
        assertEquals("results", detected.get("level").asText());
        assertTrue(detected.get("level_detected").asBoolean());
        Map<String, String> mapping = new HashMap<>();
        detected.get("columns").forEach(c -> mapping.put(c.get("header").asText(), c.path("field").asText(null)));
        assertEquals("inn", mapping.get("ИНН"));
        assertEquals("name", mapping.get("Наименование организации"));
        assertEquals("k1", mapping.get("К1"));
        assertEquals("total", mapping.get("Итоговый балл"));
        assertEquals("place_region", mapping.get("Место в рейтинге"));
        assertEquals(4, job.get("rows_total").asInt(), "blank trailing rows are not rows");
        assertEquals(4, job.get("organizations").asInt());
        // the golden case: 100/99/82/99/98 published with 95.36 — kept, flagged
        JsonNode mismatch = find(job.get("warnings"), "total_mismatch");
        assertNotNull(mismatch, job.get("warnings").toString());
        assertEquals(3, mismatch.get("row").asInt());
        assertEquals("total", mismatch.get("column").asText());
        assertTrue(mismatch.get("message").asText().contains("от среднего пяти критериев 95,60 больше чем на 0,01"),
                "Russian text, decimal comma throughout: " + mismatch.get("message").asText());
        assertEquals(1, count(job.get("warnings"), "total_mismatch"), "75.18 matches the mean of 82.4/74.5/43/92.8/83.2");

        JsonNode draft = admin.campaign(id);
        assertTrue(draft.get("publishable").asBoolean());
        assertEquals(4, draft.get("preview").size());
        assertEquals(404, api.get("/api/v1/campaigns/" + id + "/revisions").code(), "drafts are not public");

        HttpResponse<String> published = admin.publish(id);
        assertEquals(200, published.code(), published.body());
        assertEquals("published", Json.parse(published.body()).get("status").asText());
        assertEquals(1, Json.parse(published.body()).get("published_revision").asInt());

        List<Map<String, Object>> rows = sql.list("""
                SELECT o.inn, r.name, r.k1, r.k2, r.total, r.published_total, r.place_region, r.total_computed, r.total_check
                FROM result r JOIN organization o ON o.id = r.organization_id
                WHERE r.campaign_id = ? AND r.revision = 1 ORDER BY r.place_region""", List.of(id), row -> Map.of(
                "inn", row.getString(1), "name", row.getString(2), "k1", row.getDouble(3), "k2", row.getDouble(4),
                "total", row.getDouble(5), "published_total", row.getDouble(6), "place", row.getInt(7),
                "total_computed", row.getDouble(8), "total_check", row.getString(9)));
        assertEquals(4, rows.size(), "exactly the rows of the file");
        assertEquals("МБОУ «СОШ № 2» им. А.С. Пушкина", rows.get(0).get("name"));
        assertEquals(95.36, (double) rows.get(0).get("total"), 1e-9, "the official total is the one published");
        assertEquals(95.36, (double) rows.get(0).get("published_total"), 1e-9, "the published total is kept");
        assertEquals(95.6, (double) rows.get(0).get("total_computed"), 1e-9, "our mean of the criteria stands beside it");
        assertEquals("mismatch", rows.get(0).get("total_check"));
        assertEquals("match", rows.get(2).get("total_check"), "75.18 is the mean of 82.4/74.5/43/92.8/83.2");
        assertEquals(1, rows.get(0).get("place"));
        assertEquals("МБОУ \"ООШ \"Берёзка\"\"", rows.get(1).get("name"));
        assertEquals(88.25, (double) rows.get(1).get("k2"), 1e-9);
        assertEquals("МАОУ \"Гимназия № 1; г. Пермь\"", rows.get(2).get("name"));
        assertEquals(82.4, (double) rows.get(2).get("k1"), 1e-9);
        assertEquals("Школа № 4", rows.get(3).get("name"));

        JsonNode organization = Json.parse(api.get("/api/v1/organizations?inn=5901001023").body()).at("/data/0");
        assertEquals("МБОУ «СОШ № 2» им. А.С. Пушкина", organization.get("name").asText());
        assertEquals("59", organization.get("region_code").asText());
        JsonNode detail = Json.parse(api.get("/api/v1/organizations/" + organization.get("id").asLong()).body());
        assertEquals(id, detail.at("/latest_result/campaign_id").asLong());
    }

    @Test
    void utf8WithBomRawInputsAreComputedLikeTheCalculator() {
        long id = admin.createCampaign("59", 2021, "НОКО детских садов 2021 (тест UTF-8 BOM)", "preschool");
        JsonNode job = admin.uploadAndWait(id, Admin.fixture("raw-inputs-utf8-bom.csv"), "text/csv", null);
        assertEquals(0, job.get("errors_count").asInt(), job.toString());
        assertEquals("UTF-8", job.at("/detected/encoding").asText());
        assertTrue(job.at("/detected/bom").asBoolean());
        assertEquals(",", job.at("/detected/delimiter").asText());
        assertEquals("raw_inputs", job.at("/detected/level").asText());
        assertEquals(3, job.get("organizations").asInt());
        assertNotNull(find(job.get("warnings"), "sample_too_small"), "250 of 1000 recipients is below 40 %");
        assertEquals(200, admin.publish(id).code());

        JsonNode calculated = Json.parse(api.call(HttpRequest.POST("/api/v1/calculator", """
                {"stand_items_present": 18, "stand_items_required": 20, "site_items_present": 40, "site_items_required": 44,
                 "remote_channels": 4, "comfort_conditions": 5, "disability_premises_conditions": 3,
                 "disability_service_conditions": 4, "recipients": 800, "respondents": 412,
                 "used_stand": 300, "satisfied_stand": 290, "used_site": 350, "satisfied_site": 331,
                 "satisfied_comfort": 380, "respondents_disabled": 12, "satisfied_accessibility": 9,
                 "satisfied_first_contact": 401, "satisfied_service_staff": 405, "used_remote": 210,
                 "satisfied_remote": 199, "would_recommend": 380, "satisfied_schedule": 392, "satisfied_overall": 389}""")
                .contentType(MediaType.APPLICATION_JSON)).body());
        double total = sql.one("""
                SELECT r.total FROM result r JOIN organization o ON o.id = r.organization_id
                WHERE r.campaign_id = ? AND o.inn = '5902002012'""", List.of(id), row -> row.getDouble(1)).orElseThrow();
        assertEquals(calculated.get("total").asDouble(), total, 1e-12);
        assertEquals("Детский сад № 1 \"Ёлочка\", г. Пермь", sql.one("SELECT name FROM organization WHERE inn = '5902002012'",
                List.of(), row -> row.getString(1)).orElseThrow());
        // indicator values and raw inputs stay readable row-wise through the compatibility views
        assertEquals(42L, sql.count("SELECT count(*) FROM indicator_value WHERE campaign_id = ?", List.of(id)));
        double i13 = sql.one("""
                SELECT iv.value FROM indicator_value iv JOIN organization o ON o.id = iv.organization_id
                WHERE iv.campaign_id = ? AND o.inn = '5902002012' AND iv.indicator_code = '1.3'""", List.of(id),
                row -> row.getDouble(1)).orElseThrow();
        assertEquals(value(calculated.get("indicators"), "1.3"), i13, 1e-12);
        assertEquals(412L, sql.count("""
                SELECT (ri.inputs ->> 'respondents')::bigint FROM raw_input ri JOIN organization o ON o.id = ri.organization_id
                WHERE ri.campaign_id = ? AND o.inn = '5902002012'""", List.of(id)));
        // org 3: nobody with a disability, nobody used remote channels → the exclude rule, recorded
        assertEquals(2L, sql.count("""
                SELECT count(*) FROM indicator_value iv JOIN organization o ON o.id = iv.organization_id
                WHERE iv.campaign_id = ? AND o.inn = '5902002037' AND iv.zero_rule_applied""", List.of(id)));
    }

    @Test
    void fileWithSeveralBadRowsGetsOneReportNamingEveryRowAndColumnAndCannotBePublished() {
        long id = admin.createCampaign("59", 2020, "НОКО школ 2020 (тест ошибок)", "school");
        long organizationsBefore = sql.count("SELECT count(*) FROM organization", List.of());
        JsonNode job = admin.uploadAndWait(id, Admin.fixture("raw-inputs-bad-rows.csv"), "text/csv", "level=raw_inputs");
        assertEquals("succeeded", job.get("status").asText(), "the job ran; its report has the errors");
        Set<String> cells = new HashSet<>();
        job.get("errors").forEach(e -> cells.add(e.get("row").asInt() + ":" + e.get("column").asText()));
        assertEquals(Set.of("3:inn", "4:would_recommend", "5:satisfied_stand", "6:inn", "7:respondents"), cells,
                job.get("errors").toString());
        job.get("errors").forEach(e -> {
            assertFalse(e.get("message").asText().isBlank());
            assertTrue(e.get("message").asText().matches(".*[А-Яа-я].*"), "messages are Russian: " + e);
        });
        assertEquals("много", find(job.get("errors"), "not_a_number").get("value").asText());
        assertEquals(5, job.get("errors_count").asInt());
        assertEquals(0, job.get("organizations").asInt());
        assertEquals(0L, sql.count("SELECT count(*) FROM staged_result WHERE job_id = ?", List.of(job.get("id").asLong())),
                "nothing of a file with errors is kept");
        assertEquals(organizationsBefore, sql.count("SELECT count(*) FROM organization", List.of()));

        assertFalse(admin.campaign(id).get("publishable").asBoolean());
        HttpResponse<String> refused = admin.publish(id);
        assertEquals(422, refused.code(), refused.body());
        assertTrue(refused.getContentType().orElseThrow().toString().startsWith("application/problem+json"));
        assertEquals(5, Json.parse(refused.body()).get("errors").size());
        assertEquals("draft", admin.campaign(id).get("status").asText());
        assertEquals(0L, sql.count("SELECT count(*) FROM campaign_revision WHERE campaign_id = ?", List.of(id)));
    }

    @Test
    void missingColumnsAreReportedOnceOnTheHeaderRow() {
        long id = admin.createCampaign("59", 2020, "НОКО (тест столбцов)", "school");
        String csv = "ИНН;КПП;Наименование;К1;К2;К3\n5901001016;590101001;Школа;1;2;3\n";
        JsonNode job = admin.uploadAndWait(id, csv.getBytes(StandardCharsets.UTF_8), "text/csv", "level=results");
        Set<String> missing = new HashSet<>();
        job.get("errors").forEach(e -> {
            assertEquals("missing_column", e.get("code").asText());
            assertEquals(1, e.get("row").asInt());
            missing.add(e.get("column").asText());
        });
        assertEquals(Set.of("k4", "k5"), missing);
    }

    @Test
    void dryRunReportsWithoutKeepingAnything() {
        long id = admin.createCampaign("59", 2019, "НОКО (тест проверки без загрузки)", "preschool");
        JsonNode job = admin.uploadAndWait(id, Admin.fixture("raw-inputs-utf8-bom.csv"), "text/csv", "dry_run=true");
        assertTrue(job.get("dry_run").asBoolean());
        assertEquals(0, job.get("errors_count").asInt());
        assertEquals(0L, sql.count("SELECT count(*) FROM staged_result WHERE job_id = ?", List.of(job.get("id").asLong())));
        assertEquals(409, admin.publish(id).code(), "a dry run is nothing to publish");
    }

    @Test
    void jsonResultsTableIsAccepted() {
        long id = admin.createCampaign("59", 2058, "НОКО (тест JSON)", "school");
        String json = """
                [{"inn": "5901001016", "kpp": "590101001", "name": "Школа JSON", "k1": 82.4, "k2": 74.5, "k3": 43,
                  "k4": 92.8, "k5": 83.2, "total": 75.18},
                 {"ИНН": "5901001023", "КПП": "590101001", "Наименование": "Школа JSON 2", "К1": "100", "К2": "99",
                  "К3": "82", "К4": "99", "К5": "98", "Итоговый балл": "95,36"}]""";
        JsonNode job = admin.uploadAndWait(id, json.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON, null);
        assertEquals(0, job.get("errors_count").asInt(), job.toString());
        assertEquals("json", job.at("/detected/format").asText());
        assertEquals(2, job.get("organizations").asInt());
        assertEquals(1, count(job.get("warnings"), "total_mismatch"));

        HttpResponse<String> notATable = admin.upload(id, "{\"inn\": 1}".getBytes(StandardCharsets.UTF_8),
                MediaType.APPLICATION_JSON, null);
        JsonNode failed = notATable.code() == 200 ? Json.parse(notATable.body())
                : admin.waitFor(Json.parse(notATable.body()).get("id").asLong());
        assertEquals("failed", failed.get("status").asText());
        assertTrue(failed.get("failure").asText().contains("массивом"));
    }

    @Test
    void respondentAnswersAreCountedPerOrganizationAndJoinedWithTheExpertChecklist() {
        long id = admin.createCampaign("59", 2024, "НОКО доп. образования 2024 (тест анкет)", "additional");
        JsonNode answersFirst = admin.uploadAndWait(id, Admin.fixture("answers.csv"), "text/csv", null);
        assertEquals("answers", answersFirst.at("/detected/level").asText());
        assertNotNull(find(answersFirst.get("errors"), "no_checklist"));

        JsonNode checklist = admin.uploadAndWait(id, Admin.fixture("expert-checklist.csv"), "text/csv", "level=expert");
        assertEquals(0, checklist.get("errors_count").asInt(), checklist.toString());
        assertEquals(2, checklist.get("organizations").asInt());
        assertFalse(admin.campaign(id).get("publishable").asBoolean(), "a checklist alone is not publishable");

        JsonNode job = admin.uploadAndWait(id, Admin.fixture("answers.csv"), "text/csv", null);
        assertEquals(0, job.get("errors_count").asInt(), job.toString());
        assertEquals(16, job.get("rows_total").asInt());
        assertEquals(2, job.get("organizations").asInt());
        assertEquals(200, admin.publish(id).code());
        assertEquals(10L, sql.count("""
                SELECT r.respondents FROM result r JOIN organization o ON o.id = r.organization_id
                WHERE r.campaign_id = ? AND o.inn = '5904004015'""", List.of(id)));
        assertEquals("additional", sql.one("SELECT type FROM organization WHERE inn = '5904004022'", List.of(),
                row -> row.getString(1)).orElseThrow(), "«дополнительного образования» is type additional");
        // the counts come from the answers: recompute one organization with the calculator
        Map<String, Long> inputs = new HashMap<>();
        sql.list("""
                SELECT ri.inputs::text FROM raw_input ri JOIN organization o ON o.id = ri.organization_id
                WHERE ri.campaign_id = ? AND o.inn = '5904004015'""", List.of(id), row -> row.getString(1))
                .forEach(text -> Json.parse(text).fields().forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().asLong())));
        assertEquals(20L, inputs.get("recipients"));
        assertEquals(1L, inputs.get("respondents_disabled"));
        String body = inputs.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
        JsonNode calculated = Json.parse(api.call(HttpRequest.POST("/api/v1/calculator", body)
                .contentType(MediaType.APPLICATION_JSON)).body());
        double total = sql.one("""
                SELECT r.total FROM result r JOIN organization o ON o.id = r.organization_id
                WHERE r.campaign_id = ? AND o.inn = '5904004015'""", List.of(id), row -> row.getDouble(1)).orElseThrow();
        assertEquals(calculated.get("total").asDouble(), total, 1e-12);
    }

    static JsonNode find(JsonNode problems, String code) {
        for (JsonNode problem : problems) {
            if (code.equals(problem.path("code").asText())) {
                return problem;
            }
        }
        return null;
    }

    static int count(JsonNode problems, String code) {
        int n = 0;
        for (JsonNode problem : problems) {
            if (code.equals(problem.path("code").asText())) {
                n++;
            }
        }
        return n;
    }

    private static double value(JsonNode values, String code) {
        for (JsonNode value : values) {
            if (code.equals(value.get("code").asText())) {
                return value.get("value").asDouble();
            }
        }
        throw new AssertionError("no " + code);
    }
}
