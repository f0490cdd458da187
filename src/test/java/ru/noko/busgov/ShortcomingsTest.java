package ru.noko.busgov;

import org.junit.jupiter.api.Test;
import ru.noko.methodology.RawInputs;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShortcomingsTest {

    private final Shortcomings shortcomings = new Shortcomings(ShortcomingTexts.fromClasspath());

    @Test
    void everyIndicatorBelowTheThresholdIsAShortcomingGroupedByCriterionInBusGovOrder() {
        OrganizationResult o = Samples.organization("5902000001", "590201001", "Школа", 100, new RawInputs(Samples.fullInputs()));
        o = Samples.withIndicator(o, "5.1", 99.5, false);
        o = Samples.withIndicator(o, "1.2", 90.0, false);
        o = Samples.withIndicator(o, "1.1", 40.0, false);
        List<Shortcomings.Group> groups = shortcomings.find(Samples.METHODOLOGY, Samples.campaign(), o, 100);
        assertEquals(List.of("K1", "K5"), groups.stream().map(g -> g.criterion().code()).toList());
        assertEquals(List.of("1.1", "1.2"), groups.get(0).shortcomings().stream().map(s -> s.indicator().code()).toList());

        List<Shortcomings.Group> below50 = shortcomings.find(Samples.METHODOLOGY, Samples.campaign(), o, 50);
        assertEquals(1, below50.size());
        assertEquals("1.1", below50.get(0).shortcomings().get(0).indicator().code());
        assertEquals(List.of(), shortcomings.find(Samples.METHODOLOGY, Samples.campaign(), o, 0));
    }

    @Test
    void aPerfectOrganizationHasNoShortcomingsAndAnExcludedIndicatorIsNone() {
        OrganizationResult perfect = Samples.organization("5902000001", "590201001", "Школа", 100, null);
        assertEquals(List.of(), shortcomings.find(Samples.METHODOLOGY, Samples.campaign(), perfect, 100));
        OrganizationResult excluded = Samples.withIndicator(perfect, "3.3", null, true);
        assertEquals(List.of(), shortcomings.find(Samples.METHODOLOGY, Samples.campaign(), excluded, 100));
    }

    @Test
    void aZeroDenominatorScoredByTheCampaignsRuleIsNamedAsSuch() {
        Map<String, Long> inputs = Samples.fullInputs();
        inputs.put("respondents_disabled", 0L);
        inputs.put("satisfied_accessibility", 0L);
        OrganizationResult o = Samples.withIndicator(
                Samples.organization("5902000001", "590201001", "Школа", 100, new RawInputs(inputs)), "3.3", 0.0, true);
        Shortcomings.Shortcoming shortcoming = shortcomings.find(Samples.METHODOLOGY, Samples.campaign(), o, 100)
                .get(0).shortcomings().get(0);
        assertEquals("3.3 «Удовлетворённость доступностью для инвалидов»: на вопрос никто не ответил (знаменатель равен нулю), "
                + "по правилу кампании показатель — 0 из 100 баллов", shortcoming.name());
        assertTrue(shortcoming.activity().startsWith("Выяснить у получателей услуг с инвалидностью"));
    }

    @Test
    void withoutRawInputsTheScoreIsStated() {
        OrganizationResult o = Samples.withIndicator(Samples.organization("5902000001", "590201001", "Школа", 100, null),
                "2.1", 60.0, false);
        assertEquals("2.1 «Комфортные условия»: показатель — 60 из 100 баллов",
                shortcomings.find(Samples.METHODOLOGY, Samples.campaign(), o, 100).get(0).shortcomings().get(0).name());
    }
}
