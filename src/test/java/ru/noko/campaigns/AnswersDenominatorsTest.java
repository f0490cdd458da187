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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A blank answer is not an answer: every survey indicator of an answers-level upload divides by the
 * respondents who answered its question (the federal parameter table: «по отношению к числу
 * опрошенных получателей услуг, ответивших на соответствующий вопрос анкеты»), while
 * {@code respondents} stays the number of questionnaires.
 */
@MicronautTest(transactional = false)
class AnswersDenominatorsTest extends AdminApiTestBase {

    private static final String ORGANIZATION = "5904004015";

    @Inject
    Sql sql;

    /**
     * Four questionnaires of 5904004015 (answers-with-blanks.csv, rows A–D), counted by hand:
     * <pre>
     * 1.3  stand: A rated it (B used it, left q2 blank) → 1 of 1; site: A, B, C rated it, A and C yes → 2 of 3
     *      0.5 × (1 + 2/3) × 100 = 83.333…
     * 2.3  q5 answered by A, C, D (B blank), yes A, D        → 2 of 3 = 66.666… (not 2 of 4 = 50)
     * 3.3  disability and q7 answered: A, B (C blank), yes A → 1 of 2 = 50
     * 4.1  q8 answered by A, B, C, yes A, C                   → 2 of 3
     * 4.2  q9 answered by A, C, D, all yes                    → 3 of 3 = 100
     * 4.3  remote and q11 answered: A (B blank), yes A       → 1 of 1 = 100
     * 5.1  q12 answered by A, B, D, yes A, D                  → 2 of 3
     * 5.2  q13 answered by A, C, D, yes A, C                  → 2 of 3
     * 5.3  q14 answered by A, B, D, all yes                   → 3 of 3 = 100
     * </pre>
     */
    @Test
    void eachSurveyIndicatorDividesByThoseWhoAnsweredItsQuestion() {
        long id = admin.createCampaign("59", 2041, "НОКО доп. образования (тест пустых ответов)", "additional");
        JsonNode checklist = admin.uploadAndWait(id, Admin.fixture("expert-checklist.csv"), "text/csv", "level=expert");
        assertEquals(0, checklist.get("errors_count").asInt(), checklist.toString());
        JsonNode job = admin.uploadAndWait(id, Admin.fixture("answers-with-blanks.csv"), "text/csv", null);
        assertEquals(0, job.get("errors_count").asInt(), job.toString());
        assertEquals(200, admin.publish(id).code());
        try {
            assertHandComputedDenominators(id);
        } finally {
            // Other tests count the published campaigns of region 59: leave none behind.
            assertEquals(200, admin.call(HttpRequest.POST("/api/v1/admin/campaigns/" + id + "/retract",
                    "{\"reason\": \"Тестовая кампания\"}").contentType(MediaType.APPLICATION_JSON)).code());
        }
    }

    private void assertHandComputedDenominators(long id) {
        Map<String, Long> inputs = new HashMap<>();
        sql.list("""
                SELECT ri.inputs::text FROM raw_input ri JOIN organization o ON o.id = ri.organization_id
                WHERE ri.campaign_id = ? AND o.inn = ?""", List.of(id, ORGANIZATION), row -> row.getString(1))
                .forEach(text -> Json.parse(text).fields().forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().asLong())));
        assertEquals(4L, inputs.get("respondents"), "respondents stays the number of questionnaires");
        assertEquals(1L, inputs.get("used_stand"));
        assertEquals(3L, inputs.get("used_site"));
        assertEquals(3L, inputs.get("answered_comfort"));
        assertEquals(2L, inputs.get("respondents_disabled"));
        assertEquals(3L, inputs.get("answered_first_contact"));
        assertEquals(3L, inputs.get("answered_service_staff"));
        assertEquals(1L, inputs.get("used_remote"));
        assertEquals(3L, inputs.get("answered_recommend"));
        assertEquals(3L, inputs.get("answered_schedule"));
        assertEquals(3L, inputs.get("answered_overall"));

        Map<String, Double> expected = Map.of("1.3", 250.0 / 3, "2.3", 200.0 / 3, "3.3", 50.0, "4.1", 200.0 / 3,
                "4.2", 100.0, "4.3", 100.0, "5.1", 200.0 / 3, "5.2", 200.0 / 3, "5.3", 100.0);
        Map<String, Double> stored = new HashMap<>();
        sql.list("""
                SELECT iv.indicator_code, iv.value FROM indicator_value iv JOIN organization o ON o.id = iv.organization_id
                WHERE iv.campaign_id = ? AND o.inn = ?""", List.of(id, ORGANIZATION),
                row -> Map.entry(row.getString(1), row.getDouble(2))).forEach(e -> stored.put(e.getKey(), e.getValue()));
        expected.forEach((code, value) -> assertEquals(value, stored.get(code), 1e-9, code));
    }
}
