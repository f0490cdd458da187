package ru.noko.campaigns.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a table's rows on a thread of its own, a few batches ahead, so that decoding and parsing
 * the file overlaps with checking and computing the rows. Only for tables whose columns are known
 * from the header (CSV); memory stays bounded by the queue.
 * <p>
 * Neither side ever waits for good on the other: whatever the reader throws, an {@link Error}
 * included, is handed to the consumer in place of the next batch; the consumer's waits notice a
 * reader that died without a word, and the reader's waits notice a consumer that has closed the
 * table.
 */
public final class PrefetchingUploadTable extends ForwardingUploadTable {

    /** The reader thread failed with an {@link Error}; the cause is that error. */
    public static final class ReaderFailed extends RuntimeException {
        ReaderFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final int BATCH = 512;
    private static final long WAIT_MILLIS = 100;
    private static final Object END = new Object();

    /** What the reader hands over instead of a batch when it fails. */
    private record Failure(Throwable cause) {
    }

    private final BlockingQueue<Object> batches = new ArrayBlockingQueue<>(8);
    private final Thread reader;
    private volatile boolean closed;
    private List<SourceRow> current = List.of();
    private int position;
    private boolean ended;

    public PrefetchingUploadTable(UploadTable delegate) {
        super(delegate);
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
                    if (!hand(batch)) {
                        return;
                    }
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty() && !hand(batch)) {
                return;
            }
            hand(END);
        } catch (Throwable e) {
            // an Error too (OutOfMemoryError, StackOverflowError): the consumer must hear of it
            hand(new Failure(e));
        }
    }

    /** Queues the value unless the consumer has gone; false when it has (or this thread was interrupted). */
    private boolean hand(Object value) {
        try {
            while (!closed) {
                if (batches.offer(value, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public SourceRow next() {
        while (position == current.size()) {
            if (ended) {
                return null;
            }
            Object next = take();
            if (next instanceof Failure failure) {
                ended = true;
                throw rethrown(failure.cause());
            }
            if (next == END) {
                ended = true;
                return null;
            }
            current = (List<SourceRow>) next;
            position = 0;
        }
        return current.get(position++);
    }

    private Object take() {
        try {
            while (true) {
                Object next = batches.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (next != null) {
                    return next;
                }
                if (!reader.isAlive()) {
                    // it may have handed its last value just before it ended
                    next = batches.poll();
                    if (next != null) {
                        return next;
                    }
                    ended = true;
                    throw new IllegalStateException("The upload's reader thread stopped without handing over its rows");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the upload", e);
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new ReaderFailed("Reading the upload failed: " + cause, cause);
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
        try {
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delegate.close();
    }
}
