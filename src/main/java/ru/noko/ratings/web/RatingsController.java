package ru.noko.ratings.web;

import ru.noko.platform.web.PublicRead;
import ru.noko.platform.web.StoredPages;
import ru.noko.campaigns.results.ResultQuery;
import ru.noko.campaigns.results.ResultRow;
import ru.noko.campaigns.results.ResultSort;
import ru.noko.campaigns.results.ResultTable;

import ru.noko.ratings.ComparedEntry;
import ru.noko.ratings.HistoryRow;
import ru.noko.ratings.RankedRow;
import ru.noko.ratings.RatingColumns;
import ru.noko.ratings.RatingQueries;
import ru.noko.ratings.RatingScope;
import ru.noko.ratings.RatingScopes;
import ru.noko.ratings.YearStatistics;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import ru.noko.api.RatingsApi;
import ru.noko.api.model.Comparison;
import ru.noko.api.model.ComparisonEntry;
import ru.noko.api.model.ComparisonYear;
import ru.noko.api.model.CsvDialect;
import ru.noko.api.model.OrganizationResult;
import ru.noko.api.model.OrganizationResultList;
import ru.noko.api.model.OrganizationType;
import ru.noko.api.model.PageMeta;
import ru.noko.api.model.RatingList;
import ru.noko.api.model.RatingRow;
import ru.noko.api.model.RegionStatistics;
import ru.noko.api.model.ResponseFormat;
import ru.noko.api.model.StatisticsRow;
import ru.noko.api.model.TableHeaderNames;
import ru.noko.campaigns.web.CampaignModels;
import ru.noko.catalog.Organization;
import ru.noko.catalog.OrganizationRepository;
import ru.noko.catalog.Region;
import ru.noko.catalog.RegionRepository;
import ru.noko.platform.web.ApiProblemException;
import ru.noko.platform.web.FieldProblem;
import ru.noko.platform.web.FlatModel;
import ru.noko.platform.web.Page;
import ru.noko.platform.web.PageLinking;
import ru.noko.platform.web.PageRequest;
import ru.noko.platform.web.Representation;
import ru.noko.platform.web.TableResponses;
import ru.noko.platform.web.TableSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@PublicRead
class RatingsController implements RatingsApi {

    private static final FlatModel<RatingRow> RATING = FlatModel.of(RatingRow.class).requireColumns(RatingColumns.RANKING);
    private static final FlatModel<OrganizationResult> HISTORY = FlatModel.of(OrganizationResult.class)
            .requireColumns(RatingColumns.HISTORY);
    private static final FlatModel<StatisticsRow> STATISTICS = FlatModel.of(StatisticsRow.class)
            .requireColumns(RatingColumns.STATISTICS);
    private static final FlatModel<ComparisonEntry> COMPARISON = FlatModel.of(ComparisonEntry.class)
            .requireColumns(RatingColumns.COMPARISON);
    private static final FlatModel<ru.noko.api.model.Organization> ORGANIZATION =
            FlatModel.of(ru.noko.api.model.Organization.class).requireColumns(RatingColumns.ORGANIZATION);

    private final RatingScopes scopes;
    private final ResultTable results;
    private final RatingQueries queries;
    private final OrganizationRepository organizations;
    private final RegionRepository regions;
    private final TableResponses tables;

    RatingsController(RatingScopes scopes, ResultTable results, RatingQueries queries,
                      OrganizationRepository organizations, RegionRepository regions, TableResponses tables) {
        this.scopes = scopes;
        this.results = results;
        this.queries = queries;
        this.organizations = organizations;
        this.regions = regions;
        this.tables = tables;
    }

