package ru.noko.campaigns.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import ru.noko.api.AdminApi;
import ru.noko.api.model.AdminCampaign;
import ru.noko.api.model.AdminCampaignList;
import ru.noko.api.model.CampaignInput;
import ru.noko.api.model.CampaignStatus;
import ru.noko.api.model.ChangeList;
import ru.noko.api.model.ChangeSummary;
import ru.noko.api.model.DraftRanking;
import ru.noko.api.model.DraftRankingRow;
import ru.noko.api.model.ListCampaignPreviewSortParameter;
import ru.noko.api.model.TotalCheck;
import ru.noko.campaigns.revisions.Revisions;
import ru.noko.campaigns.staging.StagedRanking;
import ru.noko.campaigns.staging.StagedRows;
import ru.noko.methodology.Indicator;
import ru.noko.api.model.ImportJob;
import ru.noko.api.model.PublishInput;
import ru.noko.api.model.RetractInput;
import ru.noko.campaigns.Campaign;
import ru.noko.campaigns.CampaignAdmin;
import ru.noko.campaigns.CampaignDraft;
import ru.noko.campaigns.CampaignFacts;
import ru.noko.campaigns.CampaignRepository;
import ru.noko.campaigns.jobs.ImportJobs;
import ru.noko.campaigns.jobs.JobCancellation;
import ru.noko.catalog.OrganizationType;
import ru.noko.catalog.RegionRepository;
import ru.noko.methodology.CalculationSettings;
import ru.noko.methodology.DenominatorVariant;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.methodology.ZeroDenominatorRule;
import ru.noko.platform.security.Caller;
import ru.noko.platform.security.CurrentCaller;
import ru.noko.platform.web.ApiProblemException;
import ru.noko.platform.web.FieldProblem;
import ru.noko.platform.web.Page;
import ru.noko.platform.web.PageLinking;
import ru.noko.platform.web.PageRequest;

import ru.noko.campaigns.upload.UploadReport;
import ru.noko.platform.csv.CsvDialect;
import ru.noko.platform.csv.CsvWriter;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;

