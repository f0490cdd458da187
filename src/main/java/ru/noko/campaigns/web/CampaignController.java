package ru.noko.campaigns.web;


import ru.noko.platform.web.PublicRead;
import ru.noko.campaigns.CampaignColumns;
import ru.noko.campaigns.CampaignFilter;
import ru.noko.campaigns.CampaignQueries;
import ru.noko.campaigns.PublishedCampaign;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import ru.noko.api.ResultsApi;
import ru.noko.api.model.Campaign;
import ru.noko.api.model.CampaignList;
import ru.noko.api.model.CampaignResult;
import ru.noko.api.model.CampaignResultList;
import ru.noko.api.model.CsvDialect;
import ru.noko.api.model.OrganizationType;
import ru.noko.api.model.ResponseFormat;
import ru.noko.api.model.ResultField;
import ru.noko.api.model.TableHeaderNames;
import ru.noko.platform.web.ApiProblemException;
import ru.noko.platform.web.Columns;
import ru.noko.platform.web.FieldProblem;
import ru.noko.platform.web.FlatModel;
import ru.noko.platform.web.Page;
import ru.noko.platform.web.PageLinking;
import ru.noko.platform.web.PageRequest;
import ru.noko.platform.web.Representation;
import ru.noko.platform.web.TableResponses;
import ru.noko.platform.web.TableSource;
import ru.noko.campaigns.results.ResultColumns;
import ru.noko.campaigns.results.ResultQuery;
import ru.noko.campaigns.results.ResultRow;
import ru.noko.campaigns.results.ResultSort;
import ru.noko.campaigns.results.ResultTable;

import java.util.List;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@PublicRead
class CampaignController implements ResultsApi {

    private static final FlatModel<CampaignResult> RESULT = FlatModel.of(CampaignResult.class)
            .requireColumns(ResultColumns.RESULTS);

    private final CampaignQueries campaigns;
    private final ResultTable results;
    private final TableResponses tables;

    CampaignController(CampaignQueries campaigns, ResultTable results, TableResponses tables) {
        this.campaigns = campaigns;
        this.results = results;
        this.tables = tables;
    }

    @Override
    public HttpResponse<CampaignList> listCampaigns(String region, Integer year, OrganizationType type, Integer page,
                                                    Integer perPage, ResponseFormat format, CsvDialect dialect,
                                                    TableHeaderNames headers, Integer round) {
        CampaignFilter filter = new CampaignFilter(region, year, type == null ? null : type.getValue());
        Representation representation = Representation.current();
        if (representation.isTable()) {
            return TableResponses.as(tables.table("campaigns", CampaignColumns.ALL,
                    campaigns.findAllPublished(filter), representation,
                    TableSource.of("Опубликованные кампании оценки").line("Даты публикации", "столбец published_at")));
        }
        Page<PublishedCampaign> found = campaigns.findPublished(filter, PageRequest.of(page, perPage));
        CampaignList body = new CampaignList(found.rows().stream().map(CampaignModels::campaign).toList(),
                PageLinking.meta(found), PageLinking.links(found));
        return PageLinking.withLinkHeader(HttpResponse.ok(body), body.getLinks());
    }

    @Override
    public HttpResponse<Campaign> getCampaign(Long id) {
        PublishedCampaign campaign = campaigns.findPublic(id)
                .orElseThrow(() -> ApiProblemException.notFound("No published campaign with id " + id));
        return HttpResponse.ok(CampaignModels.campaign(campaign));
    }

    @Override
    public HttpResponse<CampaignResultList> listCampaignResults(Long id, String municipality, OrganizationType type,
                                                                Double totalMin, Double totalMax,
                                                                ru.noko.api.model.ResultSort sort,
                                                                List<ResultField> fields, Integer page, Integer perPage,
                                                                ResponseFormat format, CsvDialect dialect,
                                                                TableHeaderNames headers, Integer round) {
        PublishedCampaign campaign = requirePublished(id);
        if (totalMin != null && totalMax != null && totalMin > totalMax) {
            throw ApiProblemException.invalid("total_min is greater than total_max", List.of(
                    FieldProblem.ofField("total_min", String.valueOf(totalMin), "invalid_range", "must not exceed total_max"),
                    FieldProblem.ofField("total_max", String.valueOf(totalMax), "invalid_range", "must not be below total_min")));
        }
        Columns<ResultRow> columns = fields == null || fields.isEmpty() ? ResultColumns.RESULTS
                : ResultColumns.RESULTS.select(fields.stream().map(ResultField::getValue).toList());
        Representation representation = Representation.current();
        ResultSort order = ResultSort.fromKey(sort == null ? "-total" : sort.getValue()).orElseThrow();
        ResultQuery query = new ResultQuery(id, municipality, type == null ? null : type.getValue(), totalMin, totalMax,
                order, ResultColumns.needsIndicators(columns), columns == ResultColumns.RESULTS && !representation.isTable());
        if (representation.isTable()) {
            return TableResponses.as(tables.tableStream("campaign-" + id + "-results", columns,
                    sink -> results.stream(query, sink), representation,
                    CampaignModels.source("Результаты кампании", campaign)));
        }
        Page<ResultRow> found = results.page(query, PageRequest.of(page, perPage));
        CampaignResultList body = new CampaignResultList(CampaignModels.campaign(campaign),
                found.rows().stream().map(row -> CampaignModels.withGroups(RESULT.build(columns, row), row.groups())).toList(),
                PageLinking.meta(found), PageLinking.links(found));
        return PageLinking.withLinkHeader(HttpResponse.ok(body), body.getLinks());
    }

    private PublishedCampaign requirePublished(long id) {
        PublishedCampaign campaign = campaigns.findPublic(id)
                .orElseThrow(() -> ApiProblemException.notFound("No published campaign with id " + id));
        if (!campaign.isPublished()) {
            throw ApiProblemException.notFound("Campaign " + id + " was retracted; its results are no longer published");
        }
        return campaign;
    }
}
