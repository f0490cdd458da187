package ru.noko.explorer.web;

import ru.noko.explorer.PagePaths;
import jakarta.inject.Singleton;
import ru.noko.campaigns.CampaignFilter;
import ru.noko.campaigns.CampaignQueries;
import ru.noko.campaigns.PublishedCampaign;
import ru.noko.catalog.Organization;
import ru.noko.catalog.OrganizationQuery;
import ru.noko.catalog.OrganizationRepository;
import ru.noko.catalog.OrganizationSort;
import ru.noko.catalog.Region;
import ru.noko.catalog.RegionRepository;
import ru.noko.catalog.SearchText;
import ru.noko.methodology.Criterion;
import ru.noko.methodology.Indicator;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.platform.web.Page;
import ru.noko.platform.web.PageRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The home page, the list of regions and the methodology. */
@Singleton
class HomePages {

    private static final int FOUND = 20;
    private static final int PUBLICATIONS = 8;

    private final OrganizationRepository organizations;
    private final RegionRepository regions;
    private final CampaignQueries campaigns;
    private final MethodologyCatalogue catalogue;
    private final Templates templates;
    private final Places places;

    HomePages(OrganizationRepository organizations, RegionRepository regions, CampaignQueries campaigns,
              MethodologyCatalogue catalogue, Templates templates, Places places) {
        this.places = places;
        this.organizations = organizations;
        this.regions = regions;
        this.campaigns = campaigns;
        this.catalogue = catalogue;
        this.templates = templates;
    }

    String home(String q) {
        String query = q == null ? "" : q.strip();
        List<Region> allRegions = regions.findAll(PageRequest.of(1, 500)).rows();
        Map<String, Region> byCode = allRegions.stream().collect(Collectors.toMap(Region::code, Function.identity()));
        List<Views.Row> found = new ArrayList<>();
        boolean searched = query.length() >= 2;
        boolean similar = false;
        if (searched) {
            boolean inn = query.matches("[0-9]{10}");
            Page<Organization> page = organizations.find(new OrganizationQuery(null, null, null, inn ? query : null,
                    inn ? null : query, OrganizationSort.fromKey("name").orElseThrow()), PageRequest.of(1, FOUND));
            List<Organization> rows = page.rows();
            if (rows.isEmpty() && !inn) {
                rows = organizations.findSimilar(query, FOUND);
                similar = !rows.isEmpty();
            }
            for (Organization o : rows) {
                Region region = byCode.get(o.regionCode());
                found.add(new Views.Row(List.of(new Views.Cell(o.name(), PagePaths.organization(o.id())),
                        Views.Cell.of(o.municipality() == null ? "—" : o.municipality()),
                        Views.Cell.of(region == null ? o.regionCode() : region.name()),
                        Views.Cell.of(o.inn())), false));
            }
            String folded = SearchText.fold(query);
            for (Region region : allRegions) {
                if (SearchText.fold(region.name()).contains(folded)) {
                    found.add(new Views.Row(List.of(new Views.Cell(region.name(), PagePaths.region(region.code())),
                            Views.Cell.of("регион"), Views.Cell.of(region.name()), Views.Cell.of("—")), false));
                }
            }
            if (!inn) {
                for (Places.Place place : places.find(query)) {
                    Region region = byCode.get(place.regionCode());
                    found.add(new Views.Row(List.of(new Views.Cell(place.name(), "/municipalities/" + place.oktmo()),
                            Views.Cell.of("муниципалитет"), Views.Cell.of(region == null ? place.regionCode() : region.name()),
                            Views.Cell.of("—")), false));
                }
            }
        }
        List<Views.Link> regionLinks = allRegions.stream()
                .map(r -> new Views.Link(null, null, PagePaths.region(r.code()), r.name() + (r.demo() ? " (демо)" : ""))).toList();
        List<Views.Row> publications = campaigns.findAllPublished(new CampaignFilter(null, null, null)).stream()
                .filter(c -> c.publishedAt() != null)
                .sorted(Comparator.comparing(PublishedCampaign::publishedAt).reversed()).limit(PUBLICATIONS)
                .map(c -> new Views.Row(List.of(Views.Cell.of(Format.date(c.publishedAt())),
                        new Views.Cell(c.title(), RegionPages.ratingsHref(c.regionCode(), c)),
                        new Views.Cell(c.regionName(), PagePaths.region(c.regionCode())),
                        Views.Cell.of(c.year() + (c.demo() ? " (демонстрационные данные)" : ""))), false))
                .toList();
        Views.Layout layout = templates.layout(searched ? "Поиск «" + query + "» — НОКО: результаты оценки качества образования"
                        : "НОКО: результаты независимой оценки качества образования",
                "Найдите школу, детский сад, колледж или вуз и посмотрите результаты независимой оценки качества "
                        + "условий образования (НОКО) по годам, с датами, методикой и открытыми данными.",
                searched ? "/?q=" + Links.encode(query) : "/",
                Links.twins(searched ? "/api/v1/organizations?q=" + Links.encode(query) : "/api/v1/campaigns",
                        PagePaths.publicationsFeed(), "Все публикации НОКО (Atom)"),
                null, List.of(), List.of());
        return templates.render("home", new Views.Home(layout, query, found, searched, similar, regionLinks, publications));
    }

