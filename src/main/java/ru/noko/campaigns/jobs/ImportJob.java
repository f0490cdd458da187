package ru.noko.campaigns.jobs;

import ru.noko.campaigns.upload.InputLevel;
import ru.noko.campaigns.upload.UploadTable;

import java.time.OffsetDateTime;
import java.util.List;

/** An upload's import job: status, progress, what was detected and the size of its report. */
public record ImportJob(long id, long campaignId, String status, InputLevel level, boolean dryRun, String sourceName,
                        String format, String encoding, Boolean bom, String delimiter, String decimalSeparator,
                        Boolean levelDetected, List<UploadTable.Column> columns, Long bytes, Integer rowsTotal,
                        int rowsProcessed, int organizations, int errorsCount, int warningsCount, String failure,
                        Integer publishedRevision, String createdBy, OffsetDateTime createdAt, OffsetDateTime startedAt,
                        OffsetDateTime finishedAt) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    public boolean finished() {
        return SUCCEEDED.equals(status) || FAILED.equals(status) || CANCELLED.equals(status);
    }

    /** Ran to the end without errors, is kept (not a dry run) and is of a level that can be published. */
    public boolean publishable() {
        return SUCCEEDED.equals(status) && errorsCount == 0 && !dryRun && level != null && level.publishable();
    }
}
