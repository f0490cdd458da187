package ru.noko.explorer.web;

import ru.noko.explorer.PagePaths;
import jakarta.inject.Singleton;
import ru.noko.campaigns.CampaignQueries;
import ru.noko.campaigns.PublishedCampaign;
import ru.noko.catalog.Organization;
import ru.noko.catalog.OrganizationRepository;
import ru.noko.catalog.Region;
import ru.noko.catalog.RegionRepository;
import ru.noko.methodology.Criterion;
import ru.noko.methodology.DenominatorVariant;
import ru.noko.methodology.Indicator;
import ru.noko.methodology.IndicatorSource;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.platform.web.ApiProblemException;
import ru.noko.ratings.HistoryRow;
import ru.noko.ratings.RatingQueries;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The organization page and the comparison, over the queries of /api/v1/organizations/{id}/results and /api/v1/compare. */
@Singleton
class OrganizationPages {

    private final OrganizationRepository organizations;
    private final RegionRepository regions;
    private final RatingQueries queries;
    private final CampaignQueries campaigns;
    private final MethodologyCatalogue catalogue;
    private final Templates templates;

    OrganizationPages(OrganizationRepository organizations, RegionRepository regions, RatingQueries queries,
                      CampaignQueries campaigns, MethodologyCatalogue catalogue, Templates templates) {
        this.organizations = organizations;
        this.regions = regions;
        this.queries = queries;
        this.campaigns = campaigns;
        this.catalogue = catalogue;
        this.templates = templates;
    }

