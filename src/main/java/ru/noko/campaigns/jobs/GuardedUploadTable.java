package ru.noko.campaigns.jobs;

import ru.noko.campaigns.upload.UploadTable;

import java.util.List;

/** The rows a job's worker reads, checked per batch for the job having been cancelled. */
final class GuardedUploadTable implements UploadTable {

    static final int BATCH = 512;

    private final UploadTable delegate;
    private final ImportRun run;
    private final ImportProbe probe;
    private int rows;
    private int checkedAt = -1;

    GuardedUploadTable(UploadTable delegate, ImportRun run, ImportProbe probe) {
        this.delegate = delegate;
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

    @Override
    public String format() {
        return delegate.format();
    }

    @Override
    public String encoding() {
        return delegate.encoding();
    }

    @Override
    public boolean bom() {
        return delegate.bom();
    }

    @Override
    public Character delimiter() {
        return delegate.delimiter();
    }

    @Override
    public List<Column> columns() {
        return delegate.columns();
    }

    @Override
    public Integer estimatedRows() {
        return delegate.estimatedRows();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
