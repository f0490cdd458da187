package ru.noko.campaigns;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.campaigns.jobs.ImportJob;
import ru.noko.campaigns.jobs.ImportJobs;
import ru.noko.campaigns.jobs.SpoolFile;
import ru.noko.campaigns.jobs.Uploads;
import ru.noko.campaigns.upload.InputLevel;
import ru.noko.campaigns.upload.UploadReport;
import ru.noko.platform.database.PublishedData;
import ru.noko.platform.database.PublishedDataChanged;
import ru.noko.platform.security.AuditLog;
import ru.noko.platform.security.Caller;
import ru.noko.platform.security.CurrentCaller;
import ru.noko.platform.web.ApiProblemException;
import ru.noko.platform.web.FieldProblem;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What operators do to campaigns: create drafts, upload files, publish, retract. Every action is
 * checked against the caller's regions and written to the audit log in its own transaction.
 */
@Singleton
public class CampaignAdmin {

    public static final String CONFLICT = "/docs/problems#conflict";
    public static final String UPLOAD_HAS_ERRORS = "/docs/problems#upload-has-errors";
    public static final String ORGANIZATION_OF_OTHER_REGION = "/docs/problems#organization-of-other-region";

    private final CampaignRepository campaigns;
    private final ImportJobs jobs;
    private final Uploads uploads;
    private final RevisionPublisher publisher;
    private final PublishedData publishedData;
    private final CampaignReach reach;
    private final AuditLog audit;

    public CampaignAdmin(CampaignRepository campaigns, ImportJobs jobs, Uploads uploads, RevisionPublisher publisher,
                         PublishedData publishedData, CampaignReach reach, AuditLog audit) {
        this.reach = reach;
        this.campaigns = campaigns;
        this.jobs = jobs;
        this.uploads = uploads;
        this.publisher = publisher;
        this.publishedData = publishedData;
        this.audit = audit;
    }

    /** The campaign, if it exists and the caller may manage its region: other regions' campaigns do not exist for it. */
    public Optional<Campaign> find(Caller caller, long id) {
        return campaigns.find(id).filter(campaign -> caller.mayManage(campaign.regionCode()));
    }

    /**
     * The campaign, if the caller may manage its region; otherwise the same 404 as for an id that
     * was never used, so that an operator learns nothing about other regions' campaigns.
     */
    public Campaign visible(Caller caller, long id) {
        return find(caller, id).orElseThrow(() -> ApiProblemException.notFound("No campaign " + id));
    }

    /** A draft in a region the caller does not manage is refused with 403: the caller named the region itself. */
    @Transactional
    public Campaign create(Caller caller, CampaignDraft draft) {
        if (!caller.mayManage(draft.regionCode())) {
            throw CurrentCaller.forbidden("This token may not manage region " + draft.regionCode());
        }
        long id = campaigns.createDraft(draft);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("region_code", draft.regionCode());
        details.put("year", draft.year());
        details.put("title", draft.title());
        audit.record(caller, "campaign.create", "campaign/" + id, details);
        return campaigns.find(id).orElseThrow();
    }

    /** Checks, records and queues an upload whose body is already spooled to {@code file}; the job takes the file over. */
    public ImportJob upload(Caller caller, Campaign campaign, SpoolFile file, String format, long bytes, InputLevel level,
                            boolean dryRun, String sourceName) {
        long jobId = acceptUpload(caller, campaign, format, bytes, level, dryRun, sourceName);
        try {
            return uploads.submit(jobId, campaign, file, format, level, dryRun);
        } catch (Uploads.Busy e) {
            throw new ApiProblemException(HttpStatus.CONFLICT, CONFLICT, "Conflict", e.getMessage(), List.of());
        }
    }

