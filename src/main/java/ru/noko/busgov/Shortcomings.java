package ru.noko.busgov;

import ru.noko.methodology.Criterion;
import ru.noko.methodology.Indicator;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.Score;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds an organization's shortcomings: indicators whose value is below the threshold (by default
 * 100, i.e. every point lost). Excluded indicators (no value) are not shortcomings. The result is
 * grouped by criterion in bus.gov.ru's order, indicators in catalogue order.
 */
final class Shortcomings {

    /** One shortcoming, worded for the plan: {@code name} is NAME, {@code activity} is ACTIVITY. */
    record Shortcoming(Criterion criterion, Indicator indicator, double score, String name, String activity) {
    }

    /** The shortcomings under one criterion (GROUPS_SHORTCOMINGS). */
    record Group(Criterion criterion, List<Shortcoming> shortcomings) {
    }

    private final ShortcomingTexts texts;

    Shortcomings(ShortcomingTexts texts) {
        this.texts = texts;
    }

    List<Group> find(Methodology methodology, ExportedCampaign campaign, OrganizationResult organization, double threshold) {
        List<Group> groups = new ArrayList<>();
        for (Criterion criterion : BusGovFields.criteriaInOrder(methodology)) {
            List<Shortcoming> found = new ArrayList<>();
            for (Indicator indicator : criterion.indicators()) {
                OrganizationResult.IndicatorValue value = organization.indicators().get(indicator.code());
                if (value == null || value.value() == null || !(value.value() < threshold)) {
                    continue;
                }
                found.add(shortcoming(methodology, campaign, organization, criterion, indicator, value));
            }
            if (!found.isEmpty()) {
                groups.add(new Group(criterion, List.copyOf(found)));
            }
        }
        return List.copyOf(groups);
    }

    private Shortcoming shortcoming(Methodology methodology, ExportedCampaign campaign, OrganizationResult organization,
                                    Criterion criterion, Indicator indicator, OrganizationResult.IndicatorValue value) {
        double score = value.value();
        String points = "показатель — " + new Score(score).russian() + " из 100 баллов";
        Optional<ShortcomingTexts.Text> text = texts.find(methodology.code(), indicator.code());
        String label = indicator.code() + text.map(t -> " «" + t.shortName() + "»").orElse("");
        String name;
        if (value.zeroRuleApplied()) {
            name = label + ": на вопрос никто не ответил (знаменатель равен нулю), по правилу кампании " + points;
        } else {
            name = text.flatMap(t -> texts.describe(t, indicator, organization.inputs(), campaign.settings(), score))
                    .map(described -> indicator.code() + ": " + described + "; " + points)
                    .orElse(label + ": " + points);
        }
        String activity = text.map(ShortcomingTexts.Text::activity)
                .orElse("Разработать меры по повышению значения показателя " + indicator.code());
        return new Shortcoming(criterion, indicator, score, name, activity);
    }
}
