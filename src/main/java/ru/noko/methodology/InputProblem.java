package ru.noko.methodology;

/**
 * One problem in uploaded raw inputs: the field it concerns, a stable machine code (constants
 * below) and a human-readable message in Russian.
 */
public record InputProblem(String field, String code, String message) {

    public static final String REQUIRED = "required";
    public static final String NOT_A_NUMBER = "not_a_number";
    public static final String NOT_INTEGER = "not_integer";
    public static final String NEGATIVE = "negative";
    public static final String TOO_LARGE = "too_large";
    public static final String UNKNOWN_FIELD = "unknown_field";
    /** A ratio's numerator exceeds its per-question denominator (satisfied_stand > used_stand). */
    public static final String EXCEEDS_DENOMINATOR = "exceeds_denominator";
    /** A per-question denominator exceeds all respondents (used_stand > respondents). */
    public static final String EXCEEDS_RESPONDENTS = "exceeds_respondents";
    /** A count exceeds the number of items its indicator lists (remote_channels > 6). */
    public static final String EXCEEDS_MAX_ITEMS = "exceeds_max_items";
    /** More respondents than recipients. */
    public static final String EXCEEDS_RECIPIENTS = "exceeds_recipients";
}
