package ru.noko.widgets.web;

import ru.noko.widgets.WidgetData;

import ru.noko.methodology.Criterion;

import java.time.OffsetDateTime;
import java.util.List;

/** The HTML card of one organization (GET /widgets/organizations/{id}). */
final class OrganizationCard {

    /** A result published longer ago than this may be outdated: assessments run every three years. */
    static final int OUTDATED_AFTER_YEARS = 3;

    private OrganizationCard() {
    }

    /** @param maxTotal top of the total's scale under the shown result's methodology (100, or 160 points in 2014) */
    static String render(WidgetData.Card card, List<Criterion> criteria, double maxTotal, WidgetOptions options,
                         WidgetAssets assets, OffsetDateTime now) {
        Labels l = options.labels();
        String ofMax = new ru.noko.methodology.Score(maxTotal).russian();
        WidgetData.Organization organization = card.organization();
        WidgetData.Result shown = card.shown();
        String title = organization.shortName() != null && !organization.shortName().isBlank()
                ? organization.shortName() : shown != null ? shown.name() : organization.name();
        String fullName = shown != null ? shown.name() : organization.name();
        boolean demo = organization.demoRegion() || shown != null && shown.campaign().demo();

        String pageTitle = shown == null
                ? l.t("НОКО: ", "NOKO: ") + title
                : l.t("НОКО ", "NOKO ") + shown.campaign().year() + ": " + title + " — " + l.score(shown.total())
                + l.t(" из " + ofMax, " of " + ofMax);
        Html h = WidgetPage.start(pageTitle, options, assets);
        h.open("article", "class", "card" + (options.compact() ? " compact" : ""), "aria-labelledby", "org-name");
        h.open("header");
        if (demo) {
            h.element("p", l.t("Демонстрационные данные", "Demonstration data"), "class", "pill demo");
        }
        h.element("h1", title, "id", "org-name");
        if (!options.compact() && !fullName.equals(title)) {
            h.element("p", fullName, "class", "full");
        }
        String municipality = shown != null && shown.municipality() != null ? shown.municipality() : organization.municipality();
        h.element("p", l.typeName(shown != null ? shown.type() : organization.type())
                + (municipality == null ? "" : " · " + municipality), "class", "meta");
        h.close("header");

        if (shown == null) {
            h.element("p", l.t("Результаты независимой оценки качества для этой организации пока не опубликованы.",
                    "No independent quality assessment results have been published for this organization yet."), "class", "empty");
            footer(h, card, options, l);
            h.close("article");
            return WidgetPage.finish(h);
        }

        WidgetData.Campaign campaign = shown.campaign();
        h.open("p", "class", "when");
        h.element("span", l.t("НОКО ", "NOKO ") + campaign.year(), "class", "pill");
        h.text(l.t("опубликовано ", "published "));
        h.element("time", l.date(campaign.publishedAt()), "datetime", Labels.isoDate(campaign.publishedAt()));
        h.close();
        notes(h, card, options, now);

        h.open("section", "class", "score", "aria-label", l.t("Итоговый балл и места", "Total score and places"));
        ring(h, shown.total(), maxTotal, l);
        h.open("ul", "class", "facts");
        if (shown.placeRegion() != null) {
            h.open("li").element("b", l.place(shown.placeRegion()))
                    .text(" " + l.amongOrganizations(shown.countRegion()) + l.t(" региона", " in the region")).close();
        }
        if (!options.compact() && shown.placeType() != null && shown.countType() != shown.countRegion()) {
            h.open("li").text(l.t("среди ", "among ") + l.typeGroup(shown.type()) + l.t(" — ", ": "))
                    .element("b", l.english() ? l.place(shown.placeType()) : String.valueOf(shown.placeType()))
                    .text(l.t(" из ", " of ") + l.count(shown.countType())).close();
        }
        if (!options.compact() && shown.placeMunicipality() != null && shown.countMunicipality() > 1) {
            h.open("li").text(l.t("в муниципалитете — ", "in the municipality: "))
                    .element("b", l.english() ? l.place(shown.placeMunicipality()) : String.valueOf(shown.placeMunicipality()))
                    .text(l.t(" из ", " of ") + l.count(shown.countMunicipality())).close();
        }
        if (!options.compact() && "mismatch".equals(shown.totalCheck())) {
            // the official total is shown; our recomputation differs by more than 0.01, so it is said
            h.open("li", "class", "check").text(l.t("официальный балл; пересчёт по критериям — ",
                    "official total; recomputed from the criteria: ")).text(l.score(shown.totalComputed())).close();
        }
        if (card.previous() != null) {
            change(h, shown.total() - card.previous().total(), card.previous().year(), l);
        }
        h.close("ul");
        h.close("section");
        zeroRuleNote(h, shown, l);

        if (!options.compact()) {
            h.element("h2", l.t("Баллы по критериям", "Scores by criterion"), "id", "criteria-title");
            h.open("ul", "class", "criteria", "aria-labelledby", "criteria-title");
            for (int i = 0; i < shown.criteria().size(); i++) {
                Double value = shown.criteria().get(i);
                if (value == null) {
                    continue; // the campaign's methodology has no such criterion
                }
                String field = "k" + (i + 1);
                Criterion criterion = criteria.stream().filter(c -> c.field().equals(field)).findFirst().orElse(null);
                String name = criterion == null ? "K" + (i + 1) : l.english() ? criterion.nameEn() : criterion.nameRu();
                String max = new ru.noko.methodology.Score(criterion == null ? Criterion.PERCENT_MAX : criterion.maxScore()).russian();
                h.open("li");
                h.element("span", name, "class", "name");
                h.open("span", "class", "val").text(l.score(value))
                        .element("span", l.t(" из " + max, " of " + max), "class", "sr").close();
                bar(h, criterion == null ? value : value / criterion.maxScore() * Criterion.PERCENT_MAX);
                h.close("li");
            }
            h.close("ul");
        }
        footer(h, card, options, l);
        h.close("article");
        return WidgetPage.finish(h);
    }

