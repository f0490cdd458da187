package ru.noko.busgov;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanSettingsTest {

    @Test
    void blankValuesCountAsMissingAndTheCampaignFillsCouncilAndPeriod() {
        PlanSettings given = new PlanSettings("  ", null, " Минобр ", "", null, null, null, null, null, null);
        assertNull(given.socialCouncil());
        assertEquals("Минобр", given.approvedBy());
        PlanSettings filled = given.withCampaignDefaults(Samples.campaign());
        assertEquals("Протокол № 5 от 12.12.2024", filled.socialCouncil());
        assertEquals(2025, filled.planPeriod());
        assertEquals(List.of("approver_last_name (LAST_NAME) — фамилия утверждающего",
                "approver_first_name (FIRST_NAME) — имя утверждающего",
                "approver_middle_name (MIDDLE_NAME) — отчество утверждающего",
                "approve_date (APPROVE_DATE) — дата утверждения",
                "plan_date (PLAN_DATE) — плановый срок реализации мероприятий",
                "responsible_name (FIO) — ФИО ответственного за мероприятия",
                "responsible_position (POSITION) — должность ответственного"), filled.missing());
        assertEquals(2030, new PlanSettings(null, 2030, null, null, null, null, null, null, null, null)
                .withCampaignDefaults(Samples.campaign()).planPeriod(), "a given period wins");
        assertEquals(List.of(), BusGovExportTest.FULL_PLAN.withCampaignDefaults(Samples.campaign()).missing());
    }

    @Test
    void valuesTooLongForTheOfficialSchemaAreInvalid() {
        PlanSettings settings = new PlanSettings(null, 1999, null, "Ф".repeat(101), null, null,
                LocalDate.of(2026, 1, 1), null, "И".repeat(500), null);
        List<PlanSettings.Problem> problems = settings.invalid();
        assertEquals(List.of("approver_last_name", "plan_period"), problems.stream().map(PlanSettings.Problem::parameter).toList());
        assertTrue(problems.get(0).message().contains("100"));
    }
}