/** Operators' campaign endpoints: drafts, preview with the validation report, publish, retract, jobs. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminCampaignController implements AdminApi {

    private final CampaignAdmin admin;
    private final CampaignRepository campaigns;
    private final ImportJobs jobs;
    private final AdminMapper mapper;
    private final CurrentCaller caller;
    private final MethodologyCatalogue catalogue;
    private final RegionRepository regions;
    private final JobCancellation cancellation;
    private final StagedRanking ranking;
    private final StagedRows staged;
    private final Revisions revisions;

    AdminCampaignController(CampaignAdmin admin, CampaignRepository campaigns, ImportJobs jobs, AdminMapper mapper,
                            CurrentCaller caller, MethodologyCatalogue catalogue, RegionRepository regions,
                            JobCancellation cancellation, StagedRanking ranking, StagedRows staged, Revisions revisions) {
        this.admin = admin;
        this.campaigns = campaigns;
        this.jobs = jobs;
        this.mapper = mapper;
        this.caller = caller;
        this.catalogue = catalogue;
        this.regions = regions;
        this.cancellation = cancellation;
        this.ranking = ranking;
        this.staged = staged;
        this.revisions = revisions;
    }

    @Override
    public HttpResponse<DraftRanking> listCampaignPreview(Long id, ListCampaignPreviewSortParameter sort,
                                                          ru.noko.api.model.OrganizationType type, Integer page,
                                                          Integer perPage) {
        Campaign campaign = admin.visible(caller.get(), id);
        var job = publishable(campaign);
        List<String> codes = catalogue.find(campaign.methodologyCode())
                .map(m -> m.indicators().stream().map(Indicator::code).toList()).orElse(List.of());
        StagedRanking.Sort order = StagedRanking.Sort.valueOf(
                (sort == null ? ListCampaignPreviewSortParameter.PLACE : sort).getValue().toUpperCase(java.util.Locale.ROOT));
        Page<StagedRanking.Row> found = ranking.page(job.id(), codes,
                type == null ? null : type.getValue(), order, PageRequest.of(page, perPage));
        DraftRanking list = new DraftRanking(id, job.id(), found.rows().stream().map(AdminCampaignController::ranked).toList(),
                PageLinking.meta(found), PageLinking.links(found));
        return PageLinking.withLinkHeader(HttpResponse.ok(list), list.getLinks());
    }

    @Override
    public HttpResponse<ChangeList> listPendingChanges(Long id, Integer page, Integer perPage) {
        Campaign campaign = admin.visible(caller.get(), id);
        var job = publishable(campaign);
        StagedRows.Changes counts = staged.changesAgainst(job.id(), id, campaign.publishedRevision());
        Page<Revisions.OrganizationChange> found = revisions.pendingChanges(job.id(), id, campaign.publishedRevision(),
                counts, PageRequest.of(page, perPage));
        ChangeList list = new ChangeList(id, campaign.revisions() + 1,
                new ChangeSummary(counts.added(), counts.removed(), counts.changed(), counts.unchanged()),
                found.rows().stream().map(RevisionsController::change).toList(),
                PageLinking.meta(found), PageLinking.links(found));
        list.setFromRevision(campaign.publishedRevision());
        return PageLinking.withLinkHeader(HttpResponse.ok(list), list.getLinks());
    }

    /** The upload publishing would publish; none is the same 404 as a missing preview. */
    private ru.noko.campaigns.jobs.ImportJob publishable(Campaign campaign) {
        return jobs.current(campaign.id()).filter(j -> j.publishable() && j.publishedRevision() == null)
                .orElseThrow(() -> ApiProblemException.notFound("У кампании " + campaign.id()
                        + " нет загрузки, готовой к публикации"));
    }

    private static DraftRankingRow ranked(StagedRanking.Row r) {
        DraftRankingRow row = new DraftRankingRow(r.line(), r.inn(), r.kpp(), r.name(),
                ru.noko.api.model.OrganizationType.fromValue(r.type()), r.criteria(), r.total(), r.placeComputed(),
                r.placeRegion(), r.placeType(), r.indicatorMismatches());
        row.setOrganizationId(r.organizationId());
        row.setOktmo(r.oktmo());
        row.setMunicipality(r.municipality());
        row.setPublishedTotal(r.publishedTotal());
        row.setTotalComputed(r.totalComputed());
        if (r.totalCheck() != null) {
            row.setTotalCheck(TotalCheck.fromValue(r.totalCheck()));
        }
        row.setPlaceOfficial(r.placeOfficial());
        row.setPlaceMunicipality(r.placeMunicipality());
        return row;
    }

    @Override
    public HttpResponse<AdminCampaignList> listAdminCampaigns(String region, CampaignStatus status, Integer page, Integer perPage) {
        Caller who = caller.get();
        Page<Campaign> found = campaigns.list(who.admin() ? null : List.copyOf(who.regions()), region,
                status == null ? null : status.getValue(), PageRequest.of(page, perPage));
        AdminCampaignList list = new AdminCampaignList(found.rows().stream().map(c -> mapper.campaign(c, false)).toList(),
                PageLinking.meta(found), PageLinking.links(found));
        return PageLinking.withLinkHeader(HttpResponse.ok(list), list.getLinks());
    }

    @Override
    public HttpResponse<AdminCampaign> createCampaign(CampaignInput input) {
        Caller who = caller.get();
        Campaign created = admin.create(who, draft(input));
        return HttpResponse.created(mapper.campaign(created, true))
                .headers(h -> h.location(URI.create("/api/v1/admin/campaigns/" + created.id())));
    }

    @Override
    public HttpResponse<AdminCampaign> getAdminCampaign(Long id) {
        return HttpResponse.ok(mapper.campaign(admin.visible(caller.get(), id), true));
    }

    @Override
    public HttpResponse<AdminCampaign> publishCampaign(Long id, PublishInput input) {
        Campaign published = admin.publish(caller.get(), id, input == null ? null : input.getNote());
        return HttpResponse.ok(mapper.campaign(published, true));
    }

    @Override
    public HttpResponse<AdminCampaign> retractCampaign(Long id, RetractInput input) {
        return HttpResponse.ok(mapper.campaign(admin.retract(caller.get(), id, input.getReason().strip()), true));
    }

    @Override
    public HttpResponse<ImportJob> getImportJob(Long id) {
        Caller who = caller.get();
        var job = jobs.find(id).filter(found -> admin.find(who, found.campaignId()).isPresent())
                .orElseThrow(() -> ApiProblemException.notFound("No import job " + id));
        return HttpResponse.ok(mapper.job(job));
    }

    @Override
    public HttpResponse<String> getImportJobReportCsv(Long id) {
        Caller who = caller.get();
        var job = jobs.find(id).filter(found -> admin.find(who, found.campaignId()).isPresent())
                .orElseThrow(() -> ApiProblemException.notFound("No import job " + id));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(bytes, CsvDialect.EXCEL)) {
            csv.row(List.of("Строка", "Столбец", "Значение", "Вид", "Код", "Сообщение"));
            // the column as the operator's file names it, so it can be found in Excel
            Map<String, String> headers = new HashMap<>();
            if (job.columns() != null) {
                job.columns().stream().filter(c -> c.field() != null).forEach(c -> headers.putIfAbsent(c.field(), c.header()));
            }
            writeProblems(csv, jobs.problems(job.id(), "error", UploadReport.LIMIT), "ошибка", headers);
            writeProblems(csv, jobs.problems(job.id(), "warning", UploadReport.LIMIT), "предупреждение", headers);
        }
        return HttpResponse.ok(bytes.toString(StandardCharsets.UTF_8))
                .contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"upload-" + job.id() + "-report.csv\"");
    }

    private static void writeProblems(CsvWriter csv, List<FieldProblem> problems, String kind, Map<String, String> headers) {
        for (FieldProblem problem : problems) {
            String column = problem.column() == null ? null : headers.getOrDefault(problem.column(), problem.column());
            csv.row(Arrays.asList(problem.row(), column, problem.value(), kind, problem.code(), problem.message()));
        }
    }

    @Override
    public HttpResponse<ImportJob> cancelImportJob(Long id) {
        return HttpResponse.ok(mapper.job(cancellation.cancel(caller.get(), id)));
    }

    private CampaignDraft draft(CampaignInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        if (regions.findByCode(input.getRegionCode()).isEmpty()) {
            problems.add(FieldProblem.ofField("region_code", input.getRegionCode(), "unknown_region",
                    "Неизвестный код региона " + input.getRegionCode()));
        }
        Methodology methodology = input.getMethodology() == null ? catalogue.forYear(input.getYear()).orElse(null)
                : catalogue.find(input.getMethodology()).orElse(null);
        if (methodology == null && input.getMethodology() == null) {
            problems.add(FieldProblem.ofField("year", String.valueOf(input.getYear()), "no_methodology_for_year",
                    "Для " + input.getYear() + " года в каталоге нет действующей методики; укажите методику явно"));
        } else if (methodology == null) {
            problems.add(FieldProblem.ofField("methodology", input.getMethodology(), "unknown_methodology",
                    "Неизвестная методика; доступны: " + catalogue.methodologies().stream().map(Methodology::code).toList()));
        } else if (!methodology.fits(input.getYear())) {
            problems.add(FieldProblem.ofField("methodology", methodology.code(), "methodology_not_for_year",
                    "Методика " + methodology.code() + " применяется к кампаниям " + methodology.yearsText() + ", а кампания — "
                            + input.getYear() + " года; подходят: " + catalogue.methodologies().stream()
                            .filter(m -> m.fits(input.getYear())).map(Methodology::code).toList()));
        }
        if (input.getStartedOn() != null && input.getFinishedOn() != null && input.getFinishedOn().isBefore(input.getStartedOn())) {
            problems.add(FieldProblem.ofField("finished_on", input.getFinishedOn().toString(), "invalid_dates",
                    "Дата окончания раньше даты начала"));
        }
        CampaignFacts facts = new CampaignFacts(strippedOrNull(input.getRegionalOrderNumber()), input.getRegionalOrderDate(),
                input.getSurveyStartedOn(), input.getSurveyFinishedOn(), input.getBusGovDeadline());
        problems.addAll(facts.problems());
        if (!problems.isEmpty()) {
            throw ApiProblemException.invalid("The campaign is invalid", problems);
        }
        CalculationSettings defaults = CalculationSettings.defaults(methodology);
        CalculationSettings settings = new CalculationSettings(
                input.getVariant() == null ? defaults.variant() : DenominatorVariant.fromCode(input.getVariant().getValue()).orElseThrow(),
                input.getZeroRule() == null ? defaults.zeroRule() : ZeroDenominatorRule.fromCode(input.getZeroRule().getValue()).orElseThrow());
        List<OrganizationType> types = input.getTypes() == null ? List.of() : input.getTypes().stream().distinct()
                .map(t -> OrganizationType.fromCode(t.getValue()).orElseThrow()).toList();
        return new CampaignDraft(input.getRegionCode(), input.getYear(), input.getTitle().strip(), types, methodology.code(),
                settings, input.getOperatorName(), input.getStartedOn(), input.getFinishedOn(), input.getCouncilProtocol(), facts,
                false);
    }

    private static String strippedOrNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