    /** Says when the result may be outdated, or is not the organization's latest. */
    private static void notes(Html h, WidgetData.Card card, WidgetOptions options, OffsetDateTime now) {
        Labels l = options.labels();
        WidgetData.Campaign campaign = card.shown().campaign();
        WidgetData.Summary latest = card.latest();
        if (latest != null && latest.campaignId() != campaign.id() && latest.year() >= campaign.year()) {
            h.open("p", "class", "note", "role", "note");
            h.text(l.t("Это результаты " + campaign.year() + " года; есть более поздние: ",
                    "These are the " + campaign.year() + " results; later ones exist: "));
            h.element("a", l.t("НОКО ", "NOKO ") + latest.year(),
                    "href", WidgetPage.cardHref(card.organization().id(), null, options, true), "target", "_self");
            h.text(".");
            h.close();
        } else if (campaign.publishedAt().isBefore(now.minusYears(OUTDATED_AFTER_YEARS))) {
            h.element("p", l.t("Оценка опубликована более трёх лет назад — результаты могли устареть. "
                            + "Новая оценка проводится не реже раза в три года.",
                    "Published more than three years ago: the results may be outdated. "
                            + "Assessments are repeated at least every three years."),
                    "class", "note", "role", "note");
        }
    }

    /**
     * The indicators whose value the zero-denominator rule decided: nobody answered their question,
     * and the rule applied is the campaign's choice, not law, so the card says so.
     */
    private static void zeroRuleNote(Html h, WidgetData.Result shown, Labels l) {
        List<String> codes = shown.zeroRuleIndicators();
        if (codes.isEmpty()) {
            return;
        }
        String list = String.join(", ", codes);
        String rule = switch (shown.zeroRule() == null ? "" : shown.zeroRule()) {
            case "zero" -> l.t("поставлено 0 баллов", "0 points given");
            case "full_score" -> l.t("поставлено 100 баллов", "100 points given");
            default -> l.t("применено правило исключения", "the exclusion rule applied");
        };
        h.element("p", l.t((codes.size() == 1 ? "Показатель " : "Показатели ") + list + ": нет ответивших, " + rule
                                + " (выбор сервиса, не норма)",
                        (codes.size() == 1 ? "Indicator " : "Indicators ") + list + ": nobody answered; " + rule
                                + " (our choice, not law)"),
                "class", "note zero-rule", "role", "note");
    }

