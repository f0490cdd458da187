package ru.noko.busgov;

import ru.noko.platform.csv.CsvDialect;

import java.util.Objects;

/**
 * What the caller chooses about an export. The same campaign revision with equal options always
 * gives the same archive, byte for byte.
 *
 * @param threshold an indicator below this many points (0..100) is a shortcoming; 100 by default
 */
public record BusGovOptions(CsvDialect dialect, double threshold, PlanSettings plan) {

    public static final double DEFAULT_THRESHOLD = 100.0;

    public BusGovOptions {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(plan, "plan");
        if (!(threshold >= 0 && threshold <= 100)) {
            throw new IllegalArgumentException("threshold must be within 0..100, got " + threshold);
        }
    }

    public static BusGovOptions defaults() {
        return new BusGovOptions(CsvDialect.RFC4180, DEFAULT_THRESHOLD, PlanSettings.none());
    }
}
