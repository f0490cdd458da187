package ru.noko.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An answers-level upload may name the respondent group of each questionnaire (parents; students
 * from 14): each group gets its own survey indicators, computed by the same methodology over its
 * questionnaires, beside the combined values, which stay those of every questionnaire.
 */
@MicronautTest(transactional = false)
class RespondentGroupsTest extends AdminApiTestBase {

    private static final String ORGANIZATION = "5904004015";

    @Inject
    Sql sql;

    /**
     * answers-with-groups.csv is answers-with-blanks.csv (rows A–D of 5904004015, see
     * AnswersDenominatorsTest) with a group column: parents A, C; students B, D. Counted by hand
     * (campaign zero rule: exclude):
     * <pre>
     *        parents (A, C), 2 questionnaires        students (B, D), 2 questionnaires
     * 1.3    stand 1 of 1, site 2 of 2 → 100          stand 0 of 0 (left out), site 0 of 1 → 0, zero rule
     * 2.3    q5: A yes, C no → 50                      q5: D yes (B blank) → 100
     * 3.3    disability: A yes (C blank) → 100         disability: B no (D has none) → 0
     * 4.1    q8: A, C yes → 100                        q8: B no → 0
     * 4.2    q9: A, C yes → 100                        q9: D yes → 100
     * 4.3    remote: A yes → 100                       remote: B blank → 0 of 0, excluded, zero rule
     * 5.1    q12: A yes (C blank) → 100                q12: B no, D yes → 50
     * 5.2    q13: A, C yes → 100                       q13: D no → 0
     * 5.3    q14: A yes (C blank) → 100                q14: B, D yes → 100
     * </pre>
     */
    private static final Map<String, Double> PARENTS = Map.of("1.3", 100.0, "2.3", 50.0, "3.3", 100.0, "4.1", 100.0,
            "4.2", 100.0, "4.3", 100.0, "5.1", 100.0, "5.2", 100.0, "5.3", 100.0);
    private static final Map<String, Double> STUDENTS = new HashMap<>(Map.of("1.3", 0.0, "2.3", 100.0, "3.3", 0.0,
            "4.1", 0.0, "4.2", 100.0, "5.1", 50.0, "5.2", 0.0, "5.3", 100.0));

    static {
        STUDENTS.put("4.3", null);
    }

    @Test
    void eachGroupGetsItsSurveyIndicatorsBesideTheUnchangedCombinedValues() {
        long id = admin.createCampaign("59", 2043, "НОКО доп. образования (тест групп респондентов)", "additional");
        try {
            JsonNode checklist = admin.uploadAndWait(id, Admin.fixture("expert-checklist.csv"), "text/csv", "level=expert");
            assertEquals(0, checklist.get("errors_count").asInt(), checklist.toString());
            JsonNode grouped = admin.uploadAndWait(id, Admin.fixture("answers-with-groups.csv"), "text/csv", null);
            assertEquals(0, grouped.get("errors_count").asInt(), grouped.toString());
            assertEquals(200, admin.publish(id).code());

            JsonNode row = resultRow(id);
            JsonNode groups = row.get("groups");
            assertNotNull(groups, row.toString());
            assertEquals(2, groups.size(), groups.toString());
            assertGroup(groups.get(0), "parent", 2, PARENTS, List.of(), true);
            assertGroup(groups.get(1), "student", 2, STUDENTS, List.of("1.3", "4.3"), true);
            assertEquals(4, row.get("respondents").asInt(), "the combined row counts every questionnaire");
            Map<String, Double> combinedWithGroups = combined(row);

            long organizationId = row.get("organization_id").asLong();
            JsonNode latest = Json.parse(api.get("/api/v1/organizations/" + organizationId).body()).get("latest_result");
            assertEquals(groups, latest.get("groups"), "the organization's latest result shows the same groups");
            JsonNode history = Json.parse(api.get("/api/v1/organizations/" + organizationId + "/results").body()).get("data");
            assertEquals(groups, history.get(0).get("groups"), "so does its history");
            JsonNode other = resultRowOf(id, "5904004022");
            assertEquals(1, other.get("groups").size(), "one parent questionnaire: one group");
            assertEquals("parent", other.get("groups").get(0).get("group").asText());

            // The same questionnaires without the column, published as the next revision: the combined
            // values are the same, and the groups of the superseded revision are shown nowhere.
            JsonNode plain = admin.uploadAndWait(id, Admin.fixture("answers-with-blanks.csv"), "text/csv", null);
            assertEquals(0, plain.get("errors_count").asInt(), plain.toString());
            assertEquals(200, admin.publish(id).code());
            JsonNode after = resultRow(id);
            assertEquals(combinedWithGroups, combined(after), "combined values do not depend on the groups column");
            assertNull(after.get("groups"), after.toString());
            JsonNode latestAfter = Json.parse(api.get("/api/v1/organizations/" + organizationId).body()).get("latest_result");
            assertNull(latestAfter.get("groups"), latestAfter.toString());
            JsonNode historyAfter = Json.parse(api.get("/api/v1/organizations/" + organizationId + "/results").body());
            assertFalse(historyAfter.toString().contains("\"groups\""), historyAfter.toString());
            String csv = api.get("/api/v1/campaigns/" + id + "/results?format=csv").body();
            assertFalse(csv.contains("group"), "the CSV keeps its flat columns");
            assertEquals(3L, sql.count("SELECT count(*) FROM result_group WHERE campaign_id = ? AND revision = 1",
                    List.of(id)), "revision 1 keeps its groups (two of one organization, one of the other)");
            assertEquals(0L, sql.count("SELECT count(*) FROM result_group WHERE campaign_id = ? AND revision = 2",
                    List.of(id)));
        } finally {
            retract(id);
        }
    }

