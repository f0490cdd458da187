package ru.noko.methodology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every indicator, criterion and the total on the hand-computed reference organization (see {@link Fixtures}). */
class RatingCalculatorTest {

    private static final double EPS = 1e-9;
    private static final CalculationSettings PER_QUESTION =
            new CalculationSettings(DenominatorVariant.PER_QUESTION, ZeroDenominatorRule.EXCLUDE);
    private static final CalculationSettings ALL_RESPONDENTS =
            new CalculationSettings(DenominatorVariant.ALL_RESPONDENTS, ZeroDenominatorRule.EXCLUDE);

    private final RatingCalculator calculator = new RatingCalculator();

    static Stream<Arguments> indicatorsOfTheReferenceOrganization() {
        // code, per question, all respondents (hand-computed in Fixtures.referenceValues)
        return Stream.of(
                Arguments.of("1.1", 77.5, 77.5),
                Arguments.of("1.2", 60.0, 60.0),
                Arguments.of("1.3", 82.5, 37.5),
                Arguments.of("2.1", 80.0, 80.0),
                Arguments.of("2.3", 85.0, 85.0),
                Arguments.of("3.1", 40.0, 40.0),
                Arguments.of("3.2", 60.0, 60.0),
                Arguments.of("3.3", 70.0, 70.0),
                Arguments.of("4.1", 95.0, 95.0),
                Arguments.of("4.2", 92.0, 92.0),
                Arguments.of("4.3", 90.0, 22.5),
                Arguments.of("5.1", 88.0, 88.0),
                Arguments.of("5.2", 75.0, 75.0),
                Arguments.of("5.3", 90.0, 90.0));
    }

    @ParameterizedTest(name = "indicator {0}: {1} per question, {2} over all respondents")
    @MethodSource("indicatorsOfTheReferenceOrganization")
    void computesEachIndicatorInBothVariants(String code, double perQuestion, double allRespondents) {
        assertEquals(perQuestion, calculator.calculate(Fixtures.EDU, Fixtures.reference(), PER_QUESTION)
                .indicators().get(code), EPS);
        assertEquals(allRespondents, calculator.calculate(Fixtures.EDU, Fixtures.reference(), ALL_RESPONDENTS)
                .indicators().get(code), EPS);
    }

    @Test
    void computesCriteriaAsWeightedMeansAndTheTotalAsTheirMean() {
        Assessment assessment = calculator.calculate(Fixtures.EDU, Fixtures.reference(), PER_QUESTION);
        assertCriteria(assessment, 74.25, 82.5, 57.0, 92.8, 86.4);
        assertEquals(78.59, assessment.total(), EPS);
        assertEquals(Set.of(), assessment.zeroDenominatorIndicators());
        assertEquals(Set.of(), assessment.excludedIndicators());
    }

    @Test
    void allRespondentsVariantChangesOnlyTheVariantDependentIndicators() {
        Assessment assessment = calculator.calculate(Fixtures.EDU, Fixtures.reference(), ALL_RESPONDENTS);
        assertCriteria(assessment, 56.25, 82.5, 57.0, 79.3, 86.4);
        assertEquals(72.29, assessment.total(), EPS);
    }

    @Test
    void resultMapsFollowCatalogueOrder() {
        Assessment assessment = calculator.calculate(Fixtures.EDU, Fixtures.reference(), PER_QUESTION);
        assertEquals(Fixtures.EDU.indicators().stream().map(Indicator::code).toList(),
                List.copyOf(assessment.indicators().keySet()));
        assertEquals(List.of("K1", "K2", "K3", "K4", "K5"), List.copyOf(assessment.criteria().keySet()));
    }

    @ParameterizedTest(name = "{0} = {2} → {3} points")
    @CsvSource({
            "1.2, remote_channels, 0, 0",
            "1.2, remote_channels, 1, 30",
            "1.2, remote_channels, 3, 90",
            "1.2, remote_channels, 4, 100",
            "1.2, remote_channels, 6, 100",
            "2.1, comfort_conditions, 0, 0",
            "2.1, comfort_conditions, 1, 20",
            "2.1, comfort_conditions, 5, 100",
            "3.1, disability_premises_conditions, 4, 80",
            "3.1, disability_premises_conditions, 5, 100",
            "3.2, disability_service_conditions, 5, 100",
            "3.2, disability_service_conditions, 6, 100",
    })
    void cappedCountsGivePointsPerItemUpToOneHundred(String code, String input, long count, double expected) {
        RawInputs inputs = Fixtures.reference().with(input, count);
        assertEquals(expected, calculator.calculate(Fixtures.EDU, inputs, PER_QUESTION).indicators().get(code), EPS);
    }