    String organization(long id) {
        Organization o = organizations.findById(id)
                .orElseThrow(() -> ApiProblemException.notFound("No organization with id " + id));
        Region region = regions.findByCode(o.regionCode()).orElse(null);
        List<HistoryRow> history = queries.organizationHistory(id).map(RatingQueries.OrganizationHistory::rows).orElse(List.of());
        HistoryRow latest = history.stream().filter(r -> r.organizationId() == id).findFirst()
                .orElse(history.isEmpty() ? null : history.get(0));
        PublishedCampaign campaign = latest == null ? null : campaigns.findPublic(latest.campaignId()).orElse(null);
        Methodology methodology = latest == null ? catalogue.defaultMethodology() : methodology(latest.methodologyCode());

        List<String> notices = new ArrayList<>();
        if (o.demo() || (campaign != null && campaign.demo())) {
            notices.add("Демонстрационные данные: эти результаты придуманы для показа сервиса и не являются официальными.");
        }
        retractedNotice(id, latest).ifPresent(notices::add);
        List<String> facts = new ArrayList<>();
        facts.add(o.type().nameRu());
        if (o.municipality() != null) {
            facts.add(o.municipality() + (region == null ? "" : ", " + region.name()));
        }
        facts.add("ИНН " + o.inn() + (o.kpp() == null ? "" : ", КПП " + o.kpp()));
        if (o.address() != null) {
            facts.add(o.address());
        }

        String dated = null;
        String total = null;
        String totalNote = null;
        List<String> places = new ArrayList<>();
        Views.Table criteria = null;
        List<Views.Table> indicators = new ArrayList<>();
        List<String> campaignFacts = new ArrayList<>();
        String lineage = null;
        if (latest != null) {
            dated = "Оценка " + latest.year() + " года, опубликована " + Format.date(latest.publishedAt())
                    + " (" + latest.campaignTitle() + ")";
            total = Format.score(latest.total()) + " из " + Format.score(methodology.maxTotal());
            if ("mismatch".equals(latest.totalCheck())) {
                totalNote = "Официальный итог оператора — " + Format.score(latest.total())
                        + "; пересчёт по критериям даёт " + Format.score(latest.totalComputed())
                        + ". На странице и в данных показан официальный итог.";
            }
            if (latest.placeRegion() != null) {
                places.add(latest.placeRegion() + "-е место из " + latest.organizationsInRegion() + " в регионе");
            }
            if (latest.placeType() != null) {
                places.add(latest.placeType() + "-е место из " + latest.organizationsInType() + " среди организаций этого типа");
            }
            if (latest.placeMunicipality() != null && latest.organizationsInMunicipality() != null) {
                places.add(latest.placeMunicipality() + "-е место из " + latest.organizationsInMunicipality()
                        + " в муниципалитете");
            }
            if (latest.organizationId() != id) {
                lineage = "Последний результат принадлежит предшественнику организации: " + latest.organizationName() + ".";
            }
            criteria = criteriaTable(latest, methodology);
            DenominatorVariant variant = campaign == null ? methodology.defaultVariant()
                    : DenominatorVariant.fromCode(campaign.denominatorVariant()).orElse(methodology.defaultVariant());
            indicators = indicatorTables(latest, methodology, variant,
                    campaigns.publishedRawInputs(latest.campaignId(), latest.organizationId()));
            if (campaign != null) {
                campaignFacts.add("Кампания: " + campaign.title() + " (" + campaign.regionName() + ", " + campaign.year() + ")");
                campaignFacts.add("Оператор: " + (campaign.operatorName() == null ? "не указан" : campaign.operatorName()));
                campaignFacts.add("Сроки оценки: " + Format.date(campaign.startedOn()) + " — " + Format.date(campaign.finishedOn()));
                campaignFacts.add("Протокол общественного совета: "
                        + (campaign.councilProtocol() == null ? "не указан" : campaign.councilProtocol()));
                campaignFacts.add("Методика: " + methodology.title());
                if (!campaign.isPublished()) {
                    notices.add("Кампания отозвана " + Format.date(campaign.retractedAt())
                            + (campaign.retractionReason() == null ? "" : ": " + campaign.retractionReason()));
                }
            }
        }
        Chart chart = history.isEmpty() ? null : historyChart(history, methodology);
        Views.Table historyTable = historyTable(history);

        String api = "/api/v1/organizations/" + id + "/results";
        List<Views.Link> links = List.of(
                new Views.Link(null, Links.JSON, api, "Результаты по годам, JSON"),
                new Views.Link(null, Links.CSV, api + "?format=csv", "CSV"),
                new Views.Link(null, Links.CSV, api + "?format=csv&dialect=excel", "CSV для Excel"),
                new Views.Link(null, null, api + "?format=xlsx", "XLSX"),
                new Views.Link(null, null, "https://bus.gov.ru/search?searchString=" + o.inn(), "Поиск по ИНН на bus.gov.ru"),
                new Views.Link(null, null, "/widgets?organization=" + id, "Код для встраивания на сайт"),
                new Views.Link(null, null, PagePaths.compare(String.valueOf(id)), "Сравнить с другими"));
        String embed = "<iframe src=\"" + templates.absolute("/widgets/organizations/" + id)
                + "\" title=\"Результаты НОКО\" width=\"100%\" height=\"760\"></iframe>";

        List<Views.Link> crumbs = new ArrayList<>();
        crumbs.add(Links.crumb("Главная", "/"));
        if (region != null) {
            crumbs.add(Links.crumb(region.name(), PagePaths.region(region.code())));
        }
        if (o.oktmo() != null) {
            crumbs.add(Links.crumb(o.municipality(), "/municipalities/" + o.oktmo()));
        }
        String description = o.name() + ": результаты независимой оценки качества (НОКО)"
                + (latest == null ? "" : " " + latest.year() + " года — итог " + Format.score(latest.total())
                + (latest.placeRegion() == null ? "" : ", " + latest.placeRegion() + "-е место в регионе")) + ".";
        Views.Layout layout = templates.layout(o.name() + " — НОКО", description, PagePaths.organization(id),
                Links.twins(api, PagePaths.organizationFeed(id), "Публикации по организации (Atom)"),
                jsonLd(o, region), crumbs, notices);
        return templates.render("organization", new Views.Organization(layout, o.name(), facts, latest != null, dated,
                total, totalNote, places, criteria, indicators, chart, historyTable, campaignFacts, links, embed, lineage));
    }

