package ru.noko.busgov;

import org.junit.jupiter.api.Test;
import ru.noko.methodology.CalculationSettings;
import ru.noko.methodology.DenominatorVariant;
import ru.noko.methodology.Indicator;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.RawInputs;
import ru.noko.methodology.ZeroDenominatorRule;
import ru.noko.platform.csv.CsvRecords;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShortcomingTextsTest {

    private final ShortcomingTexts texts = ShortcomingTexts.fromClasspath();
    private final Methodology methodology = Samples.METHODOLOGY;
    private final CalculationSettings perQuestion = CalculationSettings.defaults(methodology);

    @Test
    void everyIndicatorOfEveryMethodologyHasWordingWithPlaceholdersItsFormulaCanFill() {
        for (Methodology m : Samples.CATALOGUE.methodologies()) {
            assertEquals(List.of(), texts.problems(m), m.code());
        }
    }

    @Test
    void countsSayHowManyItemsThereAreAndHowManyAreNeeded() {
        Map<String, Long> inputs = Samples.fullInputs();
        inputs.put("remote_channels", 2L);
        inputs.put("disability_premises_conditions", 2L);
        inputs.put("disability_service_conditions", 3L);
        assertEquals("работает 2 из 6 дистанционных способов обратной связи, для максимального балла нужно 4",
                describe("1.2", inputs, 60));
        assertEquals("2 из 5 условий доступности для инвалидов (территория, помещения)", describe("3.1", inputs, 40));
        assertEquals("3 из 6 условий доступности услуг наравне с другими, для максимального балла нужно 5",
                describe("3.2", inputs, 60));
    }

    @Test
    void surveySharesSayHowManyOfHowManyWereSatisfied() {
        Map<String, Long> inputs = Samples.fullInputs();
        inputs.put("satisfied_overall", 170L);
        inputs.put("satisfied_stand", 8L);
        inputs.put("satisfied_site", 40L);
        inputs.put("used_site", 44L);
        inputs.put("used_stand", 10L);
        assertEquals("условиями оказания услуг в целом удовлетворены 85 % опрошенных (170 из 200)", describe("5.3", inputs, 85));
        assertEquals("информацией на стендах удовлетворены 8 из 10 опрошенных, информацией на сайте — 40 из 44",
                describe("1.3", inputs, 85.45));
    }

    @Test
    void theCampaignsDenominatorVariantDecidesWhoWasAsked() {
        Map<String, Long> inputs = Samples.fullInputs();
        inputs.put("used_remote", 10L);
        inputs.put("satisfied_remote", 8L);
        String remote = "доброжелательностью и вежливостью работников при дистанционном взаимодействии удовлетворены ";
        assertEquals(remote + "80 % опрошенных (8 из 10)", describe("4.3", inputs, 80));
        CalculationSettings allRespondents = new CalculationSettings(DenominatorVariant.ALL_RESPONDENTS, ZeroDenominatorRule.ZERO);
        Indicator indicator = methodology.indicator("4.3").orElseThrow();
        assertEquals(Optional.of(remote + "4 % опрошенных (8 из 200)"),
                texts.describe(texts.find(methodology.code(), "4.3").orElseThrow(), indicator, new RawInputs(inputs),
                        allRespondents, 4));
        // 3.3 is a share of respondents with a disability in both variants.
        inputs.put("satisfied_accessibility", 8L);
        assertEquals(Optional.of("доступностью услуг для инвалидов удовлетворены 80 % опрошенных (8 из 10)"),
                texts.describe(texts.find(methodology.code(), "3.3").orElseThrow(), methodology.indicator("3.3").orElseThrow(),
                        new RawInputs(inputs), allRespondents, 80));
    }

    @Test
    void missingInputsOrAZeroDenominatorGiveNoDescription() {
        Indicator indicator = methodology.indicator("4.3").orElseThrow();
        ShortcomingTexts.Text text = texts.find(methodology.code(), "4.3").orElseThrow();
        assertEquals(Optional.empty(), texts.describe(text, indicator, null, perQuestion, 50));
        assertEquals(Optional.empty(), texts.describe(text, indicator, new RawInputs(Map.of("respondents", 10L)), perQuestion, 50));
        Map<String, Long> inputs = Samples.fullInputs();
        inputs.put("used_remote", 0L);
        inputs.put("satisfied_remote", 0L);
        assertEquals(Optional.empty(), texts.describe(text, indicator, new RawInputs(inputs), perQuestion, 0));
    }

    @Test
    void malformedRowsAreRejectedWithTheirLines() {
        String csv = """
                methodology,indicator,short_name,shortcoming,activity
                edu-2019,1.1,A,есть {count из,мера
                edu-2019,1.2,B,ok,мера
                edu-2019,1.2,B,ok,мера
                edu-2019,1.3,C,,мера
                """;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShortcomingTexts.of(CsvRecords.read(new StringReader(csv))));
        assertTrue(e.getMessage().contains("line 2: a brace"), e.getMessage());
        assertTrue(e.getMessage().contains("line 4: edu-2019 1.2 appears twice"), e.getMessage());
        assertTrue(e.getMessage().contains("line 5: every column must be filled"), e.getMessage());
    }

    private String describe(String code, Map<String, Long> inputs, double score) {
        Indicator indicator = methodology.indicator(code).orElseThrow();
        return texts.describe(texts.find(methodology.code(), code).orElseThrow(), indicator, new RawInputs(inputs),
                perQuestion, score).orElseThrow();
    }
}
