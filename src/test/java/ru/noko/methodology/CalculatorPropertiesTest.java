package ru.noko.methodology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties over arbitrary consistent inputs of the shipped methodology. Inputs are generated from
 * the catalogue's own ratio structure (so that every numerator ≤ its denominator and every
 * per-question denominator ≤ all respondents), not from a hand-written list of fields.
 */
class CalculatorPropertiesTest {

    private static final Methodology EDU = Fixtures.EDU;
    private static final List<String> NAMES = EDU.rawInputNames();
    private static final int MAX_RESPONDENTS = 600;
    private static final int MAX_EXPERT_ITEMS = 60;
    private static final int UNLISTED_COUNT_LIMIT = 10;
    private static final int PER_MILLE = 1000;

    private final RatingCalculator calculator = new RatingCalculator();

    @Provide
    Arbitrary<RawInputs> consistentInputs() {
        return Arbitraries.integers().between(0, PER_MILLE).list().ofSize(NAMES.size())
                .map(CalculatorPropertiesTest::consistentInputs);
    }

    /**
     * Each input gets a share (per mille) of its upper bound: respondents of 600, recipients between
     * respondents and 2×respondents, a survey denominator of all respondents, a per-question
     * denominator of its all-respondents one, a numerator of its denominator, an expert denominator
     * of 60, a count of its listed items. An optional denominator (those who answered a question put
     * to everybody) is left out when its share is even, so that its fallback is exercised too.
     */
    static RawInputs consistentInputs(List<Integer> perMille) {
        Map<String, Long> values = new HashMap<>();
        long respondents = scale(perMille, Methodology.RESPONDENTS, MAX_RESPONDENTS);
        values.put(Methodology.RESPONDENTS, respondents);
        values.put(Methodology.RECIPIENTS, respondents + scale(perMille, Methodology.RECIPIENTS, respondents));
        Set<String> leftOut = new LinkedHashSet<>();
        for (Indicator indicator : EDU.indicators()) {
            long whole = indicator.source() == IndicatorSource.SURVEY ? respondents : MAX_EXPERT_ITEMS;
            for (RatioTerm term : indicator.formula().ratioTerms()) {
                values.computeIfAbsent(term.allRespondentsDenominator(), name -> scale(perMille, name, whole));
                long outer = values.get(term.allRespondentsDenominator());
                values.computeIfAbsent(term.perQuestionDenominator(), name -> scale(perMille, name, outer));
                long denominator = values.get(term.perQuestionDenominator());
                values.computeIfAbsent(term.numerator(), name -> scale(perMille, name, denominator));
                String optional = term.optionalDenominator();
                if (optional != null && perMille.get(NAMES.indexOf(optional)) % 2 == 0) {
                    leftOut.add(optional);
                }
            }
            if (indicator.formula() instanceof Formula.CappedCount count) {
                values.put(count.count(), scale(perMille, count.count(), countLimit(count)));
            }
        }
        values.keySet().removeAll(leftOut);
        return new RawInputs(values);
    }

    /** True when some criterion has a zero denominator in every ratio of every indicator (rule exclude cannot compute it). */
    private static boolean someCriterionAllZero(RawInputs inputs, DenominatorVariant variant) {
        return EDU.criteria().stream().anyMatch(criterion -> criterion.indicators().stream().allMatch(indicator ->
                !indicator.formula().ratioTerms().isEmpty() && indicator.formula().ratioTerms().stream()
                        .allMatch(term -> inputs.get(term.denominator(variant, inputs)) == 0)));
    }

    private static long scale(List<Integer> perMille, String name, long bound) {
        return bound * perMille.get(NAMES.indexOf(name)) / PER_MILLE;
    }

    private static long countLimit(Formula.CappedCount count) {
        return count.maxItems().orElse(UNLISTED_COUNT_LIMIT);
    }

    @Property
    void generatedInputsPassTheValidator(@ForAll("consistentInputs") RawInputs inputs) {
        Map<String, String> text = new HashMap<>();
        inputs.values().forEach((name, value) -> text.put(name, Long.toString(value)));
        assertEquals(List.of(), new RawInputsValidator().validate(EDU, text));
    }