    @Test
    void anUnknownGroupIsAProblemNamingRowAndColumn() {
        long id = admin.createCampaign("59", 2044, "НОКО доп. образования (неизвестная группа)", "additional");
        try {
            admin.uploadAndWait(id, Admin.fixture("expert-checklist.csv"), "text/csv", "level=expert");
            String answers = new String(Admin.fixture("answers-with-groups.csv"), StandardCharsets.UTF_8)
                    .replace("Учащийся", "Бабушка");
            JsonNode job = admin.uploadAndWait(id, answers.getBytes(StandardCharsets.UTF_8), "text/csv", null);
            assertEquals(1, job.get("errors_count").asInt(), job.toString());
            JsonNode problem = firstError(job);
            assertEquals("invalid_respondent_group", problem.get("code").asText(), problem.toString());
            assertEquals(5, problem.get("row").asInt(), problem.toString());
            assertEquals("respondent_group", problem.get("column").asText(), problem.toString());
            assertTrue(problem.get("message").asText().contains("Бабушка"), problem.toString());
        } finally {
            sql.update("DELETE FROM import_problem WHERE job_id IN (SELECT id FROM import_job WHERE campaign_id = ?)", List.of(id));
        }
    }

    @Test
    void aKindergartenHasNoStudentQuestionnaires() {
        long id = admin.createCampaign("59", 2045, "НОКО дошкольных (анкеты обучающихся)", "preschool");
        String checklist = new String(Admin.fixture("expert-checklist.csv"), StandardCharsets.UTF_8)
                .replace("дополнительного образования", "дошкольная");
        JsonNode expert = admin.uploadAndWait(id, checklist.getBytes(StandardCharsets.UTF_8), "text/csv", "level=expert");
        assertEquals(0, expert.get("errors_count").asInt(), expert.toString());
        JsonNode job = admin.uploadAndWait(id, Admin.fixture("answers-with-groups.csv"), "text/csv", null);
        List<String> codes = new java.util.ArrayList<>();
        List<Integer> rows = new java.util.ArrayList<>();
        errors(job).forEach(e -> {
            codes.add(e.get("code").asText());
            rows.add(e.get("row").asInt());
        });
        assertEquals(List.of("student_in_preschool", "student_in_preschool"), codes, job.toString());
        assertEquals(List.of(3, 5), rows, "the rows of the two student questionnaires");
    }

    private void assertGroup(JsonNode group, String name, int respondents, Map<String, Double> expected,
                             List<String> zeroRule, boolean checkZeroRule) {
        assertEquals(name, group.get("group").asText(), group.toString());
        assertEquals(respondents, group.get("respondents").asInt(), group.toString());
        JsonNode indicators = group.get("indicators");
        assertEquals(expected.size(), indicators.size(), "the survey indicators of the catalogue: " + indicators);
        for (JsonNode indicator : indicators) {
            String code = indicator.get("code").asText();
            assertTrue(expected.containsKey(code), code);
            Double value = expected.get(code);
            JsonNode actual = indicator.get("value");
            if (value == null) {
                assertTrue(actual == null || actual.isNull(), indicator.toString());
            } else {
                assertEquals(value, actual.asDouble(), 1e-9, name + " " + code);
            }
            if (checkZeroRule) {
                assertEquals(zeroRule.contains(code), indicator.path("zero_rule_applied").asBoolean(false),
                        name + " " + code + " " + indicator);
            }
        }
    }

    private JsonNode resultRow(long id) {
        return resultRowOf(id, ORGANIZATION);
    }

    private JsonNode resultRowOf(long id, String inn) {
        JsonNode data = Json.parse(api.get("/api/v1/campaigns/" + id + "/results").body()).get("data");
        for (JsonNode row : data) {
            if (row.get("inn").asText().equals(inn)) {
                return row;
            }
        }
        throw new AssertionError("no row of " + inn + " in " + data);
    }

    /** Every number of the combined row but the groups. */
    private static Map<String, Double> combined(JsonNode row) {
        Map<String, Double> values = new HashMap<>();
        row.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber() && !e.getKey().equals("organization_id")) {
                values.put(e.getKey(), e.getValue().asDouble());
            }
        });
        return values;
    }

    private JsonNode firstError(JsonNode job) {
        return errors(job).get(0);
    }

    private List<JsonNode> errors(JsonNode job) {
        List<JsonNode> errors = new java.util.ArrayList<>();
        job.path("errors").forEach(errors::add);
        return errors;
    }

    private void retract(long id) {
        // Other tests count the published campaigns of region 59: leave none behind.
        admin.call(HttpRequest.POST("/api/v1/admin/campaigns/" + id + "/retract",
                "{\"reason\": \"Тестовая кампания\"}").contentType(MediaType.APPLICATION_JSON));
    }
}
