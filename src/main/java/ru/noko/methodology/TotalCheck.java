package ru.noko.methodology;

/**
 * Compares an operator's published total with the mean of the criteria (METHODOLOGY.md §4):
 * published tables often round criteria, so the two can differ; differences above
 * {@link #TOLERANCE} are flagged, both values are kept.
 */
public record TotalCheck(double publishedTotal, double recomputedTotal) {

    /** Largest difference that is not a mismatch. */
    public static final double TOLERANCE = 0.01;
    /** Absorbs binary floating-point noise, so that e.g. 75.19 vs 75.18 is not flagged. */
    private static final double FLOATING_POINT_SLACK = 1e-9;

    /** The published total against the mean of the given (published or computed) criteria. */
    public static TotalCheck of(double publishedTotal, double... criteria) {
        return new TotalCheck(publishedTotal, meanOfCriteria(criteria));
    }

    /** S = (K1 + … + Kn) / n. */
    public static double meanOfCriteria(double... criteria) {
        if (criteria.length == 0) {
            throw new IllegalArgumentException("at least one criterion value is needed");
        }
        double sum = 0;
        for (double value : criteria) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("criterion value must be finite, got " + value);
            }
            sum += value;
        }
        return sum / criteria.length;
    }

    /** True when the two totals differ by more than {@link #TOLERANCE}. */
    public static boolean differs(double publishedTotal, double recomputedTotal) {
        return Math.abs(publishedTotal - recomputedTotal) > TOLERANCE + FLOATING_POINT_SLACK;
    }

    /** How an official total compares with the recomputed one; its code is what the API and files carry. */
    public enum Outcome {
        MATCH("match"), MISMATCH("mismatch"), NOT_GIVEN("not_given");

        private final String code;

        Outcome(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** {@code NOT_GIVEN} without an official total, else whether it differs from the recomputed one. */
    public static Outcome outcome(Double officialTotal, double recomputedTotal) {
        if (officialTotal == null) {
            return Outcome.NOT_GIVEN;
        }
        return differs(officialTotal, recomputedTotal) ? Outcome.MISMATCH : Outcome.MATCH;
    }

    public double difference() {
        return publishedTotal - recomputedTotal;
    }

    public boolean mismatch() {
        return differs(publishedTotal, recomputedTotal);
    }
}
