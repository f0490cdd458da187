package ru.noko.campaigns.jobs;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holds the worker of the first job that gets to {@code atRows} rows, at that batch, until the
 * test releases it (or the worker is interrupted, as a cancel does): a job that is certainly
 * running, without racing the clock.
 */
final class Pause implements ImportProbe {

    private final int atRows;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicLong held = new AtomicLong();
    private final AtomicInteger batchesAfterHold = new AtomicInteger();
    private final Set<Long> jobsSeen = ConcurrentHashMap.newKeySet();

    Pause(int atRows) {
        this.atRows = atRows;
    }

    @Override
    public void batch(long jobId, int rows) {
        jobsSeen.add(jobId);
        if (jobId == held.get()) {
            batchesAfterHold.incrementAndGet();
        }
        if (rows >= atRows && held.compareAndSet(0, jobId)) {
            reached.countDown();
            try {
                released.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits until a worker is held; returns its job. */
    long awaitHeld(Duration timeout) throws InterruptedException {
        assertTrue(reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS), "no job got to " + atRows + " rows in time");
        return held.get();
    }

    void release() {
        released.countDown();
    }

    /** Batches the held job's worker started after the hold (0 when it stopped right there). */
    int batchesAfterHold() {
        return batchesAfterHold.get();
    }

    boolean saw(long jobId) {
        return jobsSeen.contains(jobId);
    }
}