    String compare(List<Long> ids) {
        List<Long> requested = List.copyOf(new LinkedHashSet<>(ids));
        Map<Long, Organization> found = new LinkedHashMap<>();
        for (Long id : requested) {
            found.put(id, organizations.findById(id)
                    .orElseThrow(() -> ApiProblemException.notFound("No organization with id " + id)));
        }
        Map<Long, Map<Integer, RatingQueries.YearResult>> byOrganization = new LinkedHashMap<>();
        TreeSet<Integer> years = new TreeSet<>();
        for (RatingQueries.YearResult r : queries.yearResults(requested)) {
            byOrganization.computeIfAbsent(r.organizationId(), k -> new LinkedHashMap<>()).put(r.year(), r);
            years.add(r.year());
        }
        List<String> xNames = years.stream().map(String::valueOf).toList();
        List<Chart.Series> series = new ArrayList<>();
        List<String> headers = new ArrayList<>(List.of("Год"));
        double max = 100;
        for (Long id : requested) {
            headers.add(found.get(id).name());
            List<Double> values = new ArrayList<>();
            for (int year : years) {
                RatingQueries.YearResult r = byOrganization.getOrDefault(id, Map.of()).get(year);
                values.add(r == null ? null : r.total());
                if (r != null) {
                    max = Math.max(max, methodology(r.methodologyCode()).maxTotal());
                }
            }
            series.add(new Chart.Series(found.get(id).name(), values));
        }
        List<List<String>> chartRows = new ArrayList<>();
        List<Views.Row> rows = new ArrayList<>();
        int i = 0;
        for (int year : years) {
            List<String> texts = new ArrayList<>(List.of(String.valueOf(year)));
            for (Chart.Series s : series) {
                texts.add(Format.score(s.values().get(i)));
            }
            chartRows.add(texts);
            rows.add(new Views.Row(texts.stream().map(Views.Cell::of).toList(), false));
            i++;
        }
        Chart chart = years.isEmpty() ? null : Chart.lines("compare-chart", "Итоговый балл по годам",
                "Итоговый балл НОКО каждой организации по годам оценки; пропуск — организация в этот год не оценивалась.",
                xNames, series, max, List.of(), headers, chartRows);
        Views.Table table = new Views.Table("Итоговый балл по годам (пусто — не оценивалась)", headers, rows);
        String idList = String.join(",", requested.stream().map(String::valueOf).toList());
        String api = "/api/v1/compare?organizations=" + idList;
        Views.Layout layout = templates.layout("Сравнение организаций — НОКО",
                "Результаты НОКО нескольких организаций по годам: " + String.join("; ",
                        found.values().stream().map(Organization::name).toList()),
                PagePaths.compare(idList), Links.twins(api, PagePaths.publicationsFeed(), "Все публикации (Atom)"),
                null, List.of(Links.crumb("Главная", "/")), List.of());
        return templates.render("compare", new Views.Compare(layout, chart,
                new Views.Table(table.caption(), table.headers(), table.rows())));
    }

    /**
     * Retracted campaigns never reach the history; when the organization's newest assessment is one
     * of them, the page says so rather than let an older result pass for the current one.
     */
    private java.util.Optional<String> retractedNotice(long id, HistoryRow latest) {
        return campaigns.findRetractedWith(id).stream()
                .filter(c -> latest == null || c.year() > latest.year()
                        || (c.year() == latest.year() && c.publishedAt() != null && c.publishedAt().isAfter(latest.publishedAt())))
                .findFirst()
                .map(c -> "Последняя оценка организации — «" + c.title() + "» (" + c.year() + ") — отозвана "
                        + Format.date(c.retractedAt()) + (c.retractionReason() == null ? "" : ": " + c.retractionReason())
                        + (latest == null ? ". Её результаты не публикуются." : ". Её результаты не публикуются; ниже — предыдущая опубликованная оценка."));
    }

    private Methodology methodology(String code) {
        return code == null ? catalogue.defaultMethodology() : catalogue.find(code).orElse(catalogue.defaultMethodology());
    }