    @Override
    public HttpResponse<RatingList> getRatings(String region, Integer year, OrganizationType type, String municipality,
                                               ru.noko.api.model.ResultSort sort, Integer page, Integer perPage,
                                               ResponseFormat format, CsvDialect dialect, TableHeaderNames headers,
                                               Integer round) {
        RatingScope scope = scopes.resolve(region, year, type == null ? null : type.getValue(), municipality);
        ResultQuery query = ResultQuery.ranking(scope.campaign().id(), scope.municipality(), scope.type(),
                sort == null ? ResultSort.TOTAL_DESC : ResultSort.fromKey(sort.getValue()).orElseThrow());
        Representation representation = Representation.current();
        if (representation.isTable()) {
            String name = "ratings-" + region + "-" + scope.campaign().year()
                    + (scope.type() == null ? "" : "-" + scope.type())
                    + (scope.municipality() == null ? "" : "-" + scope.municipality());
            return TableResponses.as(tables.tableStream(name, RatingColumns.RANKING,
                    sink -> results.stream(query, row -> sink.accept(new RankedRow(scope.placeOf(row), row))),
                    representation, CampaignModels.source("Рейтинг", scope.campaign())
                            .line("Муниципалитет", scope.municipalityName())
                            .line("Тип организаций", scope.type())));
        }
        Page<ResultRow> found = results.page(query, PageRequest.of(page, perPage));
        ru.noko.api.model.RatingScope scopeModel = new ru.noko.api.model.RatingScope(region, scope.regionName(),
                scope.campaign().year());
        scopeModel.setType(type);
        scopeModel.setMunicipality(scope.municipality());
        scopeModel.setMunicipalityName(scope.municipalityName());
        RatingList body = new RatingList(CampaignModels.campaign(scope.campaign()), scopeModel,
                found.rows().stream().map(row -> RATING.build(RatingColumns.RANKING, new RankedRow(scope.placeOf(row), row))).toList(),
                PageLinking.meta(found), PageLinking.links(found));
        return PageLinking.withLinkHeader(HttpResponse.ok(body), body.getLinks());
    }

    @Override
    @PublicRead(stored = true)
    public HttpResponse<OrganizationResultList> listOrganizationResults(Long id, ResponseFormat format,
                                                                        CsvDialect dialect, TableHeaderNames headers,
                                                                        Integer round) {
        RatingQueries.OrganizationHistory found = queries.organizationHistory(id)
                .orElseThrow(() -> ApiProblemException.notFound("No organization with id " + id));
        Organization organization = found.organization();
        StoredPages.scope(organization.regionCode(), id);
        List<HistoryRow> history = found.rows();
        Representation representation = Representation.current();
        if (representation.isTable()) {
            return TableResponses.as(tables.table("organization-" + id + "-results", RatingColumns.HISTORY,
                    history, representation, TableSource.of("Результаты организации по годам")
                            .line("Организация", organization.name() + " (id " + id + ", ИНН " + organization.inn() + ")")
                            .line("Кампании и даты публикации", "столбцы campaign_id, campaign_title, published_at")));
        }
        return HttpResponse.ok(new OrganizationResultList(ORGANIZATION.build(RatingColumns.ORGANIZATION, organization),
                history.stream().map(RatingsController::historyRow).toList(), meta(history.size())));
    }

    @Override
    public HttpResponse<RegionStatistics> getRegionStatistics(String code, Integer year, OrganizationType type,
                                                              ResponseFormat format, CsvDialect dialect,
                                                              TableHeaderNames headers, Integer round) {
        Region region = regions.findByCode(code)
                .orElseThrow(() -> ApiProblemException.notFound("No region with code " + code));
        List<YearStatistics> statistics = queries.statistics(code, year, type == null ? null : type.getValue());
        Representation representation = Representation.current();
        if (representation.isTable()) {
            return TableResponses.as(tables.table("statistics-" + code, RatingColumns.STATISTICS,
                    statistics, representation, TableSource.of("Статистика региона по годам")
                            .line("Регион", code + " " + region.name())
                            .line("Кампании", "опубликованные кампании региона; их число — столбец campaigns")));
        }
        return HttpResponse.ok(new RegionStatistics(code, region.name(),
                statistics.stream().map(row -> STATISTICS.build(RatingColumns.STATISTICS, row)).toList(),
                meta(statistics.size())));
    }

