package ru.noko.methodology;

import java.util.Locale;
import java.util.Optional;

/**
 * What a ratio with a zero denominator counts as (nobody with a disability answered, nobody used
 * remote channels, ...). Regions differ, so the rule is a campaign setting; the calculator records
 * every indicator where it was applied ({@link Assessment#zeroDenominatorIndicators()}).
 */
public enum ZeroDenominatorRule {
    /** The ratio counts as 0 %. */
    ZERO("zero"),
    /** The ratio counts as 100 %. */
    FULL_SCORE("full_score"),
    /**
     * The ratio is left out. A single-ratio indicator then has no value (null) and its criterion is
     * the weighted mean of the remaining indicators with their weights renormalised; a mean-of-ratios
     * indicator averages its remaining ratios and is excluded only when all of them are. A criterion
     * whose indicators are all excluded cannot be computed: {@link CalculationException}.
     */
    EXCLUDE("exclude");

    private final String code;

    ZeroDenominatorRule(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ZeroDenominatorRule> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = code.trim().toLowerCase(Locale.ROOT);
        for (ZeroDenominatorRule rule : values()) {
            if (rule.code.equals(normalized)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
