package ru.noko.campaigns.jobs;

import ru.noko.campaigns.upload.ForwardingUploadTable;
import ru.noko.campaigns.upload.UploadTable;

import java.util.function.Supplier;

/** A table whose rows cannot be read: {@link #next()} throws what the supplier makes, on the thread that reads. */
final class ThrowingTable extends ForwardingUploadTable {

    private final Supplier<Error> failure;

    ThrowingTable(UploadTable delegate, Supplier<Error> failure) {
        super(delegate);
        this.failure = failure;
    }

    @Override
    public SourceRow next() {
        throw failure.get();
    }
}
