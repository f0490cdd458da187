package ru.noko.explorer.web;

import ru.noko.explorer.PagePaths;
import jakarta.inject.Singleton;
import ru.noko.campaigns.CampaignFilter;
import ru.noko.campaigns.CampaignQueries;
import ru.noko.campaigns.PublishedCampaign;
import ru.noko.campaigns.results.ResultQuery;
import ru.noko.campaigns.results.ResultRow;
import ru.noko.campaigns.results.ResultSort;
import ru.noko.campaigns.results.ResultTable;
import ru.noko.catalog.LatestResults;
import ru.noko.catalog.Municipality;
import ru.noko.catalog.Organization;
import ru.noko.catalog.OrganizationQuery;
import ru.noko.catalog.OrganizationRepository;
import ru.noko.catalog.OrganizationSort;
import ru.noko.catalog.OrganizationType;
import ru.noko.catalog.PublishedResult;
import ru.noko.catalog.Region;
import ru.noko.catalog.RegionRepository;
import ru.noko.methodology.Criterion;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.platform.web.ApiProblemException;
import ru.noko.platform.web.Page;
import ru.noko.platform.web.PageRequest;
import ru.noko.ratings.RatingQueries;
import ru.noko.ratings.RatingScope;
import ru.noko.ratings.RatingScopes;
import ru.noko.ratings.YearStatistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** A region, its ranking and a municipality, over the queries of /api/v1/ratings and /api/v1/regions/{code}/statistics. */
@Singleton
class RegionPages {

    private static final int MAX_MUNICIPALITY_ORGANIZATIONS = 150;
    /** Rows of the municipalities table of a region page: a page stays under 60 KB. */
    private static final int MAX_MUNICIPALITIES = 200;

    private final RegionRepository regions;
    private final CampaignQueries campaigns;
    private final RatingScopes scopes;
    private final RatingQueries queries;
    private final ResultTable results;
    private final OrganizationRepository organizations;
    private final LatestResults latest;
    private final MethodologyCatalogue catalogue;
    private final Templates templates;

    RegionPages(RegionRepository regions, CampaignQueries campaigns, RatingScopes scopes, RatingQueries queries,
                ResultTable results, OrganizationRepository organizations, LatestResults latest,
                MethodologyCatalogue catalogue, Templates templates) {
        this.regions = regions;
        this.campaigns = campaigns;
        this.scopes = scopes;
        this.queries = queries;
        this.results = results;
        this.organizations = organizations;
        this.latest = latest;
        this.catalogue = catalogue;
        this.templates = templates;
    }

