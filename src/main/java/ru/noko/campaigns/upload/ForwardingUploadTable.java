package ru.noko.campaigns.upload;

import java.util.List;

/**
 * A table that hands everything to the table it wraps; decorators override only what they change,
 * so none of them can forget to pass on what the file's header said (its format, its columns, that
 * it has too many of them).
 */
public abstract class ForwardingUploadTable implements UploadTable {

    protected final UploadTable delegate;

    protected ForwardingUploadTable(UploadTable delegate) {
        this.delegate = delegate;
    }

    @Override
    public SourceRow next() {
        return delegate.next();
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
    public int columnCount() {
        return delegate.columnCount();
    }

    @Override
    public boolean tooManyColumns() {
        return delegate.tooManyColumns();
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
