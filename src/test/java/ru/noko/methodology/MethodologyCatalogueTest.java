package ru.noko.methodology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MethodologyCatalogueTest {

    private final MethodologyCatalogue catalogue = MethodologyCatalogue.fromClasspath();
    private final Methodology edu = catalogue.defaultMethodology();

    @Test
    void aCriterionFollowsItsIndicatorsByTheCatalogueWeightsOnlyWhenAllAreGiven() {
        Criterion k1 = edu.criterion("K1").orElseThrow();
        // 1.1 ×0.3, 1.2 ×0.3, 1.3 ×0.4
        Map<String, Double> points = Map.of("1.1", 90.0, "1.2", 60.0, "1.3", 75.0);
        assertEquals(0.3 * 90 + 0.3 * 60 + 0.4 * 75, k1.fromIndicators(i -> points.get(i.code())), 1e-9);
        assertEquals(null, k1.fromIndicators(i -> i.code().equals("1.2") ? null : 80.0), "an indicator not given");
        assertEquals(null, catalogue.find("edu-2014").orElseThrow().criterion("K1").orElseThrow()
                .fromIndicators(i -> 50.0), "no indicators in the 2014 catalogue");
    }

    @Test
    void shipsEdu2019AsTheDefaultBesideThe2014SchemeOnItsTwoScales() {
        assertEquals(List.of("edu-2019", "edu-2014", "edu-2014-percent"),
                catalogue.methodologies().stream().map(Methodology::code).toList());
        assertEquals("edu-2019", edu.code());
        assertEquals(edu, catalogue.find("edu-2019").orElseThrow());
        assertTrue(edu.computable());
        assertEquals(Scale.PERCENT, edu.scale());
        assertEquals(TotalRule.MEAN, edu.totalRule());
    }

    @Test
    void methodologyMetadataMatchesTheLegalBasis() {
        assertEquals(2019, edu.validFromYear());
        assertEquals(DenominatorVariant.PER_QUESTION, edu.defaultVariant());
        assertEquals(ZeroDenominatorRule.EXCLUDE, edu.defaultZeroRule());
        assertTrue(edu.legalBasis().contains("от 13.03.2019 № 114"), edu.legalBasis());
        assertTrue(edu.legalBasis().contains("№ 344н"), edu.legalBasis());
        assertFalse(edu.title().isBlank());
        assertFalse(edu.description().isBlank());
    }

    @Test
    void hasTheFiveCriteriaOfSection2InOrderWithBusGovFields() {
        List<Criterion> criteria = edu.criteria();
        assertEquals(List.of("K1", "K2", "K3", "K4", "K5"), criteria.stream().map(Criterion::code).toList());
        assertEquals(List.of("k1", "k2", "k3", "k4", "k5"), criteria.stream().map(Criterion::field).toList());
        assertEquals(List.of("opennessValue", "comfortValue", "timeoutValue", "goodwillValue", "contentmentValue"),
                criteria.stream().map(Criterion::busGovField).toList());
        assertEquals(List.of(
                "Открытость и доступность информации об организации",
                "Комфортность условий, в которых осуществляется образовательная деятельность",
                "Доступность образовательной деятельности (услуг) для инвалидов",
                "Доброжелательность, вежливость работников организации",
                "Удовлетворенность условиями ведения образовательной деятельности"),
                criteria.stream().map(Criterion::nameRu).toList());
    }

    @Test
    void hasFourteenIndicatorsWithTheWeightsOfSection2() {
        Map<String, Double> expectedWeights = new java.util.LinkedHashMap<>();
        expectedWeights.put("1.1", 0.3);
        expectedWeights.put("1.2", 0.3);
        expectedWeights.put("1.3", 0.4);
        expectedWeights.put("2.1", 0.5);
        expectedWeights.put("2.3", 0.5);
        expectedWeights.put("3.1", 0.3);
        expectedWeights.put("3.2", 0.4);
        expectedWeights.put("3.3", 0.3);
        expectedWeights.put("4.1", 0.4);
        expectedWeights.put("4.2", 0.4);
        expectedWeights.put("4.3", 0.2);
        expectedWeights.put("5.1", 0.3);
        expectedWeights.put("5.2", 0.2);
        expectedWeights.put("5.3", 0.5);

        List<Indicator> indicators = edu.indicators();
        assertEquals(14, indicators.size());
        assertEquals(List.copyOf(expectedWeights.keySet()), indicators.stream().map(Indicator::code).toList());
        for (Indicator indicator : indicators) {
            assertEquals(expectedWeights.get(indicator.code()), indicator.weight(), 0.0, indicator.code());
            assertEquals("i" + indicator.code().replace('.', '_'), indicator.field());
            assertEquals("K" + indicator.code().charAt(0), indicator.criterionCode());
        }
        assertTrue(edu.indicator("2.2").isEmpty(), "2.2 does not exist for education");
    }

    @Test
    void weightsOfEveryCriterionSumToOne() {
        for (Criterion criterion : edu.criteria()) {
            double sum = criterion.indicators().stream().mapToDouble(Indicator::weight).sum();
            assertEquals(1.0, sum, 1e-12, criterion.code());
        }
    }

    @Test
    void sourcesAndFormulaKindsFollowSection2() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("1.1", "expert mean_of_ratios"), Map.entry("1.2", "expert capped_count"),
                Map.entry("1.3", "survey mean_of_ratios"), Map.entry("2.1", "expert capped_count"),
                Map.entry("2.3", "survey ratio"), Map.entry("3.1", "expert capped_count"),
                Map.entry("3.2", "expert capped_count"), Map.entry("3.3", "survey ratio"),
                Map.entry("4.1", "survey ratio"), Map.entry("4.2", "survey ratio"), Map.entry("4.3", "survey ratio"),
                Map.entry("5.1", "survey ratio"), Map.entry("5.2", "survey ratio"), Map.entry("5.3", "survey ratio"));
        for (Indicator indicator : edu.indicators()) {
            assertEquals(expected.get(indicator.code()),
                    indicator.source().code() + " " + indicator.formula().kind(), indicator.code());
        }
    }

    @Test
    void cappedCountsCarryPointsAndListedItems() {
        assertCapped("1.2", "remote_channels", 30, 6);
        assertCapped("2.1", "comfort_conditions", 20, 5);
        assertCapped("3.1", "disability_premises_conditions", 20, 5);
        assertCapped("3.2", "disability_service_conditions", 20, 6);
    }

    private void assertCapped(String code, String input, double points, int maxItems) {
        Formula.CappedCount formula = assertInstanceOf(Formula.CappedCount.class,
                edu.indicator(code).orElseThrow().formula());
        assertEquals(input, formula.count());
        assertEquals(points, formula.pointsPerItem());
        assertEquals(OptionalInt.of(maxItems), formula.maxItems());
    }

    @Test
    void variantDependentDenominatorsAreThoseOfSection2() {
        assertEquals(List.of(
                        new RatioTerm("satisfied_stand", "used_stand", "respondents"),
                        new RatioTerm("satisfied_site", "used_site", "respondents")),
                edu.indicator("1.3").orElseThrow().formula().ratioTerms());
        // 3.3 divides by respondents with a disability under every variant («от числа опрошенных … инвалидов»).
        assertEquals(List.of(new RatioTerm("satisfied_accessibility", "respondents_disabled")),
                edu.indicator("3.3").orElseThrow().formula().ratioTerms());
        assertEquals(List.of(new RatioTerm("satisfied_remote", "used_remote", "respondents")),
                edu.indicator("4.3").orElseThrow().formula().ratioTerms());
        // Questions put to everybody divide by those who answered them, all respondents when not given.
        assertEquals(List.of(new RatioTerm("satisfied_comfort", "answered_comfort", null, "respondents")),
                edu.indicator("2.3").orElseThrow().formula().ratioTerms());
        assertEquals(List.of("satisfied_comfort", "respondents"),
                edu.indicator("2.3").orElseThrow().formula().inputs(DenominatorVariant.ALL_RESPONDENTS));
        assertEquals(List.of("satisfied_stand", "used_stand", "respondents", "satisfied_site", "used_site"),
                edu.indicator("1.3").orElseThrow().formula().inputs());
        assertEquals(List.of("satisfied_stand", "respondents", "satisfied_site"),
                edu.indicator("1.3").orElseThrow().formula().inputs(DenominatorVariant.ALL_RESPONDENTS));
    }

    @Test
    void rawInputNamesFollowSection8() {
        assertEquals(Fixtures.SECTION_8_RAW_INPUTS, edu.rawInputNames());
    }

    @Test
    void russianNamesAreFullWithProperQuotesAndYo() {
        Pattern cyrillic = Pattern.compile("\\p{IsCyrillic}");
        for (Indicator indicator : edu.indicators()) {
            assertTrue(cyrillic.matcher(indicator.nameRu()).find(), indicator.code());
            assertTrue(indicator.nameRu().length() > 60, "full, not short name: " + indicator.code());
            assertFalse(indicator.nameRu().contains("\""), "straight quotes in " + indicator.code());
            assertFalse(indicator.nameEn().isBlank());
        }
        assertTrue(name("1.2").contains("«Часто задаваемые вопросы»"));
        assertTrue(name("1.1").contains("сети «Интернет»"));
        for (String survey : List.of("1.3", "2.3", "3.3", "4.1", "4.2", "4.3", "5.2", "5.3")) {
            assertTrue(name(survey).startsWith("Доля получателей образовательных услуг, удовлетворённых"), survey);
        }
        assertTrue(name("5.1").contains("готовы рекомендовать организацию родственникам и знакомым"));
        assertTrue(name("3.2").contains("шрифтом Брайля"));
    }

    private String name(String code) {
        return edu.indicator(code).orElseThrow().nameRu();
    }

    @Test
    void catalogueRecordsAreImmutable() {
        assertThrowsUnsupported(() -> catalogue.methodologies().clear());
        assertThrowsUnsupported(() -> edu.criteria().clear());
        assertThrowsUnsupported(() -> edu.criteria().get(0).indicators().clear());
        assertThrowsUnsupported(() -> edu.indicators().clear());
    }

    private static void assertThrowsUnsupported(Runnable action) {
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, action::run);
    }
}