    @Property
    void everyValueIsFiniteAndWithinZeroToOneHundred(@ForAll("consistentInputs") RawInputs inputs,
                                                    @ForAll DenominatorVariant variant,
                                                    @ForAll ZeroDenominatorRule rule) {
        CalculationSettings settings = new CalculationSettings(variant, rule);
        Assessment assessment;
        try {
            assessment = calculator.calculate(EDU, inputs, settings);
        } catch (CalculationException e) {
            // The only documented failure for consistent inputs: with rule exclude, a criterion whose
            // every indicator divides by zero (nobody surveyed, nobody answered) has nothing left.
            assertEquals(CalculationException.CRITERION_FULLY_EXCLUDED, e.code());
            assertEquals(ZeroDenominatorRule.EXCLUDE, rule);
            assertTrue(someCriterionAllZero(inputs, variant), e.getMessage());
            return;
        }
        assertEquals(14, assessment.indicators().size());
        assessment.indicators().forEach((code, value) -> {
            if (value == null) {
                assertEquals(ZeroDenominatorRule.EXCLUDE, rule, code + " excluded under " + rule);
            } else {
                assertInRange(value, code);
            }
        });
        assertEquals(5, assessment.criteria().size());
        assessment.criteria().forEach((code, value) -> assertInRange(value, code));
        assertInRange(assessment.total(), "total");
    }

    @Property
    void zeroRuleIsRecordedExactlyWhereADenominatorIsZero(@ForAll("consistentInputs") RawInputs inputs,
                                                          @ForAll DenominatorVariant variant) {
        CalculationSettings settings = new CalculationSettings(variant, ZeroDenominatorRule.ZERO);
        Assessment assessment = calculator.calculate(EDU, inputs, settings);
        Set<String> expected = new LinkedHashSet<>();
        for (Indicator indicator : EDU.indicators()) {
            boolean anyZero = indicator.formula().ratioTerms().stream()
                    .anyMatch(term -> inputs.get(term.denominator(variant, inputs)) == 0);
            if (anyZero) {
                expected.add(indicator.code());
            }
        }
        assertEquals(expected, assessment.zeroDenominatorIndicators());
    }

    @Property
    void fullScoreNeverScoresBelowZeroRuleAndExcludeLiesBetween(@ForAll("consistentInputs") RawInputs inputs,
                                                                @ForAll DenominatorVariant variant) {
        Assume.that(!someCriterionAllZero(inputs, variant));
        Assessment zero = calculator.calculate(EDU, inputs, new CalculationSettings(variant, ZeroDenominatorRule.ZERO));
        Assessment full = calculator.calculate(EDU, inputs,
                new CalculationSettings(variant, ZeroDenominatorRule.FULL_SCORE));
        Assessment exclude = calculator.calculate(EDU, inputs,
                new CalculationSettings(variant, ZeroDenominatorRule.EXCLUDE));
        for (String code : zero.indicators().keySet()) {
            assertTrue(zero.indicators().get(code) <= full.indicators().get(code) + 1e-9, code);
            Double excluded = exclude.indicators().get(code);
            if (excluded != null) {
                assertTrue(zero.indicators().get(code) - 1e-9 <= excluded
                        && excluded <= full.indicators().get(code) + 1e-9, code);
            }
        }
        assertTrue(zero.total() <= full.total() + 1e-9);
    }

    @Property
    void allRespondentsNeverScoresAbovePerQuestion(@ForAll("consistentInputs") RawInputs inputs) {
        // All-respondents denominators are at least the per-question ones, so shares can only shrink.
        // Indicators with a zero per-question denominator depend on the zero rule and are skipped.
        Map<String, Double> perQuestion = calculator.calculate(EDU, inputs,
                new CalculationSettings(DenominatorVariant.PER_QUESTION, ZeroDenominatorRule.ZERO)).indicators();
        Map<String, Double> allRespondents = calculator.calculate(EDU, inputs,
                new CalculationSettings(DenominatorVariant.ALL_RESPONDENTS, ZeroDenominatorRule.ZERO)).indicators();
        for (Indicator indicator : EDU.indicators()) {
            boolean denominatorsPositive = indicator.formula().ratioTerms().stream()
                    .allMatch(term -> inputs.get(term.denominator(DenominatorVariant.PER_QUESTION, inputs)) > 0);
            if (denominatorsPositive) {
                String code = indicator.code();
                assertTrue(allRespondents.get(code) <= perQuestion.get(code) + 1e-9,
                        code + ": " + allRespondents.get(code) + " > " + perQuestion.get(code));
            }
        }
    }

