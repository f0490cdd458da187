package ru.noko.methodology;

import java.util.Locale;
import java.util.Optional;

/**
 * Which denominator the survey ratios use (METHODOLOGY.md §2). Recorded on every campaign.
 */
public enum DenominatorVariant {
    /** Divide by those the question applies to: stand/site users, respondents with a disability, remote users. */
    PER_QUESTION("per_question"),
    /** Divide every survey ratio by all respondents, as the 2018 text of the unified procedure reads. */
    ALL_RESPONDENTS("all_respondents");

    private final String code;

    DenominatorVariant(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<DenominatorVariant> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = code.trim().toLowerCase(Locale.ROOT);
        for (DenominatorVariant variant : values()) {
            if (variant.code.equals(normalized)) {
                return Optional.of(variant);
            }
        }
        return Optional.empty();
    }
}