    String region(String code) {
        Region region = regions.findByCode(code).orElseThrow(() -> ApiProblemException.notFound("No region with code " + code));
        List<PublishedCampaign> list = campaigns.findAllPublished(new CampaignFilter(code, null, null));
        List<Views.Row> campaignRows = new ArrayList<>();
        List<Views.Link> ratingLinks = new ArrayList<>();
        List<PublishedCampaign> listed = new ArrayList<>(list);
        listed.addAll(campaigns.findRetracted(code));
        listed.sort(java.util.Comparator.comparingInt(PublishedCampaign::year).reversed());
        for (PublishedCampaign c : listed) {
            if (!c.isPublished()) {
                campaignRows.add(new Views.Row(List.of(Views.Cell.of(String.valueOf(c.year())), Views.Cell.of(c.title()),
                        Views.Cell.of(types(c.types())), Views.Cell.of(String.valueOf(c.organizationsCount())),
                        Views.Cell.of(Format.date(c.publishedAt())),
                        Views.Cell.of("отозвана " + Format.date(c.retractedAt())
                                + (c.retractionReason() == null ? "" : ": " + c.retractionReason())
                                + "; результаты не действуют" + (c.demo() ? ", демонстрационные данные" : ""))), false));
                continue;
            }
            String href = ratingsHref(code, c);
            campaignRows.add(new Views.Row(List.of(Views.Cell.of(String.valueOf(c.year())), new Views.Cell(c.title(), href),
                    Views.Cell.of(types(c.types())), Views.Cell.of(String.valueOf(c.organizationsCount())),
                    Views.Cell.of(Format.date(c.publishedAt())),
                    Views.Cell.of("опубликована" + (c.demo() ? ", демонстрационные данные" : ""))),
                    false));
            ratingLinks.add(new Views.Link(null, null, href, "Рейтинг " + c.year() + ": " + c.title()));
        }
        Views.Table campaignTable = new Views.Table("Кампании НОКО по годам и типам организаций",
                List.of("Год", "Кампания", "Типы организаций", "Организаций", "Опубликована", "Состояние"), campaignRows);

        Chart distribution = null;
        Views.Table extremes = null;
        PublishedCampaign newest = list.isEmpty() ? null : list.get(0);
        if (newest != null) {
            Methodology methodology = methodology(newest.methodology());
            List<ResultRow> rows = new ArrayList<>();
            results.stream(ResultQuery.ranking(newest.id(), null, null), rows::add);
            distribution = distribution(newest, methodology, rows);
            extremes = extremes(newest, methodology, rows);
        }
        Chart criteria = criteriaChart(queries.statistics(code, null, null));

        Page<Municipality> municipalities = regions.findMunicipalities(code, PageRequest.of(1, MAX_MUNICIPALITIES));
        List<Views.Row> municipalityRows = municipalities.rows().stream().map(m -> new Views.Row(List.of(
                new Views.Cell(m.name(), "/municipalities/" + m.oktmo()), Views.Cell.of(m.oktmo()),
                Views.Cell.of(String.valueOf(m.organizationsCount()))), false)).toList();
        List<String> notices = new ArrayList<>();
        if (region.demo()) {
            notices.add("Демонстрационный регион: его данные придуманы для показа сервиса и не являются официальными.");
        }
        Views.Layout layout = templates.layout(region.name() + ": результаты НОКО по годам",
                "Независимая оценка качества образования в регионе «" + region.name() + "»: кампании, распределение баллов, "
                        + "средние по критериям, лучшие и худшие организации, муниципалитеты.",
                PagePaths.region(code), Links.twins("/api/v1/regions/" + code + "/statistics",
                        PagePaths.regionFeed(code), "Публикации региона (Atom)"),
                null, List.of(Links.crumb("Главная", "/"), Links.crumb("Регионы", PagePaths.regions())), notices);
        return templates.render("region", new Views.Region(layout, region.name(), campaignTable, distribution, criteria,
                extremes, new Views.Table("Муниципалитеты" + (municipalities.total() > municipalities.rows().size()
                        ? " (первые " + municipalities.rows().size() + " из " + municipalities.total() + "; все — в /api/v1/regions/" + code + "/municipalities)" : ""),
                List.of("Муниципалитет", "ОКТМО", "Организаций"),
                municipalityRows), ratingLinks));
    }

