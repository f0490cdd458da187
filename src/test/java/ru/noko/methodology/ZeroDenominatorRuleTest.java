package ru.noko.methodology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each zero-denominator rule on each kind of ratio indicator, starting from the reference
 * organization of {@link Fixtures} (per-question variant).
 */
class ZeroDenominatorRuleTest {

    private static final double EPS = 1e-9;
    private final RatingCalculator calculator = new RatingCalculator();

    private Assessment calculate(RawInputs inputs, ZeroDenominatorRule rule) {
        return calculator.calculate(Fixtures.EDU, inputs,
                new CalculationSettings(DenominatorVariant.PER_QUESTION, rule));
    }

    private static RawInputs zeroed(String... names) {
        RawInputs inputs = Fixtures.reference();
        for (String name : names) {
            inputs = inputs.with(name, 0);
        }
        return inputs;
    }

    /**
     * indicator, zeroed inputs, indicator and its criterion under ZERO / FULL_SCORE / EXCLUDE (null = excluded).
     * Hand computation (other indicators as in Fixtures):
     * 1.1 stand 0/0, site 0.8: zero 0.5×(0+0.8) = 40, full 0.5×(1+0.8) = 90, exclude 80;
     *     K1 = 0.3×v + 18 + 33 → 63, 78, 75.
     * 1.1 both 0/0: 0, 100, excluded; K1 = 51, 81, (18 + 33)/0.7 = 72.857142857…
     * 1.3 stand 0/0, site 0.9: 45, 95, 90; K1 = 23.25 + 18 + 0.4×v → 59.25, 79.25, 77.25.
     * 1.3 both 0/0: 0, 100, excluded; K1 = 41.25, 81.25, 41.25/0.6 = 68.75.
     * 3.3 0/0: 0, 100, excluded; K3 = 12 + 24 + 0.3×v → 36, 66, 36/0.7 = 51.428571…
     * 4.3 0/0: 0, 100, excluded; K4 = 38 + 36.8 + 0.2×v → 74.8, 94.8, 74.8/0.8 = 93.5.
     */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("1.1", new String[] {"stand_items_present", "stand_items_required"}, "K1",
                        new Double[] {40.0, 90.0, 80.0}, new double[] {63.0, 78.0, 75.0}),
                Arguments.of("1.1", new String[] {"stand_items_present", "stand_items_required",
                        "site_items_present", "site_items_required"}, "K1",
                        new Double[] {0.0, 100.0, null}, new double[] {51.0, 81.0, 51.0 / 0.7}),
                Arguments.of("1.3", new String[] {"satisfied_stand", "used_stand"}, "K1",
                        new Double[] {45.0, 95.0, 90.0}, new double[] {59.25, 79.25, 77.25}),
                Arguments.of("1.3", new String[] {"satisfied_stand", "used_stand", "satisfied_site", "used_site"}, "K1",
                        new Double[] {0.0, 100.0, null}, new double[] {41.25, 81.25, 68.75}),
                Arguments.of("3.3", new String[] {"satisfied_accessibility", "respondents_disabled"}, "K3",
                        new Double[] {0.0, 100.0, null}, new double[] {36.0, 66.0, 36.0 / 0.7}),
                Arguments.of("4.3", new String[] {"satisfied_remote", "used_remote"}, "K4",
                        new Double[] {0.0, 100.0, null}, new double[] {74.8, 94.8, 93.5}));
    }

    @ParameterizedTest(name = "{0} with {1} = 0")
    @MethodSource("cases")
    void eachRuleGivesTheHandComputedIndicatorAndCriterion(String code, String[] zeroedInputs, String criterion,
                                                           Double[] indicatorByRule, double[] criterionByRule) {
        ZeroDenominatorRule[] rules = {ZeroDenominatorRule.ZERO, ZeroDenominatorRule.FULL_SCORE,
                ZeroDenominatorRule.EXCLUDE};
        for (int i = 0; i < rules.length; i++) {
            Assessment assessment = calculate(zeroed(zeroedInputs), rules[i]);
            String label = code + " under " + rules[i];
            if (indicatorByRule[i] == null) {
                assertNull(assessment.indicators().get(code), label);
                assertTrue(assessment.indicators().containsKey(code), label);
                assertEquals(Set.of(code), assessment.excludedIndicators(), label);
            } else {
                assertEquals(indicatorByRule[i], assessment.indicators().get(code), EPS, label);
            }
            assertEquals(criterionByRule[i], assessment.criteria().get(criterion), EPS, label);
            assertEquals(Set.of(code), assessment.zeroDenominatorIndicators(), label);
            assertTrue(Double.isFinite(assessment.total()), label);
        }
    }

    @Test
    void theVariantDecidesWhetherADenominatorIsZero() {
        // Nobody used remote channels: zero per question, but 0 of 200 over all respondents.
        RawInputs inputs = zeroed("satisfied_remote", "used_remote");
        Assessment allRespondents = calculator.calculate(Fixtures.EDU, inputs,
                new CalculationSettings(DenominatorVariant.ALL_RESPONDENTS, ZeroDenominatorRule.FULL_SCORE));
        assertEquals(0.0, allRespondents.indicators().get("4.3"), EPS);
        assertEquals(Set.of(), allRespondents.zeroDenominatorIndicators());
    }

    @Test
    void noRespondentWithADisabilityFollowsTheRuleUnderEveryVariant() {
        // 3.3 divides by respondents with a disability in both variants: 0 of 0 is never 0 of 200.
        RawInputs inputs = zeroed("satisfied_accessibility", "respondents_disabled");
        for (DenominatorVariant variant : DenominatorVariant.values()) {
            Assessment full = calculator.calculate(Fixtures.EDU, inputs,
                    new CalculationSettings(variant, ZeroDenominatorRule.FULL_SCORE));
            assertEquals(100.0, full.indicators().get("3.3"), EPS, variant.code());
            assertEquals(Set.of("3.3"), full.zeroDenominatorIndicators(), variant.code());
        }
    }

    /**
     * No respondents at all (every survey count 0). Survey indicators: 2.3, 4.x, 5.x divide by
     * respondents; 1.3, 3.3, 4.3 by their own zero counts.
     * ZERO: K1 = 0.3×77.5 + 0.3×60 = 41.25, K2 = 0.5×80 = 40, K3 = 12 + 24 = 36, K4 = K5 = 0 → S = 117.25/5 = 23.45.
     * FULL_SCORE: K1 = 41.25 + 40 = 81.25, K2 = 90, K3 = 66, K4 = K5 = 100 → S = 437.25/5 = 87.45.
     */
    @Test
    void noRespondentsFollowsTheRuleForEverySurveyIndicator() {
        RawInputs inputs = noRespondents();
        Set<String> survey = Set.of("1.3", "2.3", "3.3", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3");

        Assessment zero = calculate(inputs, ZeroDenominatorRule.ZERO);
        assertEquals(23.45, zero.total(), EPS);
        assertEquals(survey, zero.zeroDenominatorIndicators());
        survey.forEach(code -> assertEquals(0.0, zero.indicators().get(code), EPS, code));

        Assessment full = calculate(inputs, ZeroDenominatorRule.FULL_SCORE);
        assertEquals(87.45, full.total(), EPS);
        survey.forEach(code -> assertEquals(100.0, full.indicators().get(code), EPS, code));
    }

    @Test
    void excludingEveryIndicatorOfACriterionIsAnError() {
        CalculationException error = assertThrows(CalculationException.class,
                () -> calculate(noRespondents(), ZeroDenominatorRule.EXCLUDE));
        assertEquals(CalculationException.CRITERION_FULLY_EXCLUDED, error.code());
        assertTrue(error.getMessage().contains("K4, K5"), error.getMessage());
        assertTrue(error.getMessage().contains("exclude"), error.getMessage());
    }

    private static RawInputs noRespondents() {
        RawInputs inputs = Fixtures.reference();
        for (Map.Entry<String, Long> entry : Fixtures.referenceValues().entrySet()) {
            boolean expert = Fixtures.EDU.indicators().stream()
                    .filter(indicator -> indicator.source() == IndicatorSource.EXPERT)
                    .anyMatch(indicator -> indicator.formula().inputs().contains(entry.getKey()));
            if (!expert && !entry.getKey().equals("recipients")) {
                inputs = inputs.with(entry.getKey(), 0);
            }
        }
        return inputs;
    }
}
