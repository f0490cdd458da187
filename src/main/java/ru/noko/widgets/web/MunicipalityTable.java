package ru.noko.widgets.web;

import ru.noko.widgets.WidgetData;

import ru.noko.catalog.OrganizationType;
import ru.noko.methodology.Criterion;

import java.util.ArrayList;
import java.util.List;

/** The ranking table of a municipality (GET /widgets/municipalities/{oktmo}). */
final class MunicipalityTable {

    private MunicipalityTable() {
    }

    /** Every widget page stays under 30 KB; a table that would not is shortened (the footer says so). */
    static final int BUDGET_BYTES = 29 * 1024;

    static String render(WidgetData.Ranking ranking, List<Criterion> criteria, int limit, Long highlight,
                         Integer requestedYear, WidgetOptions options, WidgetAssets assets) {
        int rows = limit;
        while (true) {
            String page = render(ranking, criteria, rows, highlight, requestedYear, options, assets, rows < limit);
            if (rows <= 1 || page.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= BUDGET_BYTES) {
                return page;
            }
            rows -= Math.max(1, rows / 5);
        }
    }

    private static String render(WidgetData.Ranking ranking, List<Criterion> criteria, int limit, Long highlight,
                                 Integer requestedYear, WidgetOptions options, WidgetAssets assets, boolean shortened) {
        Labels l = options.labels();
        WidgetData.Municipality municipality = ranking.municipality();
        WidgetData.Campaign campaign = ranking.campaign();
        boolean demo = municipality.demoRegion() || campaign != null && campaign.demo();
        String heading = l.t("Рейтинг НОКО: ", "NOKO ranking: ") + municipality.name();
        Html h = WidgetPage.start(heading + (campaign == null ? "" : ", " + campaign.year()), options, assets);
        h.open("article", "class", "card" + (options.compact() ? " compact" : ""), "aria-labelledby", "ranking-title");
        h.open("header");
        if (demo) {
            h.element("p", l.t("Демонстрационные данные", "Demonstration data"), "class", "pill demo");
        }
        h.element("h1", heading, "id", "ranking-title");
        OrganizationType type = ranking.type() != null ? ranking.type() : commonType(ranking.rows());
        h.element("p", (type == null ? l.t("Все организации", "All organizations") : l.typeTitle(type))
                + " · " + municipality.regionName(), "class", "meta");
        if (campaign != null) {
            h.open("p", "class", "when");
            h.element("span", l.t("НОКО ", "NOKO ") + campaign.year(), "class", "pill");
            h.text(l.t("опубликовано ", "published "));
            h.element("time", l.date(campaign.publishedAt()), "datetime", Labels.isoDate(campaign.publishedAt()));
            h.close();
        }
        h.close("header");

        if (campaign == null || ranking.rows().isEmpty()) {
            h.element("p", requestedYear == null
                    ? l.t("Опубликованных результатов НОКО по этому муниципалитету нет.",
                    "No NOKO results have been published for this municipality.")
                    : l.t("Опубликованных результатов НОКО " + requestedYear + " года по этому муниципалитету нет.",
                    "No NOKO results of " + requestedYear + " have been published for this municipality."),
                    "class", "empty");
            h.open("footer").element("span", l.t("НОКО Open Data", "NOKO Open Data"), "class", "brand").close();
            h.close("article");
            return WidgetPage.finish(h);
        }

        List<WidgetData.RankingRow> shown = new ArrayList<>(ranking.rows().subList(0, Math.min(limit, ranking.rows().size())));
        WidgetData.RankingRow extra = null;
        if (highlight != null && shown.stream().noneMatch(r -> r.organizationId() == highlight)) {
            extra = ranking.rows().stream().filter(r -> r.organizationId() == highlight).findFirst().orElse(null);
        }

        h.open("div", "class", "scroll", "role", "region", "tabindex", "0", "aria-labelledby", "ranking-title");
        h.open("table");
        h.element("caption", l.t("Организации по итоговому баллу НОКО ", "Organizations by NOKO total score, ")
                + campaign.year() + l.t(", места в муниципалитете", ", places in the municipality"), "class", "sr");
        h.open("thead").open("tr");
        h.element("th", l.t("Место", "Place"), "scope", "col");
        h.element("th", l.t("Организация", "Organization"), "scope", "col");
        h.element("th", l.t("Балл", "Score"), "scope", "col");
        if (!options.compact()) {
            for (int i = 0; i < 5; i++) {
                h.open("th", "scope", "col");
                String name = i < criteria.size() ? (l.english() ? criteria.get(i).nameEn() : criteria.get(i).nameRu()) : "";
                h.element("abbr", l.t("К", "K") + (i + 1), "title", name);
                h.element("span", " " + name, "class", "sr");
                h.close("th");
            }
            h.open("th", "scope", "col");
            h.element("abbr", l.t("В регионе", "In region"), "title",
                    l.t("Место ", "Place ") + l.amongOrganizations(ranking.countRegion()) + l.t(" региона", " in the region"));
            h.close("th");
        }
        h.close("tr").close("thead");
        h.open("tbody");
        for (WidgetData.RankingRow row : shown) {
            row(h, row, highlight, options, campaign.id());
        }
        if (extra != null) {
            h.open("tr", "class", "gap").open("td", "colspan", options.compact() ? "3" : "9")
                    .element("span", "…", "aria-hidden", "true").close().close();
            row(h, extra, highlight, options, campaign.id());
        }
        h.close("tbody");
        h.close("table");
        h.close("div");

        h.open("footer");
        h.element("span", l.t("Показаны ", "Showing ") + l.count(shown.size()) + l.t(" из ", " of ")
                + l.count(ranking.rows().size()) + (shortened ? l.t(" (таблица сокращена)", " (table shortened)") : ""));
        if (!options.compact()) {
            h.element("span", l.t("В регионе — места среди ", "In region: places among ") + l.count(ranking.countRegion())
                    + l.t("", " organizations"));
        }
        h.open("span").text(l.t("Источник: ", "Source: "))
                .element("a", l.t("НОКО ", "NOKO ") + campaign.year(), "href", "/api/v1/campaigns/" + campaign.id(),
                        "title", campaign.title())
                .close();
        h.element("span", l.t("НОКО Open Data", "NOKO Open Data"), "class", "brand");
        h.close("footer");
        h.close("article");
        return WidgetPage.finish(h);
    }