    String ratings(String code, Integer year, String type, String municipality, String sortKey, Integer page, Integer perPage) {
        RatingScope scope = scopes.resolve(code, year, type, municipality);
        ResultSort sort = ResultSort.fromKey(sortKey == null ? "-total" : sortKey).orElseThrow();
        ResultQuery query = ResultQuery.ranking(scope.campaign().id(), scope.municipality(), scope.type(), sort);
        Page<ResultRow> found = results.page(query, PageRequest.of(page, perPage));
        Map<Long, Double> previous = previousTotals(scope);
        Methodology methodology = methodology(scope.campaign().methodology());

        List<Views.Row> rows = new ArrayList<>();
        for (ResultRow row : found.rows()) {
            Double before = previous.get(row.organizationId());
            List<Views.Cell> cells = new ArrayList<>();
            cells.add(Views.Cell.of(String.valueOf(scope.placeOf(row))));
            cells.add(new Views.Cell(row.name(), PagePaths.organization(row.organizationId())));
            cells.add(Views.Cell.of(row.municipality() == null ? "—" : row.municipality()));
            cells.add(Views.Cell.of(Format.score(row.total())));
            cells.add(Views.Cell.of(Format.change(before == null ? null : row.total() - before)));
            for (int i = 0; i < 5; i++) {
                cells.add(Views.Cell.of(Format.score(i < row.criteria().size() ? row.criterion(i) : null)));
            }
            rows.add(new Views.Row(cells, false));
        }
        List<String> headers = new ArrayList<>(List.of("Место", "Организация", "Муниципалитет", "Итог", "Изменение"));
        List<Criterion> criteria = methodology.criteria().stream().sorted(Comparator.comparingInt(Criterion::position)).toList();
        for (int i = 0; i < 5; i++) {
            headers.add(i < criteria.size() ? criteria.get(i).code() : "К" + (i + 1));
        }
        String base = PagePaths.ratings(code, scope.campaign().year(), scope.type())
                + (scope.municipality() == null ? "" : "&municipality=" + scope.municipality());
        String api = "/api/v1/ratings?region=" + code + "&year=" + scope.campaign().year()
                + (scope.type() == null ? "" : "&type=" + scope.type())
                + (scope.municipality() == null ? "" : "&municipality=" + scope.municipality())
                + (sort == ResultSort.TOTAL_DESC ? "" : "&sort=" + Links.encode(sort.key()));
        List<Views.Link> sorts = new ArrayList<>();
        for (String[] option : new String[][]{{"-total", "по итогу (по убыванию)"}, {"total", "по итогу (по возрастанию)"},
                {"name", "по названию"}, {"municipality", "по муниципалитету"}, {"-k1", "по К1"}, {"-k2", "по К2"},
                {"-k3", "по К3"}, {"-k4", "по К4"}, {"-k5", "по К5"}}) {
            sorts.add(new Views.Link(option[0].equals(sort.key()) ? "current" : null, null,
                    base + "&sort=" + Links.encode(option[0]), option[1]));
        }
        String sortPart = "&sort=" + Links.encode(sort.key());
        String perPagePart = perPage == null || perPage == PageRequest.DEFAULT_PER_PAGE ? "" : "&per_page=" + perPage;
        List<Views.Link> pages = new ArrayList<>();
        int current = found.request().page();
        if (current > 1) {
            pages.add(new Views.Link("prev", null, base + sortPart + perPagePart + "&page=" + (current - 1), "← Предыдущая страница"));
        }
        if (current < found.pages()) {
            pages.add(new Views.Link("next", null, base + sortPart + perPagePart + "&page=" + (current + 1), "Следующая страница →"));
        }
        List<Views.Link> downloads = List.of(
                new Views.Link(null, null, api + "&format=xlsx", "XLSX"),
                new Views.Link(null, Links.CSV, api + "&format=csv", "CSV"),
                new Views.Link(null, Links.CSV, api + "&format=csv&dialect=excel", "CSV для Excel"),
                new Views.Link(null, Links.JSON, api, "JSON"));
        List<Views.Link> filters = new ArrayList<>();
        if (scope.municipality() != null) {
            filters.add(new Views.Link(null, null, PagePaths.ratings(code, scope.campaign().year(), scope.type()), "Весь регион"));
        }
        PublishedCampaign c = scope.campaign();
        String scopeName = scope.regionName() + (scope.municipalityName() == null ? "" : ", " + scope.municipalityName())
                + (scope.type() == null ? "" : ", " + types(List.of(scope.type())));
        String heading = "Рейтинг НОКО " + c.year() + ": " + scopeName;
        String dated = "Оценка " + c.year() + " года, опубликована " + Format.date(c.publishedAt()) + ". Кампания «" + c.title()
                + "», оператор: " + (c.operatorName() == null ? "не указан" : c.operatorName()) + ".";
        long from = found.total() == 0 ? 0 : found.request().offset() + 1;
        String shown = "Показаны " + from + "–" + (found.request().offset() + found.rows().size()) + " из " + found.total()
                + "; страница " + current + " из " + Math.max(1, found.pages()) + ".";
        List<String> notices = new ArrayList<>();
        if (c.demo()) {
            notices.add("Демонстрационные данные: эти результаты придуманы для показа сервиса и не являются официальными.");
        }
        String canonical = base + (sort == ResultSort.TOTAL_DESC ? "" : sortPart) + (current > 1 ? "&page=" + current : "") + perPagePart;
        Views.Layout layout = templates.layout(heading + (current > 1 ? " (страница " + current + ")" : ""),
                "Рейтинг организаций по итогам независимой оценки качества " + c.year() + " года: " + scopeName
                        + ". Официальные места, изменение к прошлому циклу, данные в XLSX, CSV и JSON.",
                canonical, Links.twins(api, PagePaths.regionFeed(code), "Публикации региона (Atom)"), null,
                List.of(Links.crumb("Главная", "/"), Links.crumb(scope.regionName(), PagePaths.region(code))), notices);
        return templates.render("ratings", new Views.Ratings(layout, heading, dated,
                new Views.Table("Рейтинг: место — официальное место в выбранном охвате; изменение — к итогу прошлого цикла",
                        headers, rows), sorts, downloads, pages, filters, shown));
    }

