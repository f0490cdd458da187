package ru.noko.methodology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void denominatorVariantCodes() {
        assertEquals("per_question", DenominatorVariant.PER_QUESTION.code());
        assertEquals("all_respondents", DenominatorVariant.ALL_RESPONDENTS.code());
        assertEquals(Optional.of(DenominatorVariant.ALL_RESPONDENTS), DenominatorVariant.fromCode("all_respondents"));
        assertEquals(Optional.of(DenominatorVariant.PER_QUESTION), DenominatorVariant.fromCode(" PER_QUESTION "));
        assertEquals(Optional.empty(), DenominatorVariant.fromCode("all"));
        assertEquals(Optional.empty(), DenominatorVariant.fromCode(null));
    }

    @Test
    void zeroDenominatorRuleCodes() {
        assertEquals(List.of("zero", "full_score", "exclude"),
                List.of(ZeroDenominatorRule.values()).stream().map(ZeroDenominatorRule::code).toList());
        for (ZeroDenominatorRule rule : ZeroDenominatorRule.values()) {
            assertEquals(Optional.of(rule), ZeroDenominatorRule.fromCode(rule.code()));
        }
        assertEquals(Optional.empty(), ZeroDenominatorRule.fromCode("full"));
        assertEquals(Optional.empty(), ZeroDenominatorRule.fromCode(""));
    }

    @Test
    void indicatorSourceCodes() {
        assertEquals("expert", IndicatorSource.EXPERT.code());
        assertEquals("survey", IndicatorSource.SURVEY.code());
        assertEquals(Optional.of(IndicatorSource.SURVEY), IndicatorSource.fromCode("survey"));
        assertEquals(Optional.empty(), IndicatorSource.fromCode("poll"));
    }

    @Test
    void defaultSettingsComeFromTheMethodology() {
        assertEquals(new CalculationSettings(DenominatorVariant.PER_QUESTION, ZeroDenominatorRule.EXCLUDE),
                CalculationSettings.defaults(Fixtures.EDU));
        assertThrows(NullPointerException.class, () -> new CalculationSettings(null, ZeroDenominatorRule.ZERO));
    }

    @Test
    void rawInputsIsAnImmutableCopy() {
        Map<String, Long> source = new HashMap<>(Map.of("respondents", 10L));
        RawInputs inputs = new RawInputs(source);
        source.put("respondents", 99L);
        assertEquals(10L, inputs.get("respondents"));
        assertThrows(UnsupportedOperationException.class, () -> inputs.values().put("x", 1L));
        assertTrue(inputs.has("respondents"));
        assertFalse(inputs.has("recipients"));
        NoSuchElementException missing = assertThrows(NoSuchElementException.class, () -> inputs.get("recipients"));
        assertTrue(missing.getMessage().contains("recipients"));
        RawInputs changed = inputs.with("respondents", 11);
        assertEquals(11L, changed.get("respondents"));
        assertEquals(10L, inputs.get("respondents"));
    }

    @Test
    void assessmentKeepsExcludedIndicatorsAsNullAndIsImmutable() {
        Map<String, Double> indicators = new java.util.LinkedHashMap<>();
        indicators.put("3.1", 40.0);
        indicators.put("3.3", null);
        Assessment assessment = new Assessment(indicators, Map.of("K3", 40.0), 40.0, Set.of("3.3"));
        assertEquals(Set.of("3.3"), assessment.excludedIndicators());
        assertThrows(UnsupportedOperationException.class, () -> assessment.indicators().put("1.1", 1.0));
        assertThrows(UnsupportedOperationException.class, () -> assessment.zeroDenominatorIndicators().clear());
    }

    @Test
    void ratioTermDefaultsItsAllRespondentsDenominator() {
        RatioTerm term = new RatioTerm("satisfied_comfort", "respondents");
        assertEquals("respondents", term.allRespondentsDenominator());
        assertFalse(term.dependsOnVariant());
        assertEquals(List.of("satisfied_comfort", "respondents"), term.inputs());
        RatioTerm perQuestion = new RatioTerm("satisfied_remote", "used_remote", "respondents");
        assertEquals("used_remote", perQuestion.denominator(DenominatorVariant.PER_QUESTION));
        assertEquals("respondents", perQuestion.denominator(DenominatorVariant.ALL_RESPONDENTS));
        assertThrows(IllegalArgumentException.class, () -> new RatioTerm("respondents", "respondents"));
    }

    @Test
    void criterionRejectsWeightsThatDoNotSumToOne() {
        Formula count = new Formula.CappedCount("comfort_conditions", 20, OptionalInt.of(5));
        Indicator a = new Indicator("2.1", "i2_1", "K2", 1, 0.5, IndicatorSource.EXPERT, count, "Показатель", "A");
        Indicator b = new Indicator("2.3", "i2_3", "K2", 2, 0.4, IndicatorSource.SURVEY,
                new Formula.Ratio(new RatioTerm("satisfied_comfort", "respondents")), "Показатель", "B");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Criterion("K2", "k2", 2, "Комфортность", "Comfort", null, List.of(a, b)));
        assertTrue(error.getMessage().contains("not 1"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Indicator("2.1", "i2_1", "K2", 1, 1.5,
                IndicatorSource.EXPERT, count, "Показатель", "A"));
    }
}