    private static void row(Html h, WidgetData.RankingRow row, Long highlight, WidgetOptions options, long campaignId) {
        Labels l = options.labels();
        boolean me = highlight != null && row.organizationId() == highlight;
        String cssClass = (row.place() <= 3 ? "top" : "") + (me ? (row.place() <= 3 ? " me" : "me") : "");
        h.open("tr", "class", cssClass.isEmpty() ? null : cssClass, "aria-current", me ? "true" : null);
        h.open("td").element("b", String.valueOf(row.place())).close();
        String name = row.shortName() != null && !row.shortName().isBlank() ? row.shortName() : row.name();
        h.open("td").element("a", name, "href", WidgetPage.cardHref(row.organizationId(), campaignId, options, false)).close();
        h.open("td").element("b", l.score(row.total())).close();
        if (!options.compact()) {
            for (Double criterion : row.criteria()) {
                h.element("td", criterion == null ? "—" : l.score(criterion));
            }
            h.element("td", row.placeRegion() == null ? "—" : String.valueOf(row.placeRegion()));
        }
        h.close("tr");
    }

    private static OrganizationType commonType(List<WidgetData.RankingRow> rows) {
        OrganizationType type = null;
        for (WidgetData.RankingRow row : rows) {
            if (type != null && type != row.type()) {
                return null;
            }
            type = row.type();
        }
        return type;
    }
}
