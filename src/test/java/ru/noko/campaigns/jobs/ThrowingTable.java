package ru.noko.campaigns.jobs;

import ru.noko.campaigns.upload.UploadTable;

import java.util.List;
import java.util.function.Supplier;

/** A table whose rows cannot be read: {@link #next()} throws what the supplier makes, on the thread that reads. */
final class ThrowingTable implements UploadTable {

    private final UploadTable delegate;
    private final Supplier<Error> failure;

    ThrowingTable(UploadTable delegate, Supplier<Error> failure) {
        this.delegate = delegate;
        this.failure = failure;
    }

    @Override
    public SourceRow next() {
        throw failure.get();
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