    private static void ring(Html h, double total, double maxTotal, Labels l) {
        String ofMax = new ru.noko.methodology.Score(maxTotal).russian();
        h.open("div", "class", "ring", "role", "img",
                "aria-label", l.t("Итоговый балл ", "Total score ") + l.score(total) + l.t(" из " + ofMax, " of " + ofMax));
        h.open("svg", "viewBox", "0 0 100 100", "aria-hidden", "true", "focusable", "false");
        h.empty("circle", "class", "ring-track", "cx", "50", "cy", "50", "r", "44", "fill", "none", "stroke-width", "9");
        h.empty("circle", "class", "ring-fill", "cx", "50", "cy", "50", "r", "44", "fill", "none", "stroke-width", "9",
                "stroke-linecap", "round", "pathLength", "100",
                "stroke-dasharray", Labels.geometry(Math.max(0, Math.min(100, total / maxTotal * 100))) + " 100",
                "transform", "rotate(-90 50 50)");
        h.close("svg");
        h.open("span", "class", "value");
        h.element("b", l.score(total));
        h.element("small", l.t("из " + ofMax, "of " + ofMax));
        h.close("span");
        h.close("div");
    }

    private static void change(Html h, double delta, int previousYear, Labels l) {
        int sign = Labels.shownSign(delta);
        String cssClass = sign > 0 ? "up" : sign < 0 ? "down" : "same";
        String arrow = sign > 0 ? "▲ " : sign < 0 ? "▼ " : "= ";
        h.open("li", "class", cssClass);
        h.element("span", arrow, "aria-hidden", "true");
        if (sign == 0) {
            h.text(l.t("без изменений по сравнению с " + previousYear + "\u00A0г.", "no change since " + previousYear));
        } else {
            h.element("b", l.signedScore(delta));
            h.text(l.t(" по сравнению с " + previousYear + "\u00A0г.", " compared with " + previousYear));
        }
        h.close("li");
    }

    static void bar(Html h, double value) {
        h.open("svg", "aria-hidden", "true", "focusable", "false", "width", "100%", "height", "8");
        h.empty("rect", "class", "bar-track", "width", "100%", "height", "8", "rx", "4");
        if (value > 0) {
            h.empty("rect", "class", "bar-fill", "width", Labels.geometry(Math.min(100, value)) + "%", "height", "8", "rx", "4");
        }
        h.close("svg");
    }

    private static void footer(Html h, WidgetData.Card card, WidgetOptions options, Labels l) {
        h.open("footer");
        if (options.compact() && card.shown() != null) {
            boolean pinned = card.latest() == null || card.latest().campaignId() != card.shown().campaign().id();
            h.element("a", l.t("Подробнее", "Details"), "href", WidgetPage.cardHref(card.organization().id(),
                    pinned ? card.shown().campaign().id() : null, options, false));
        }
        if (card.shown() != null) {
            h.open("span").text(l.t("Источник: ", "Source: "))
                    .element("a", l.t("НОКО ", "NOKO ") + card.shown().campaign().year(),
                            "href", "/api/v1/campaigns/" + card.shown().campaign().id(),
                            "title", card.shown().campaign().title())
                    .close();
        }
        h.element("a", l.t("Данные организации", "Organization data"),
                "href", "/api/v1/organizations/" + card.organization().id());
        String website = Html.safeExternalUrl(card.organization().website());
        if (website != null && !options.compact()) {
            h.element("a", l.t("Сайт организации", "Website"), "href", website, "rel", "nofollow noopener");
        }
        h.element("span", l.t("НОКО Open Data", "NOKO Open Data"), "class", "brand");
        h.close("footer");
    }
}
