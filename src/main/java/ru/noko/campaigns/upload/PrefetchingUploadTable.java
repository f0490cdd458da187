package ru.noko.campaigns.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a table's rows on a thread of its own, a few batches ahead, so that decoding and parsing
 * the file overlaps with checking and computing the rows. Only for tables whose columns are known
 * from the header (CSV); memory stays bounded by the queue.
 */
public final class PrefetchingUploadTable implements UploadTable {

    private static final int BATCH = 512;
    private static final List<SourceRow> END = List.of();

    private final UploadTable delegate;
    private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(8);
    private final Thread reader;
    private List<SourceRow> current = List.of();
    private int position;
    private boolean ended;

    public PrefetchingUploadTable(UploadTable delegate) {
        this.delegate = delegate;
        this.reader = new Thread(this::read, "upload-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            List<SourceRow> batch = new ArrayList<>(BATCH);
            for (SourceRow row = delegate.next(); row != null; row = delegate.next()) {
                batch.add(row);
                if (batch.size() == BATCH) {
                    batches.put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                batches.put(batch);
            }
            batches.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            try {
                batches.put(e);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public SourceRow next() {
        while (position == current.size()) {
            if (ended) {
                return null;
            }
            Object next;
            try {
                next = batches.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading the upload", e);
            }
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            current = (List<SourceRow>) next;
            position = 0;
            if (current == END) {
                ended = true;
                return null;
            }
        }
        return current.get(position++);
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

    /** Known from the header, before the reader starts. */
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
        reader.interrupt();
        try {
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delegate.close();
    }
}