    String municipality(String oktmo) {
        RatingQueries.MunicipalityName m = queries.findMunicipality(oktmo)
                .orElseThrow(() -> ApiProblemException.notFound("No municipality with ОКТМО " + oktmo));
        Region region = regions.findByCode(m.regionCode()).orElseThrow();
        Page<Organization> found = organizations.find(new OrganizationQuery(null, oktmo, null, null, null, OrganizationSort.fromKey("name").orElseThrow()),
                PageRequest.of(1, MAX_MUNICIPALITY_ORGANIZATIONS));
        List<Views.Row> rows = new ArrayList<>();
        for (Organization o : found.rows()) {
            PublishedResult r = latest.findLatest(o.id()).orElse(null);
            rows.add(new Views.Row(List.of(new Views.Cell(o.name(), PagePaths.organization(o.id())),
                    Views.Cell.of(o.type().nameRu()),
                    Views.Cell.of(r == null ? "—" : String.valueOf(r.year())),
                    Views.Cell.of(r == null ? "—" : Format.score(r.total())),
                    Views.Cell.of(r == null ? "—" : Format.date(r.publishedAt()))), false));
        }
        List<Views.Link> links = new ArrayList<>();
        for (PublishedCampaign c : campaigns.findAllPublished(new CampaignFilter(m.regionCode(), null, null))) {
            links.add(new Views.Link(null, null, ratingsHref(m.regionCode(), c) + "&municipality=" + oktmo,
                    "Рейтинг " + c.year() + " в муниципалитете: " + c.title()));
        }
        links.add(new Views.Link(null, null, "/widgets/municipalities/" + oktmo, "Виджет рейтинга для сайта муниципалитета"));
        List<String> notices = region.demo()
                ? List.of("Демонстрационный регион: его данные придуманы для показа сервиса и не являются официальными.")
                : List.of();
        Views.Layout layout = templates.layout(m.name() + " — организации и результаты НОКО",
                "Образовательные организации муниципалитета «" + m.name() + "» (" + region.name()
                        + ") и их последние результаты независимой оценки качества.",
                "/municipalities/" + oktmo, Links.twins("/api/v1/organizations?municipality=" + oktmo,
                        PagePaths.regionFeed(m.regionCode()), "Публикации региона (Atom)"),
                null, List.of(Links.crumb("Главная", "/"), Links.crumb(region.name(), PagePaths.region(region.code()))), notices);
        String caption = "Организации и их последний опубликованный результат"
                + (found.total() > found.rows().size() ? " (первые " + found.rows().size() + " из " + found.total()
                + "; все — в /api/v1/organizations?municipality=" + oktmo + ")" : "");
        return templates.render("municipality", new Views.Municipality(layout, m.name(), new Views.Table(caption,
                List.of("Организация", "Тип", "Год оценки", "Итог", "Опубликовано"), rows), links));
    }

    /** The link to a campaign's ranking that names it exactly: its year, and its type when it has one. */
    static String ratingsHref(String code, PublishedCampaign c) {
        return PagePaths.ratings(code, c.year(), c.types().size() == 1 ? c.types().get(0) : null);
    }

    /** Totals of the previous cycle of the same scope, when it used the same methodology; empty otherwise. */
    private Map<Long, Double> previousTotals(RatingScope scope) {
        PublishedCampaign now = scope.campaign();
        PublishedCampaign before = campaigns.findAllPublished(new CampaignFilter(now.regionCode(), null, scope.type())).stream()
                .filter(c -> c.year() < now.year() && c.types().containsAll(now.types())
                        && c.methodology() != null && c.methodology().equals(now.methodology()))
                .findFirst().orElse(null);
        Map<Long, Double> totals = new HashMap<>();
        if (before != null) {
            results.stream(ResultQuery.ranking(before.id(), null, null), row -> totals.put(row.organizationId(), row.total()));
        }
        return totals;
    }

    private Chart distribution(PublishedCampaign campaign, Methodology methodology, List<ResultRow> rows) {
        double max = methodology.maxTotal();
        int bins = 10;
        int[] counts = new int[bins];
        for (ResultRow row : rows) {
            counts[Math.min(bins - 1, Math.max(0, (int) Math.floor(row.total() / max * bins)))]++;
        }
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<List<String>> table = new ArrayList<>();
        int highest = 1;
        for (int i = 0; i < bins; i++) {
            String name = Chart.num(max * i / bins) + "–" + Chart.num(max * (i + 1) / bins);
            names.add(name);
            values.add((double) counts[i]);
            highest = Math.max(highest, counts[i]);
            table.add(List.of(name, String.valueOf(counts[i])));
        }
        double top = Math.max(4, Math.ceil(highest / 4.0) * 4);
        return Chart.bars("distribution-chart", "Распределение итоговых баллов, " + campaign.year(),
                "Сколько организаций кампании «" + campaign.title() + "» получили итоговый балл в каждом интервале; всего "
                        + rows.size() + ".", names, values, top, List.of("Интервал итога", "Организаций"), table);
    }

