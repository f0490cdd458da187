package ru.noko.platform.logging;

import java.util.StringJoiner;

/**
 * Wall time of the consecutive phases of one long operation (an import, a publish), for a single
 * log line such as {@code read+check+stage 812 ms, analyze 31 ms, total 860 ms}.
 */
public final class PhaseTimer {

    private final long started = System.nanoTime();
    private final StringJoiner phases = new StringJoiner(", ");
    private long phaseStarted = started;

    /** Ends the phase running since the previous call (or since creation). */
    public void lap(String phase) {
        long now = System.nanoTime();
        phases.add(phase + " " + millis(now - phaseStarted) + " ms");
        phaseStarted = now;
    }

    @Override
    public String toString() {
        return phases + ", total " + millis(System.nanoTime() - started) + " ms";
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
