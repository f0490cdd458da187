package ru.noko.methodology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A methodology that is not in the shipped files: K2 with indicator 2.2 as used in health and
 * social care (weights 0.3 / 0.4 / 0.3). Proves that criteria, indicators, weights, inputs and
 * formulas all come from the files.
 */
class DataDrivenCatalogueTest {

    private static final String METHODOLOGIES = """
            code,title,legal_basis,valid_from_year,default_variant,default_zero_rule,description
            social-test,Тестовая методика социальной сферы,Приказ Минтруда России от 31.05.2018 № 344н,2018,all_respondents,zero,
            """;
    private static final String CRITERIA = """
            methodology,code,field,position,name_ru,name_en,bus_gov_field
            social-test,K2,k2,2,Комфортность условий предоставления услуг,Comfort of the conditions,comfortValue
            social-test,K1,k1,1,Открытость и доступность информации об организации,Openness of information,
            """;
    // Rows deliberately out of order: positions decide.
    private static final String INDICATORS = """
            methodology,criterion,code,field,position,weight,source,formula,numerators,denominators,all_respondents_denominators,points_per_item,max_items,name_ru,name_en
            social-test,K2,2.3,i2_3,3,0.3,survey,ratio,satisfied_comfort,respondents,,,,"Доля получателей услуг, удовлетворённых комфортностью",Satisfied with comfort
            social-test,K2,2.2,i2_2,2,0.4,survey,ratio,satisfied_waiting,asked_waiting,respondents,,,"Доля получателей услуг, удовлетворённых временем ожидания",Satisfied with waiting time
            social-test,K2,2.1,i2_1,1,0.3,expert,capped_count,comfort_conditions,,,20,5,Обеспечение комфортных условий,Comfortable conditions
            social-test,K1,1.2,i1_2,1,1,expert,capped_count,remote_channels,,,25,,Дистанционные способы взаимодействия,Remote channels
            """;

    private final Methodology social = Fixtures.catalogue(METHODOLOGIES, CRITERIA, INDICATORS).defaultMethodology();

    @Test
    void structureComesFromTheFiles() {
        assertEquals("social-test", social.code());
        assertEquals(DenominatorVariant.ALL_RESPONDENTS, social.defaultVariant());
        assertEquals(ZeroDenominatorRule.ZERO, social.defaultZeroRule());
        assertEquals(List.of("K1", "K2"), social.criteria().stream().map(Criterion::code).toList());
        assertEquals(null, social.criteria().get(0).busGovField());
        Criterion comfort = social.criterion("K2").orElseThrow();
        assertEquals(List.of("2.1", "2.2", "2.3"), comfort.indicators().stream().map(Indicator::code).toList());
        assertEquals(List.of(0.3, 0.4, 0.3), comfort.indicators().stream().map(Indicator::weight).toList());
        assertEquals(List.of("remote_channels", "comfort_conditions", "recipients", "respondents",
                "asked_waiting", "satisfied_waiting", "satisfied_comfort"), social.rawInputNames());
    }

    /**
     * remote_channels 3 → min(100, 25 × 3) = 75 = K1.
     * 2.1 = 20 × 3 = 60; 2.2 per question = 120/150 = 80, all respondents = 120/200 = 60; 2.3 = 180/200 = 90.
     * K2 per question = 0.3×60 + 0.4×80 + 0.3×90 = 18 + 32 + 27 = 77 → S = (75 + 77)/2 = 76.
     * K2 all respondents = 18 + 0.4×60 + 27 = 69 → S = (75 + 69)/2 = 72.
     */
    @Test
    void computesWithIndicator22AndItsOwnWeights() {
        RawInputs inputs = new RawInputs(Map.of("remote_channels", 3L, "comfort_conditions", 3L, "respondents", 200L,
                "asked_waiting", 150L, "satisfied_waiting", 120L, "satisfied_comfort", 180L));
        RatingCalculator calculator = new RatingCalculator();

        Assessment perQuestion = calculator.calculate(social, inputs,
                new CalculationSettings(DenominatorVariant.PER_QUESTION, ZeroDenominatorRule.ZERO));
        assertEquals(80.0, perQuestion.indicators().get("2.2"), 1e-9);
        assertEquals(75.0, perQuestion.criteria().get("K1"), 1e-9);
        assertEquals(77.0, perQuestion.criteria().get("K2"), 1e-9);
        assertEquals(76.0, perQuestion.total(), 1e-9);

        Assessment allRespondents = calculator.calculate(social, inputs, CalculationSettings.defaults(social));
        assertEquals(60.0, allRespondents.indicators().get("2.2"), 1e-9);
        assertEquals(69.0, allRespondents.criteria().get("K2"), 1e-9);
        assertEquals(72.0, allRespondents.total(), 1e-9);
    }

    /** 2.2 excluded: K2 = (0.3×60 + 0.3×90) / 0.6 = 45 / 0.6 = 75. */
    @Test
    void excludingIndicator22RenormalisesTheOtherTwoWeights() {
        RawInputs inputs = new RawInputs(Map.of("remote_channels", 3L, "comfort_conditions", 3L, "respondents", 200L,
                "asked_waiting", 0L, "satisfied_waiting", 0L, "satisfied_comfort", 180L));
        Assessment assessment = new RatingCalculator().calculate(social, inputs,
                new CalculationSettings(DenominatorVariant.PER_QUESTION, ZeroDenominatorRule.EXCLUDE));
        assertEquals(null, assessment.indicators().get("2.2"));
        assertEquals(75.0, assessment.criteria().get("K2"), 1e-9);
        assertEquals(java.util.Set.of("2.2"), assessment.zeroDenominatorIndicators());
    }

    @Test
    void validatorRequiresAndChecksTheInputsOfThisMethodology() {
        Map<String, String> text = new HashMap<>(Map.of("remote_channels", "3", "comfort_conditions", "3",
                "respondents", "200", "asked_waiting", "150", "satisfied_waiting", "151"));
        text.put("satisfied_stand", "5");
        List<InputProblem> problems = new RawInputsValidator().validate(social, text);
        assertEquals(List.of(
                        "satisfied_comfort required",
                        "satisfied_stand unknown_field",
                        "satisfied_waiting exceeds_denominator"),
                problems.stream().map(p -> p.field() + " " + p.code()).toList());
        assertTrue(problems.get(2).message().contains("satisfied_waiting = 151"), problems.get(2).message());
        assertTrue(problems.get(2).message().contains("asked_waiting = 150"), problems.get(2).message());
    }
}
