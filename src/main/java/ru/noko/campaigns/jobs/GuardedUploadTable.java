package ru.noko.campaigns.jobs;

import ru.noko.campaigns.upload.ForwardingUploadTable;
import ru.noko.campaigns.upload.UploadTable;

/** The rows a job's worker reads, checked per batch for the job having been cancelled. */
final class GuardedUploadTable extends ForwardingUploadTable {

    static final int BATCH = 512;

    private final ImportRun run;
    private final ImportProbe probe;
    private int rows;
    private int checkedAt = -1;

    GuardedUploadTable(UploadTable delegate, ImportRun run, ImportProbe probe) {
        super(delegate);
        this.run = run;
        this.probe = probe;
    }

    @Override
    public SourceRow next() {
        if (rows % BATCH == 0 && checkedAt != rows) {
            checkedAt = rows;
            run.check();
            probe.batch(run.jobId(), rows);
            run.check();
        }
        SourceRow row = delegate.next();
        if (row != null) {
            rows++;
        }
        return row;
    }
}