    private Views.Table extremes(PublishedCampaign campaign, Methodology methodology, List<ResultRow> rows) {
        List<Views.Row> out = new ArrayList<>();
        List<Criterion> criteria = methodology.criteria().stream().sorted(Comparator.comparingInt(Criterion::position)).toList();
        for (int i = 0; i < criteria.size() && i < 5; i++) {
            int index = i;
            List<ResultRow> with = rows.stream().filter(r -> index < r.criteria().size() && r.criterion(index) != null)
                    .sorted(Comparator.comparing((ResultRow r) -> r.criterion(index)).thenComparing(ResultRow::name)).toList();
            if (with.isEmpty()) {
                continue;
            }
            ResultRow worst = with.get(0);
            ResultRow best = with.stream().max(Comparator.comparing((ResultRow r) -> r.criterion(index))
                    .thenComparing(ResultRow::name, Comparator.reverseOrder())).orElseThrow();
            out.add(new Views.Row(List.of(Views.Cell.of(criteria.get(i).code() + ". " + criteria.get(i).nameRu()),
                    new Views.Cell(best.name(), PagePaths.organization(best.organizationId())),
                    Views.Cell.of(Format.score(best.criterion(index))),
                    new Views.Cell(worst.name(), PagePaths.organization(worst.organizationId())),
                    Views.Cell.of(Format.score(worst.criterion(index)))), false));
        }
        return new Views.Table("Лучшая и худшая организация по каждому критерию, " + campaign.year(),
                List.of("Критерий", "Лучшая", "Балл", "Худшая", "Балл"), out);
    }

    private static Chart criteriaChart(List<YearStatistics> statistics) {
        if (statistics.isEmpty()) {
            return null;
        }
        // one line per criterion over the years of the most assessed type and methodology of each year
        Map<Integer, YearStatistics> byYear = new LinkedHashMap<>();
        for (YearStatistics s : statistics) {
            YearStatistics kept = byYear.get(s.year());
            if (kept == null || s.count() > kept.count()) {
                byYear.put(s.year(), s);
            }
        }
        TreeSet<Integer> years = new TreeSet<>(byYear.keySet());
        List<String> xNames = years.stream().map(String::valueOf).toList();
        List<Chart.Series> series = new ArrayList<>();
        List<String> headers = new ArrayList<>(List.of("Год", "Тип", "Организаций"));
        for (int k = 0; k < 5; k++) {
            List<Double> values = new ArrayList<>();
            for (int year : years) {
                YearStatistics s = byYear.get(year);
                values.add("percent".equals(s.scale()) ? s.criterionMean(k) : null);
            }
            series.add(new Chart.Series("К" + (k + 1), values));
            headers.add("К" + (k + 1));
        }
        List<Integer> breaks = new ArrayList<>();
        String previous = null;
        List<List<String>> rows = new ArrayList<>();
        int i = 0;
        for (int year : years) {
            YearStatistics s = byYear.get(year);
            if (previous != null && !previous.equals(s.methodologyCode())) {
                breaks.add(i);
            }
            previous = s.methodologyCode();
            List<String> row = new ArrayList<>(List.of(String.valueOf(year), types(List.of(s.type())), String.valueOf(s.count())));
            for (int k = 0; k < 5; k++) {
                row.add(Format.score(s.criterionMean(k)));
            }
            rows.add(row);
            i++;
        }
        return Chart.lines("criteria-chart", "Средние баллы пяти критериев по годам",
                "Средний балл организаций региона по каждому из пяти критериев в каждом году оценки (по самой многочисленной группе года).",
                xNames, series, 100, breaks, headers, rows);
    }

    private Methodology methodology(String code) {
        return code == null ? catalogue.defaultMethodology() : catalogue.find(code).orElse(catalogue.defaultMethodology());
    }

    static String types(List<String> codes) {
        return String.join(", ", codes.stream().map(c -> OrganizationType.fromCode(c).map(OrganizationType::nameRu).orElse(c)).toList());
    }
}
