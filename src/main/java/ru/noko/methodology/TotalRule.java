package ru.noko.methodology;

import java.util.Locale;
import java.util.Optional;

/** How the total is made of the criteria: their plain mean, or their sum (points scales). */
public enum TotalRule {
    MEAN("mean"),
    SUM("sum");

    private final String code;

    TotalRule(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<TotalRule> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = code.trim().toLowerCase(Locale.ROOT);
        for (TotalRule rule : values()) {
            if (rule.code.equals(normalized)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** The total of the given criterion values; nothing is rounded. */
    public double apply(double... criteria) {
        if (this == MEAN) {
            return TotalCheck.meanOfCriteria(criteria);
        }
        TotalCheck.meanOfCriteria(criteria); // the same checks: at least one value, all finite
        double sum = 0;
        for (double value : criteria) {
            sum += value;
        }
        return sum;
    }
}
