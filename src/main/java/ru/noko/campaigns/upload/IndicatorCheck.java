package ru.noko.campaigns.upload;

import ru.noko.methodology.TotalCheck;

/**
 * How an official indicator value compares with our recomputation from raw inputs, as
 * {@code total_check} does for the total: the file's value is published, ours is kept beside it.
 */
public enum IndicatorCheck {
    MATCH("match"), MISMATCH("mismatch"),
    /** The file gave no value: the published value is ours. */
    NOT_GIVEN("not_given"),
    /** No raw inputs to recompute from (a results table): the published value is the file's alone. */
    NOT_COMPUTED("not_computed");

    private final String code;

    IndicatorCheck(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The check of one indicator; null when there is no value at all. */
    static IndicatorCheck of(Double official, Double computed, boolean recomputed) {
        if (official == null) {
            return computed == null ? null : NOT_GIVEN;
        }
        if (!recomputed || computed == null) {
            return NOT_COMPUTED;
        }
        return TotalCheck.differs(official, computed) ? MISMATCH : MATCH;
    }
}
