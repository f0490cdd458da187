package ru.noko.campaigns.jobs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A job this service has queued or is running: whether it was cancelled, and the worker thread to
 * wake when it is. The worker checks {@link #check()} between batches of rows; the interrupt only
 * shortens waits (for the reader, for a connection).
 */
final class ImportRun {

    /** Thrown on the worker of a cancelled job; rolls its staging back. */
    static final class Cancelled extends RuntimeException {
        Cancelled(long jobId) {
            super("Import job " + jobId + " was cancelled", null, false, false);
        }
    }

    private final long jobId;
    private final Path file;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean cancelled;
    private Thread worker;

    ImportRun(long jobId, Path file) {
        this.jobId = jobId;
        this.file = file;
    }

    long jobId() {
        return jobId;
    }

    /** The spooled upload it reads. */
    Path file() {
        return file;
    }

    /** Called by the worker as it takes the job up; false when it was cancelled while queued. */
    synchronized boolean start() {
        if (cancelled) {
            return false;
        }
        worker = Thread.currentThread();
        return true;
    }

    /** Called by the worker when it is done with the job, so no cancel interrupts the thread's next job. */
    void end() {
        synchronized (this) {
            worker = null;
        }
        Thread.interrupted();
        ended.countDown();
    }

    /** @return whether a worker is on the job (else it is still queued, and will not be taken up) */
    synchronized boolean cancel() {
        cancelled = true;
        if (worker == null) {
            return false;
        }
        worker.interrupt();
        return true;
    }

    boolean cancelled() {
        return cancelled;
    }

    void check() {
        if (cancelled) {
            throw new Cancelled(jobId);
        }
    }

    /** @return true when the worker let go of the job within the time */
    boolean awaitEnd(Duration timeout) {
        try {
            return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