    private static Views.Table criteriaTable(HistoryRow row, Methodology methodology) {
        List<Views.Row> rows = new ArrayList<>();
        List<Criterion> criteria = sorted(methodology);
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            Double value = i < row.criteria().size() ? row.criteria().get(i) : null;
            rows.add(new Views.Row(List.of(Views.Cell.of(c.code()), Views.Cell.of(c.nameRu()),
                    Views.Cell.of(Format.score(value) + " из " + Format.score(c.maxScore())),
                    Views.Cell.of(Format.change(row.changeOfCriterion(i)))), false));
        }
        return new Views.Table("Пять критериев (" + row.year() + ")", List.of("Код", "Критерий", "Балл",
                "Изменение к " + (row.previousYear() == null ? "прошлому циклу" : row.previousYear() + " г.")), rows);
    }

    private static List<Views.Table> indicatorTables(HistoryRow row, Methodology methodology, DenominatorVariant variant,
                                                     Map<String, Long> raw) {
        List<Views.Table> tables = new ArrayList<>();
        for (Criterion c : sorted(methodology)) {
            if (c.indicators().isEmpty()) {
                continue;
            }
            List<Views.Row> rows = new ArrayList<>();
            for (Indicator indicator : c.indicators()) {
                Double value = row.indicators().get(indicator.field());
                boolean zeroRule = row.zeroRuleIndicators().contains(indicator.code());
                rows.add(new Views.Row(List.of(Views.Cell.of(indicator.code()), Views.Cell.of(indicator.nameRu()),
                        Views.Cell.of(indicator.source() == IndicatorSource.SURVEY ? "опрос получателей услуг" : "экспертная оценка"),
                        Views.Cell.of(Format.score(indicator.weight() * 100) + " %"),
                        Views.Cell.of(Format.score(value) + (zeroRule ? " (правило нулевого знаменателя)" : "")),
                        Views.Cell.of(FormulaText.formula(indicator.formula(), variant)),
                        Views.Cell.of(FormulaText.inputs(indicator.formula(), variant, raw))), false));
            }
            tables.add(new Views.Table(c.code() + ". " + c.nameRu(),
                    List.of("Показатель", "Что измеряет", "Источник", "Вес в критерии", "Значение", "Формула",
                            "Исходные данные"), rows));
        }
        return tables;
    }

    private static Chart historyChart(List<HistoryRow> history, Methodology latestMethodology) {
        List<HistoryRow> ascending = history.stream().sorted(Comparator.comparingInt(HistoryRow::year)
                .thenComparing(HistoryRow::publishedAt)).toList();
        List<String> xNames = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Integer> breaks = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        String previousMethodology = null;
        double max = 100;
        for (HistoryRow r : ascending) {
            if (previousMethodology != null && !previousMethodology.equals(r.methodologyCode())) {
                breaks.add(xNames.size());
            }
            previousMethodology = r.methodologyCode();
            xNames.add(String.valueOf(r.year()));
            values.add(r.total());
            max = Math.max(max, r.total());
            rows.add(List.of(String.valueOf(r.year()), Format.score(r.total()), r.methodologyCode()));
        }
        max = Math.max(max, latestMethodology.maxTotal());
        return Chart.lines("history-chart", "Итоговый балл по годам",
                "Итоговый балл организации в каждой опубликованной оценке"
                        + (breaks.isEmpty() ? "." : "; пунктир отмечает смену методики — баллы до и после не сравнимы."),
                xNames, List.of(new Chart.Series("Итоговый балл", values)), max, breaks,
                List.of("Год", "Итог", "Методика"), rows);
    }

    private static Views.Table historyTable(List<HistoryRow> history) {
        List<Views.Row> rows = new ArrayList<>();
        for (HistoryRow r : history) {
            rows.add(new Views.Row(List.of(Views.Cell.of(String.valueOf(r.year())),
                    Views.Cell.of(Format.date(r.publishedAt())),
                    new Views.Cell(r.campaignTitle(), null),
                    Views.Cell.of(Format.score(r.total())),
                    Views.Cell.of(Format.change(r.changeOfTotal()) + (r.methodologyBreak() ? " (смена методики)" : "")),
                    Views.Cell.of(r.placeRegion() == null ? "—" : r.placeRegion() + " из " + r.organizationsInRegion()),
                    Views.Cell.of(r.methodologyCode())), false));
        }
        return new Views.Table("Все опубликованные оценки", List.of("Год", "Опубликовано", "Кампания", "Итог",
                "Изменение", "Место в регионе", "Методика"), rows);
    }

    private static List<Criterion> sorted(Methodology methodology) {
        return methodology.criteria().stream().sorted(Comparator.comparingInt(Criterion::position)).toList();
    }

    private static String jsonLd(Organization o, Region region) {
        StringBuilder json = new StringBuilder("{\"@context\":\"https://schema.org\",\"@type\":");
        json.append(o.type() == ru.noko.catalog.OrganizationType.SCHOOL ? "\"School\""
                : o.type() == ru.noko.catalog.OrganizationType.PRESCHOOL ? "\"Preschool\""
                : o.type() == ru.noko.catalog.OrganizationType.HIGHER ? "\"CollegeOrUniversity\""
                : "\"EducationalOrganization\"");
        json.append(",\"name\":").append(Links.jsonString(o.name()));
        json.append(",\"taxID\":").append(Links.jsonString(o.inn()));
        if (o.address() != null) {
            json.append(",\"address\":{\"@type\":\"PostalAddress\",\"streetAddress\":").append(Links.jsonString(o.address()));
            if (region != null) {
                json.append(",\"addressRegion\":").append(Links.jsonString(region.name()));
            }
            json.append(",\"addressCountry\":\"RU\"}");
        }
        if (o.website() != null && (o.website().startsWith("http://") || o.website().startsWith("https://"))) {
            json.append(",\"url\":").append(Links.jsonString(o.website()));
        }
        return json.append('}').toString();
    }
}
