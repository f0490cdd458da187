package ru.noko.methodology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The golden cases of METHODOLOGY.md §7. */
class GoldenCasesTest {

    private final RatingCalculator calculator = new RatingCalculator();

    @Test
    void publishedCriteriaOfSchool62GiveTotal7518() {
        double total = TotalCheck.meanOfCriteria(82.4, 74.5, 43, 92.8, 83.2);
        assertEquals(75.18, total, 0.01);
        assertFalse(TotalCheck.of(75.18, 82.4, 74.5, 43, 92.8, 83.2).mismatch());
    }

    /**
     * Raw inputs chosen so that the calculator reproduces those published criteria:
     * K1 = 0.3×100 (10/10, 45/45) + 0.3×90 (3 channels) + 0.4×0.5×(60/100 + 67/100)×100 = 30 + 27 + 25.4 = 82.4;
     * K2 = 0.5×60 (3 conditions) + 0.5×445/500×100 = 30 + 44.5 = 74.5;
     * K3 = 0.3×40 + 0.4×40 + 0.3×5/10×100 = 12 + 16 + 15 = 43;
     * K4 = 0.4×475/500×100 + 0.4×460/500×100 + 0.2×45/50×100 = 38 + 36.8 + 18 = 92.8;
     * K5 = 0.3×440/500×100 + 0.2×375/500×100 + 0.5×418/500×100 = 26.4 + 15 + 41.8 = 83.2.
     */
    @Test
    void rawInputsReproducingSchool62GiveTotal7518() {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("stand_items_present", 10L);
        values.put("stand_items_required", 10L);
        values.put("site_items_present", 45L);
        values.put("site_items_required", 45L);
        values.put("remote_channels", 3L);
        values.put("comfort_conditions", 3L);
        values.put("disability_premises_conditions", 2L);
        values.put("disability_service_conditions", 2L);
        values.put("respondents", 500L);
        values.put("used_stand", 100L);
        values.put("satisfied_stand", 60L);
        values.put("used_site", 100L);
        values.put("satisfied_site", 67L);
        values.put("satisfied_comfort", 445L);
        values.put("respondents_disabled", 10L);
        values.put("satisfied_accessibility", 5L);
        values.put("satisfied_first_contact", 475L);
        values.put("satisfied_service_staff", 460L);
        values.put("used_remote", 50L);
        values.put("satisfied_remote", 45L);
        values.put("would_recommend", 440L);
        values.put("satisfied_schedule", 375L);
        values.put("satisfied_overall", 418L);

        Assessment assessment = calculator.calculate(Fixtures.EDU, new RawInputs(values),
                CalculationSettings.defaults(Fixtures.EDU));

        assertEquals(82.4, assessment.criteria().get("K1"), 1e-9);
        assertEquals(74.5, assessment.criteria().get("K2"), 1e-9);
        assertEquals(43.0, assessment.criteria().get("K3"), 1e-9);
        assertEquals(92.8, assessment.criteria().get("K4"), 1e-9);
        assertEquals(83.2, assessment.criteria().get("K5"), 1e-9);
        assertEquals(75.18, assessment.total(), 1e-9);
    }

    /** Published by the region: the official total is reproduced to the cent, so the check says "match". */
    @Test
    void school62OfficialTotalIsReproducedFromItsOfficialCriteria() {
        double recomputed = TotalCheck.meanOfCriteria(82.4, 74.5, 43, 92.8, 83.2);
        assertEquals(new java.math.BigDecimal("75.18"), new Score(recomputed).rounded());
        assertEquals(TotalCheck.Outcome.MATCH, TotalCheck.outcome(75.18, recomputed));
        assertEquals("match", TotalCheck.outcome(75.18, recomputed).code());
        assertEquals(TotalCheck.Outcome.NOT_GIVEN, TotalCheck.outcome(null, recomputed));
        assertEquals(TotalCheck.Outcome.MISMATCH, TotalCheck.outcome(75.2, recomputed), "0,02 away is a mismatch");
        assertEquals(TotalCheck.Outcome.MATCH, TotalCheck.outcome(75.19, recomputed), "0,01 away is not");
    }