    String regions() {
        List<Views.Row> rows = regions.findAll(PageRequest.of(1, 500)).rows().stream()
                .map(r -> new Views.Row(List.of(new Views.Cell(r.name(), PagePaths.region(r.code())), Views.Cell.of(r.code()),
                        Views.Cell.of(r.federalDistrict() == null ? "—" : r.federalDistrict()),
                        Views.Cell.of(String.valueOf(r.municipalitiesCount())),
                        Views.Cell.of(String.valueOf(r.organizationsCount())),
                        Views.Cell.of(r.demo() ? "демонстрационные данные" : "")), false)).toList();
        Views.Layout layout = templates.layout("Регионы — НОКО", "Регионы России и результаты независимой оценки "
                        + "качества образования в каждом из них.", PagePaths.regions(),
                Links.twins("/api/v1/regions", PagePaths.publicationsFeed(), "Все публикации НОКО (Atom)"), null,
                List.of(Links.crumb("Главная", "/")), List.of());
        return templates.render("regions", new Views.Regions(layout, new Views.Table("Регионы",
                List.of("Регион", "Код", "Федеральный округ", "Муниципалитетов", "Организаций", "Примечание"), rows)));
    }

    String methodology() {
        List<Views.MethodologyPart> parts = new ArrayList<>();
        for (Methodology m : catalogue.methodologies()) {
            List<Criterion> criteria = m.criteria().stream().sorted(Comparator.comparingInt(Criterion::position)).toList();
            List<Views.Row> criterionRows = criteria.stream().map(c -> new Views.Row(List.of(Views.Cell.of(c.code()),
                    Views.Cell.of(c.nameRu()), Views.Cell.of(Format.score(c.maxScore())),
                    Views.Cell.of(String.valueOf(c.indicators().size()))), false)).toList();
            List<Views.Row> indicatorRows = new ArrayList<>();
            for (Indicator i : m.indicators()) {
                indicatorRows.add(new Views.Row(List.of(Views.Cell.of(i.code()), Views.Cell.of(i.nameRu()),
                        Views.Cell.of(Format.score(i.weight() * 100) + " %"),
                        Views.Cell.of(i.source().code().equals("survey") ? "опрос" : "эксперт"),
                        Views.Cell.of(formula(i)), Views.Cell.of(String.join(", ", i.formula().inputs()))), false));
            }
            parts.add(new Views.MethodologyPart(m.code(), m.title(), m.yearsText(), m.legalBasis(), m.description(),
                    m.scale().code().equals("percent") ? "баллы 0–100 по каждому критерию" : "баллы методики, итог до " + Format.score(m.maxTotal()),
                    m.totalRule() == ru.noko.methodology.TotalRule.MEAN ? "среднее критериев" : "сумма критериев", m.defaultVariant().code(), m.defaultZeroRule().code(),
                    new Views.Table("Критерии методики " + m.code(), List.of("Код", "Критерий", "Максимум", "Показателей"), criterionRows),
                    indicatorRows.isEmpty() ? null : new Views.Table("Показатели методики " + m.code(), List.of("Код", "Показатель", "Вес в критерии",
                            "Источник", "Формула", "Исходные данные"), indicatorRows)));
        }
        List<String> rules = List.of(
                "Балл показателя — доля (в процентах) или число баллов по его формуле из исходных данных оператора.",
                "Балл критерия — сумма баллов его показателей, взвешенных по весам показателей внутри критерия.",
                "Итог организации — по правилу методики из пяти критериев; официальный итог оператора показывается, "
                        + "а расхождение с нашим пересчётом отмечается.",
                "Вариант знаменателя (per_question — ответившие на вопрос, all_respondents — все опрошенные) "
                        + "и правило нулевого знаменателя (zero, full_score, exclude) задаются кампанией; "
                        + "по умолчанию — значения методики, указанные ниже.");
        Views.Layout layout = templates.layout("Методика НОКО: критерии, показатели, веса и формулы",
                "Как считаются баллы независимой оценки качества условий образования: пять критериев, показатели, "
                        + "веса, формулы, варианты знаменателя и правило нулевого знаменателя.", PagePaths.methodology(),
                Links.twins("/api/v1/criteria", PagePaths.publicationsFeed(), "Все публикации НОКО (Atom)"), null,
                List.of(Links.crumb("Главная", "/")), List.of());
        return templates.render("methodology", new Views.Methodology(layout, parts, rules));
    }

    private static String formula(Indicator indicator) {
        return switch (indicator.formula().kind()) {
            case "ratio" -> "доля, %";
            case "mean_of_ratios" -> "среднее долей, %";
            case "capped_count" -> "баллы за число (с ограничением)";
            default -> indicator.formula().kind();
        };
    }
}
