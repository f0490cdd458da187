package ru.noko.campaigns.web;

import jakarta.inject.Singleton;
import ru.noko.api.model.AdminCampaign;
import ru.noko.api.model.CampaignStatus;
import ru.noko.api.model.ChangeSummary;
import ru.noko.api.model.ColumnMapping;
import ru.noko.api.model.DenominatorVariant;
import ru.noko.api.model.ImportJobStatus;
import ru.noko.api.model.InputLevel;
import ru.noko.api.model.OrganizationType;
import ru.noko.api.model.PreviewRow;
import ru.noko.api.model.ProblemItem;
import ru.noko.api.model.TotalCheck;
import ru.noko.api.model.UploadDetection;
import ru.noko.api.model.UploadSummary;
import ru.noko.api.model.UploadDetectionFormat;
import ru.noko.api.model.ZeroRule;
import ru.noko.campaigns.Campaign;
import ru.noko.campaigns.jobs.ImportJob;
import ru.noko.campaigns.jobs.ImportJobs;
import ru.noko.campaigns.staging.StagedRows;
import ru.noko.campaigns.upload.StagedRow;
import ru.noko.campaigns.upload.UploadReport;
import ru.noko.platform.web.FieldProblem;
import ru.noko.platform.web.ProblemDocuments;

import java.util.Arrays;
import java.util.List;

/** Campaign, job and report domain records → generated API models. */
@Singleton
class AdminMapper {

    static final int PREVIEW_ROWS = 20;

    private final ImportJobs jobs;
    private final StagedRows staged;

    AdminMapper(ImportJobs jobs, StagedRows staged) {
        this.jobs = jobs;
        this.staged = staged;
    }

    /** @param details with the current upload, its report and a preview (single campaign view) */
    AdminCampaign campaign(Campaign c, boolean details) {
        ImportJob current = jobs.current(c.id()).orElse(null);
        boolean publishable = current != null && current.publishable() && current.publishedRevision() == null;
        AdminCampaign model = new AdminCampaign(c.id(), c.regionCode(), c.year(), c.title(),
                c.types().stream().map(t -> OrganizationType.fromValue(t.code())).toList(), c.methodologyCode(),
                DenominatorVariant.fromValue(c.variant()), ZeroRule.fromValue(c.zeroRule()), CampaignStatus.fromValue(c.status()),
                c.demo(), c.revisions(), publishable);
        model.setOperatorName(c.operatorName());
        model.setStartedOn(c.startedOn());
        model.setFinishedOn(c.finishedOn());
        model.setCouncilProtocol(c.councilProtocol());
        model.setRegionalOrderNumber(c.facts().regionalOrderNumber());
        model.setRegionalOrderDate(c.facts().regionalOrderDate());
        model.setSurveyStartedOn(c.facts().surveyStartedOn());
        model.setSurveyFinishedOn(c.facts().surveyFinishedOn());
        model.setBusGovDeadline(c.facts().busGovDeadline());
        model.setPublishedRevision(c.publishedRevision());
        model.setPublishedAt(c.publishedAt());
        model.setRetractedAt(c.retractedAt());
        model.setRetractionReason(c.retractionReason());
        if (current != null) {
            model.setLastUpload(summary(current));
        }
        if (current != null && details) {
            model.setCurrentUpload(job(current));
            if (publishable) {
                model.setPreview(staged.preview(current.id(), PREVIEW_ROWS).stream().map(AdminMapper::preview).toList());
                StagedRows.Changes changes = staged.changesAgainst(current.id(), c.id(), c.publishedRevision());
                model.setPendingChanges(new ChangeSummary(changes.added(), changes.removed(), changes.changed(), changes.unchanged()));
            }
        }
        return model;
    }

    private static UploadSummary summary(ImportJob job) {
        UploadSummary summary = new UploadSummary(job.id(), ImportJobStatus.fromValue(job.status()), job.organizations(),
                job.errorsCount(), job.warningsCount(), job.createdAt());
        summary.setSourceName(job.sourceName());
        summary.setPublishedRevision(job.publishedRevision());
        return summary;
    }

    ru.noko.api.model.ImportJob job(ImportJob job) {
        List<ProblemItem> errors = items(jobs.problems(job.id(), "error", UploadReport.LIMIT));
        List<ProblemItem> warnings = items(jobs.problems(job.id(), "warning", UploadReport.LIMIT));
        ru.noko.api.model.ImportJob model = new ru.noko.api.model.ImportJob(job.id(), job.campaignId(),
                ImportJobStatus.fromValue(job.status()), job.dryRun(), job.rowsProcessed(), job.organizations(),
                job.errorsCount(), job.warningsCount(), Math.max(0, job.errorsCount() - errors.size()),
                Math.max(0, job.warningsCount() - warnings.size()), errors, warnings, job.createdAt());
        model.setLevel(job.level() == null ? null : InputLevel.fromValue(job.level().code()));
        model.setSourceName(job.sourceName());
        model.setBytes(job.bytes());
        model.setRowsTotal(job.rowsTotal());
        model.setFailure(job.failure());
        model.setPublishedRevision(job.publishedRevision());
        model.setCreatedBy(job.createdBy());
        model.setStartedAt(job.startedAt());
        model.setFinishedAt(job.finishedAt());
        if (job.format() != null && job.level() != null && ImportJob.SUCCEEDED.equals(job.status())) {
            UploadDetection detected = new UploadDetection(UploadDetectionFormat.fromValue(job.format()),
                    InputLevel.fromValue(job.level().code()), job.columns().stream().map(column -> {
                        ColumnMapping mapping = new ColumnMapping(column.header(), column.position());
                        mapping.setField(column.field());
                        return mapping;
                    }).toList());
            detected.setEncoding(job.encoding());
            detected.setBom(job.bom());
            detected.setDelimiter(job.delimiter() == null ? null : job.delimiter().equals("\t") ? "tab" : job.delimiter());
            detected.setDecimalSeparator(job.decimalSeparator());
            detected.setLevelDetected(job.levelDetected());
            model.setDetected(detected);
        }
        return model;
    }

    static List<ProblemItem> items(List<FieldProblem> problems) {
        return problems.stream().map(ProblemDocuments::item).toList();
    }

    private static PreviewRow preview(StagedRow row) {
        PreviewRow model = new PreviewRow(row.line(), row.organization().inn(), row.organization().kpp(),
                row.organization().name(), OrganizationType.fromValue(row.organization().type().code()),
                row.criteria() == null ? List.of() : Arrays.stream(row.criteria()).mapToObj(v -> Double.isNaN(v) ? null : v).toList(),
                row.total() == null ? 0.0 : row.total());
        model.setOktmo(row.organization().oktmo());
        model.setPublishedTotal(row.publishedTotal());
        model.setTotalComputed(row.totalComputed());
        if (row.totalCheck() != null) {
            model.setTotalCheck(TotalCheck.fromValue(row.totalCheck().code()));
        }
        model.setPlaceRegion(row.placeRegion());
        return model;
    }
}