    @Test
    void sverdlovskPublishedTotalIsFlaggedAsAMismatchButBothAreKept() {
        TotalCheck check = TotalCheck.of(95.36, 100, 99, 82, 99, 98);
        assertEquals(95.6, check.recomputedTotal(), 1e-9);
        assertEquals(95.36, check.publishedTotal());
        assertEquals(-0.24, check.difference(), 1e-9);
        assertTrue(check.mismatch());
        assertEquals(TotalCheck.Outcome.MISMATCH, TotalCheck.outcome(95.36, check.recomputedTotal()));
    }

    @Test
    void differencesUpToOneHundredthAreNotMismatches() {
        assertFalse(TotalCheck.differs(75.19, 75.18));
        assertFalse(TotalCheck.differs(75.17, 75.18));
        assertTrue(TotalCheck.differs(75.2, 75.18));
        assertTrue(TotalCheck.differs(75.16, 75.18));
        assertFalse(TotalCheck.differs(75.18, 75.18 + 1e-12));
    }

    @ParameterizedTest
    @EnumSource(DenominatorVariant.class)
    void allYesSurveyWithEveryParameterPresentScoresOneHundredEverywhere(DenominatorVariant variant) {
        long respondents = 137;
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("stand_items_present", 23L);
        values.put("stand_items_required", 23L);
        values.put("site_items_present", 61L);
        values.put("site_items_required", 61L);
        values.put("remote_channels", 6L);
        values.put("comfort_conditions", 5L);
        values.put("disability_premises_conditions", 5L);
        values.put("disability_service_conditions", 6L);
        values.put("recipients", 300L);
        for (String name : Fixtures.SECTION_8_RAW_INPUTS.subList(9, Fixtures.SECTION_8_RAW_INPUTS.size())) {
            values.put(name, respondents);
        }

        for (ZeroDenominatorRule rule : ZeroDenominatorRule.values()) {
            Assessment assessment = calculator.calculate(Fixtures.EDU, new RawInputs(values),
                    new CalculationSettings(variant, rule));
            assessment.indicators().forEach((code, value) -> assertEquals(100.0, value, 1e-9, code));
            assessment.criteria().forEach((code, value) -> assertEquals(100.0, value, 1e-9, code));
            assertEquals(100.0, assessment.total(), 1e-9);
            assertTrue(assessment.total() <= 100.0, "no rounding noise above 100: " + assessment.total());
            assertTrue(assessment.zeroDenominatorIndicators().isEmpty());
        }
    }

    /** Zero respondents with a disability: 3.3 follows the rule, never NaN; K3 = 12 + 24 + 0.3 × 3.3. */
    @Test
    void zeroRespondentsWithADisabilityFollowTheRuleNeverNaN() {
        RawInputs inputs = Fixtures.reference().with("respondents_disabled", 0).with("satisfied_accessibility", 0);
        Map<ZeroDenominatorRule, Double> expectedIndicator = new LinkedHashMap<>();
        expectedIndicator.put(ZeroDenominatorRule.ZERO, 0.0);
        expectedIndicator.put(ZeroDenominatorRule.FULL_SCORE, 100.0);
        expectedIndicator.put(ZeroDenominatorRule.EXCLUDE, null);
        Map<ZeroDenominatorRule, Double> expectedK3 = Map.of(
                ZeroDenominatorRule.ZERO, 36.0,
                ZeroDenominatorRule.FULL_SCORE, 66.0,
                ZeroDenominatorRule.EXCLUDE, 36.0 / 0.7);

        for (ZeroDenominatorRule rule : ZeroDenominatorRule.values()) {
            Assessment assessment = calculator.calculate(Fixtures.EDU, inputs,
                    new CalculationSettings(DenominatorVariant.PER_QUESTION, rule));
            Double indicator = assessment.indicators().get("3.3");
            if (expectedIndicator.get(rule) == null) {
                assertNull(indicator, rule.code());
            } else {
                assertEquals(expectedIndicator.get(rule), indicator, 1e-9, rule.code());
            }
            assertEquals(expectedK3.get(rule), assessment.criteria().get("K3"), 1e-9, rule.code());
            assertTrue(assessment.zeroDenominatorIndicators().contains("3.3"), rule.code());
            assessment.indicators().values().stream().filter(v -> v != null)
                    .forEach(v -> assertFalse(v.isNaN() || v.isInfinite(), rule.code()));
            assessment.criteria().values().forEach(v -> assertTrue(Double.isFinite(v), rule.code()));
            assertTrue(Double.isFinite(assessment.total()), rule.code());
        }
    }
}