    private long acceptUpload(Caller caller, Campaign campaign, String format, long bytes, InputLevel level, boolean dryRun,
                      String sourceName) {
        long jobId;
        try {
            jobId = jobs.create(campaign.id(), level, dryRun, sourceName, format, bytes, caller.name());
        } catch (ImportJobs.CampaignBusy e) {
            throw new ApiProblemException(HttpStatus.CONFLICT, CONFLICT, "Conflict",
                    "An upload of this campaign is still being imported; wait for its job to finish", List.of());
        }
        Map<String, Object> details = new HashMap<>();
        details.put("job_id", jobId);
        details.put("format", format);
        details.put("bytes", bytes);
        details.put("dry_run", dryRun);
        details.put("level", level == null ? "detect" : level.code());
        if (sourceName != null) {
            details.put("source_name", sourceName);
        }
        audit.record(caller, dryRun ? "campaign.check" : "campaign.upload", "campaign/" + campaign.id(), details);
        return jobId;
    }

    /**
     * Publishes the campaign's current upload as a new revision, atomically.
     *
     * @throws ApiProblemException 409 when there is nothing (new) to publish, an import is running or
     *                             the upload names organizations of another region, 422 with every
     *                             error when the upload has errors
     */
    @Transactional
    public Campaign publish(Caller caller, long id, String note) {
        visible(caller, id);
        Campaign campaign = campaigns.lock(id).orElseThrow();
        ImportJob job = jobs.current(id).orElseThrow(() -> conflict("Nothing to publish: upload a file first"));
        if (!job.finished()) {
            throw conflict("Upload " + job.id() + " is still being imported; publish when its job has finished");
        }
        if (ImportJob.FAILED.equals(job.status())) {
            throw conflict("The last upload (job " + job.id() + ") failed: " + job.failure() + "; upload the file again");
        }
        if (ImportJob.CANCELLED.equals(job.status())) {
            throw conflict("The last upload (job " + job.id() + ") was cancelled; upload the file again");
        }
        if (job.errorsCount() > 0) {
            List<FieldProblem> errors = jobs.problems(job.id(), "error", UploadReport.LIMIT);
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, UPLOAD_HAS_ERRORS, "Upload has errors",
                    "The current upload (job " + job.id() + ") has " + job.errorsCount()
                            + " error(s); correct the file and upload it again", errors);
        }
        if (job.publishedRevision() != null) {
            throw conflict("The current upload is already published as revision " + job.publishedRevision()
                    + "; upload a corrected file to publish a new revision");
        }
        int revision;
        try {
            revision = publisher.publish(campaign, job, note, OffsetDateTime.now());
        } catch (RevisionPublisher.StagingLost e) {
            throw conflict(e.getMessage());
        } catch (RevisionPublisher.OrganizationsOfOtherRegions e) {
            throw new ApiProblemException(HttpStatus.CONFLICT, ORGANIZATION_OF_OTHER_REGION,
                    "Organization of another region",
                    "The upload (job " + job.id() + ") names organizations the catalogue now holds under another region"
                            + " than " + campaign.regionCode() + "; nothing was published",
                    e.organizations().stream().map(o -> o.problem(campaign.regionCode())).toList());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("revision", revision);
        details.put("job_id", job.id());
        details.put("organizations", job.organizations());
        if (note != null) {
            details.put("note", note);
        }
        audit.record(caller, "campaign.publish", "campaign/" + id, details);
        return campaigns.find(id).orElseThrow();
    }

    @Transactional
    public Campaign retract(Caller caller, long id, String reason) {
        visible(caller, id);
        Campaign campaign = campaigns.lock(id).orElseThrow();
        if (!Campaign.PUBLISHED.equals(campaign.status())) {
            throw conflict("Only a published campaign can be retracted; this one is " + campaign.status());
        }
        campaigns.retract(id, reason);
        publishedData.changed(id, PublishedDataChanged.RETRACTED, campaign.publishedRevision(), reach.regions(id));
        audit.record(caller, "campaign.retract", "campaign/" + id, Map.of("reason", reason,
                "revision", campaign.publishedRevision()));
        return campaigns.find(id).orElseThrow();
    }

    private static ApiProblemException conflict(String detail) {
        return new ApiProblemException(HttpStatus.CONFLICT, CONFLICT, "Conflict", detail, List.of());
    }
}