    /** 1.1 with everything present on the stands and half on the site: 0.5 × (1 + 0.5) × 100 = 75. */
    @Test
    void meanOfRatiosAveragesStandAndSite() {
        RawInputs inputs = Fixtures.reference()
                .with("stand_items_present", 12).with("stand_items_required", 12)
                .with("site_items_present", 25).with("site_items_required", 50);
        assertEquals(75.0, calculator.calculate(Fixtures.EDU, inputs, PER_QUESTION).indicators().get("1.1"), EPS);
    }

    /** 9 satisfied of 12 respondents with a disability: 9/12 × 100 = 75 in both variants, never 9/200. */
    @Test
    void accessibilityDividesByRespondentsWithADisabilityUnderEveryVariant() {
        RawInputs inputs = Fixtures.reference().with("respondents_disabled", 12).with("satisfied_accessibility", 9);
        assertEquals(75.0, calculator.calculate(Fixtures.EDU, inputs, PER_QUESTION).indicators().get("3.3"), EPS);
        assertEquals(75.0, calculator.calculate(Fixtures.EDU, inputs, ALL_RESPONDENTS).indicators().get("3.3"), EPS);
        Map<String, Long> withoutDisabled = new HashMap<>(Fixtures.referenceValues());
        withoutDisabled.remove("respondents_disabled");
        CalculationException error = assertThrows(CalculationException.class,
                () -> calculator.calculate(Fixtures.EDU, new RawInputs(withoutDisabled), ALL_RESPONDENTS));
        assertTrue(error.getMessage().contains("respondents_disabled"), error.getMessage());
    }

    @Test
    void allRespondentsVariantDoesNotNeedStandSiteOrRemoteUsers() {
        Map<String, Long> values = new HashMap<>(Fixtures.referenceValues());
        values.keySet().removeAll(Set.of("used_stand", "used_site", "used_remote", "recipients"));
        Assessment assessment = calculator.calculate(Fixtures.EDU, new RawInputs(values), ALL_RESPONDENTS);
        assertEquals(72.29, assessment.total(), EPS);

        CalculationException error = assertThrows(CalculationException.class,
                () -> calculator.calculate(Fixtures.EDU, new RawInputs(values), PER_QUESTION));
        assertEquals(CalculationException.MISSING_INPUT, error.code());
        assertTrue(error.getMessage().contains("used_stand, used_site, used_remote"),
                error.getMessage());
    }

    @Test
    void recipientsAndUnknownInputsDoNotAffectTheResult() {
        Map<String, Long> values = new HashMap<>(Fixtures.referenceValues());
        values.remove("recipients");
        values.put("something_else", 5L);
        assertEquals(78.59, calculator.calculate(Fixtures.EDU, new RawInputs(values), PER_QUESTION).total(), EPS);
    }

    @Test
    void negativeInputsAreRefused() {
        RawInputs inputs = Fixtures.reference().with("remote_channels", -1).with("satisfied_overall", -5);
        CalculationException error = assertThrows(CalculationException.class,
                () -> calculator.calculate(Fixtures.EDU, inputs, PER_QUESTION));
        assertEquals(CalculationException.NEGATIVE_INPUT, error.code());
        assertTrue(error.getMessage().contains("remote_channels = -1"), error.getMessage());
        assertTrue(error.getMessage().contains("satisfied_overall = -5"), error.getMessage());
    }

    @Test
    void aNumeratorAboveItsDenominatorIsRefusedInsteadOfExceedingOneHundred() {
        RawInputs inputs = Fixtures.reference().with("satisfied_remote", 51);
        CalculationException error = assertThrows(CalculationException.class,
                () -> calculator.calculate(Fixtures.EDU, inputs, PER_QUESTION));
        assertEquals(CalculationException.NUMERATOR_EXCEEDS_DENOMINATOR, error.code());
        assertTrue(error.getMessage().contains("satisfied_remote = 51"), error.getMessage());
        assertTrue(error.getMessage().contains("used_remote = 50"), error.getMessage());
        // 51 of 200 respondents is a valid share in the other variant.
        assertEquals(25.5, calculator.calculate(Fixtures.EDU, inputs, ALL_RESPONDENTS).indicators().get("4.3"), EPS);
    }

    private static void assertCriteria(Assessment assessment, double... expected) {
        List<String> codes = List.of("K1", "K2", "K3", "K4", "K5");
        for (int i = 0; i < codes.size(); i++) {
            assertEquals(expected[i], assessment.criteria().get(codes.get(i)), EPS, codes.get(i));
        }
    }
}