    /** Numerators of ratios (satisfied counts, items present) and capped counts. */
    private static final List<String> SCORED_COUNTS = scoredCounts();

    private static List<String> scoredCounts() {
        Set<String> names = new LinkedHashSet<>();
        for (Indicator indicator : EDU.indicators()) {
            indicator.formula().ratioTerms().forEach(term -> names.add(term.numerator()));
            if (indicator.formula() instanceof Formula.CappedCount count) {
                names.add(count.count());
            }
        }
        return List.copyOf(names);
    }

    @Property
    void increasingASatisfiedCountNeverDecreasesItsIndicatorsCriteriaOrTotal(
            @ForAll("consistentInputs") RawInputs inputs,
            @ForAll DenominatorVariant variant,
            @ForAll ZeroDenominatorRule rule,
            @ForAll @IntRange(min = 0, max = 1000) int whichCount,
            @ForAll @IntRange(min = 1, max = PER_MILLE) int stepPerMille) {
        Assume.that(rule != ZeroDenominatorRule.EXCLUDE || !someCriterionAllZero(inputs, variant));
        String name = SCORED_COUNTS.get(whichCount % SCORED_COUNTS.size());
        long current = inputs.get(name);
        long slack = upperBound(name, inputs) - current;
        Assume.that(slack > 0);
        long increased = current + Math.max(1, slack * stepPerMille / PER_MILLE);
        RawInputs more = inputs.with(name, increased);

        CalculationSettings settings = new CalculationSettings(variant, rule);
        Assessment before = calculator.calculate(EDU, inputs, settings);
        Assessment after = calculator.calculate(EDU, more, settings);

        assertTrue(after.total() >= before.total(), name + ": total " + before.total() + " → " + after.total());
        before.criteria().forEach((code, value) -> assertTrue(after.criteria().get(code) >= value,
                name + ": " + code + " " + value + " → " + after.criteria().get(code)));
        for (Indicator indicator : readersOf(name)) {
            Double old = before.indicators().get(indicator.code());
            Double now = after.indicators().get(indicator.code());
            if (old == null) {
                assertNull(now, indicator.code());
                continue;
            }
            assertNotNull(now, indicator.code());
            assertTrue(now >= old, name + ": " + indicator.code() + " " + old + " → " + now);
            boolean countedRatio = indicator.formula().ratioTerms().stream()
                    .anyMatch(term -> term.numerator().equals(name) && inputs.get(term.denominator(variant, inputs)) > 0);
            if (countedRatio) {
                assertTrue(now > old, name + " rose but " + indicator.code() + " stayed at " + old);
            }
        }
    }

    /** The largest value of a scored count that keeps the inputs consistent. */
    private static long upperBound(String name, RawInputs inputs) {
        long bound = Long.MAX_VALUE;
        for (Indicator indicator : EDU.indicators()) {
            for (RatioTerm term : indicator.formula().ratioTerms()) {
                if (term.numerator().equals(name)) {
                    bound = Math.min(bound, inputs.get(term.denominator(DenominatorVariant.PER_QUESTION, inputs)));
                }
            }
            if (indicator.formula() instanceof Formula.CappedCount count && count.count().equals(name)) {
                bound = Math.min(bound, countLimit(count));
            }
        }
        return bound;
    }

    private static List<Indicator> readersOf(String name) {
        List<Indicator> readers = new ArrayList<>();
        for (Indicator indicator : EDU.indicators()) {
            if (indicator.formula().inputs().contains(name)) {
                readers.add(indicator);
            }
        }
        return readers;
    }

    private static void assertInRange(double value, String what) {
        assertTrue(Double.isFinite(value), what + " is not finite: " + value);
        assertTrue(value >= 0.0 && value <= 100.0, what + " outside 0..100: " + value);
    }
}