    @Override
    public HttpResponse<Comparison> compareOrganizations(List<Long> ids, ResponseFormat format, CsvDialect dialect,
                                                         TableHeaderNames headers, Integer round) {
        List<Long> requested = List.copyOf(new LinkedHashSet<>(ids));
        Map<Long, Organization> found = new LinkedHashMap<>();
        List<FieldProblem> unknown = new ArrayList<>();
        for (Long id : requested) {
            organizations.findById(id).ifPresentOrElse(o -> found.put(id, o), () -> unknown.add(FieldProblem.ofField(
                    "organizations", String.valueOf(id), "unknown_organization", "Нет организации с id " + id)));
        }
        if (!unknown.isEmpty()) {
            throw new ApiProblemException(io.micronaut.http.HttpStatus.NOT_FOUND, ru.noko.platform.web.ProblemTypes.NOT_FOUND,
                    "Not Found", unknown.size() + " of the organizations do not exist; see errors.", unknown);
        }
        Map<Long, Map<Integer, RatingQueries.YearResult>> byOrganization = new LinkedHashMap<>();
        TreeSet<Integer> years = new TreeSet<>();
        for (RatingQueries.YearResult result : queries.yearResults(requested)) {
            byOrganization.computeIfAbsent(result.organizationId(), k -> new LinkedHashMap<>()).put(result.year(), result);
            years.add(result.year());
        }
        List<ComparedEntry> entries = new ArrayList<>();
        Map<Long, String> lastMethodology = new LinkedHashMap<>();
        for (int year : years) {
            for (Long id : requested) {
                String name = found.get(id).name();
                RatingQueries.YearResult r = byOrganization.getOrDefault(id, Map.of()).get(year);
                if (r == null) {
                    entries.add(ComparedEntry.notAssessed(year, id, name));
                    continue;
                }
                String before = lastMethodology.put(id, r.methodologyCode());
                entries.add(new ComparedEntry(year, id, name, true, r.campaignId(), r.type(), r.criteria(), r.total(),
                        r.totalComputed(), r.totalCheck(), r.placeRegion(), r.placeType(), r.placeMunicipality(),
                        r.zeroRuleIndicators(), r.methodologyCode(), before != null && !before.equals(r.methodologyCode())));
            }
        }
        Representation representation = Representation.current();
        if (representation.isTable()) {
            String name = "compare-" + requested.stream().map(String::valueOf).collect(Collectors.joining("-"));
            return TableResponses.as(tables.table(name, RatingColumns.COMPARISON, entries, representation,
                    TableSource.of("Сравнение организаций по годам").line("Организации", requested.stream()
                            .map(i -> found.get(i).name() + " (id " + i + ")").collect(Collectors.joining("; ")))));
        }
        List<ComparisonYear> data = new ArrayList<>();
        for (int year : years) {
            data.add(new ComparisonYear(year, entries.stream().filter(e -> e.year() == year)
                    .map(e -> COMPARISON.build(RatingColumns.COMPARISON, e)).toList()));
        }
        return HttpResponse.ok(new Comparison(
                requested.stream().map(id -> ORGANIZATION.build(RatingColumns.ORGANIZATION, found.get(id))).toList(),
                data, meta(data.size())));
    }

    private static PageMeta meta(int size) {
        PageMeta meta = new PageMeta((long) size, 1, Math.max(size, 1));
        meta.setPages(1);
        return meta;
    }

    private static OrganizationResult historyRow(HistoryRow row) {
        OrganizationResult model = HISTORY.build(RatingColumns.HISTORY, row);
        model.setGroups(ru.noko.catalog.web.GroupModels.groups(row.groups()));
        return model;
    }
}
