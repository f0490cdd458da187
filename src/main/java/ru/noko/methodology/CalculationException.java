package ru.noko.methodology;

/**
 * The inputs cannot be turned into an assessment. {@link #code()} is a stable machine code; the
 * message is in Russian because it is shown to operators.
 */
public final class CalculationException extends RuntimeException {

    /** A raw input a formula reads is absent. */
    public static final String MISSING_INPUT = "missing_input";
    /** A raw input is negative. */
    public static final String NEGATIVE_INPUT = "negative_input";
    /** A ratio's numerator is larger than its denominator (the share would exceed 100 %). */
    public static final String NUMERATOR_EXCEEDS_DENOMINATOR = "numerator_exceeds_denominator";
    /** Rule {@code exclude} removed every indicator of a criterion, so the criterion has no value. */
    public static final String CRITERION_FULLY_EXCLUDED = "criterion_fully_excluded";

    private final String code;

    public CalculationException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
