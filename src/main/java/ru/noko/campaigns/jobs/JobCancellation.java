package ru.noko.campaigns.jobs;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.noko.campaigns.CampaignAdmin;
import ru.noko.campaigns.CampaignRepository;
import ru.noko.platform.security.AuditLog;
import ru.noko.platform.security.Caller;
import ru.noko.platform.web.ApiProblemException;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Cancels a queued or running import job: the job row turns {@code cancelled} (which frees the
 * campaign for a new upload) together with its audit entry, then the worker is stopped and rolls
 * back whatever it had staged. A job is either cancelled or finished, never both: see
 * {@link ImportJobs#cancel}.
 */
@Singleton
public class JobCancellation {

    static final String REASON = "Отменено администратором";
    /** How long the answer waits for the worker to let go (it checks every batch of rows). */
    private static final Duration WAIT_FOR_WORKER = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(JobCancellation.class);

    private final ImportJobs jobs;
    private final CampaignRepository campaigns;
    private final Uploads uploads;
    private final AuditLog audit;
    private final TransactionOperations<Connection> transactions;

    JobCancellation(ImportJobs jobs, CampaignRepository campaigns, Uploads uploads, AuditLog audit,
                    TransactionOperations<Connection> transactions) {
        this.jobs = jobs;
        this.campaigns = campaigns;
        this.uploads = uploads;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * @return the cancelled job
     * @throws ApiProblemException 404 when there is no such job or its campaign is outside the
     *                             caller's regions (its existence is not disclosed), 409 when it
     *                             has already finished
     */
    public ImportJob cancel(Caller caller, long jobId) {
        ImportJob job = jobs.find(jobId)
                .filter(j -> campaigns.find(j.campaignId()).map(c -> caller.mayManage(c.regionCode())).orElse(false))
                .orElseThrow(() -> ApiProblemException.notFound("No import job " + jobId));
        boolean cancelled = transactions.executeWrite(status -> {
            if (!jobs.cancel(jobId, REASON)) {
                return false;
            }
            audit.record(caller, "import.cancel", "campaign/" + job.campaignId(),
                    Map.of("job_id", jobId, "status_before", job.status()));
            return true;
        });
        if (!cancelled) {
            String status = jobs.find(jobId).map(ImportJob::status).orElse(job.status());
            throw new ApiProblemException(HttpStatus.CONFLICT, CampaignAdmin.CONFLICT, "Conflict",
                    "Import job " + jobId + " has already finished (" + status + ")", List.of());
        }
        if (!uploads.stop(jobId, WAIT_FOR_WORKER)) {
            LOG.warn("Import job {} is cancelled but its worker has not stopped yet; it will at its next batch of rows", jobId);
        }
        return jobs.find(jobId).orElseThrow();
    }
}
