package ru.noko.campaigns.upload;

import java.util.Arrays;
import java.util.Optional;

/** The three input levels of an operator's file (DESIGN.md), plus the expert checklist that respondent answers need. */
public enum InputLevel {
    /** Identity + К1..К5 as published (optionally indicators, total, places). */
    RESULTS("results"),
    /** Identity + expert checklist counts + survey counts; everything else is computed. */
    RAW_INPUTS("raw_inputs"),
    /** One anonymous questionnaire per row, aggregated per organization; needs an {@link #EXPERT} checklist. */
    ANSWERS("answers"),
    /** Identity + expert checklist counts (+ recipients): the expert half of an answers-level campaign. */
    EXPERT("expert");

    private final String code;

    InputLevel(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether an upload of this level can be published by itself. */
    public boolean publishable() {
        return this != EXPERT;
    }

    public static Optional<InputLevel> fromCode(String code) {
        return Arrays.stream(values()).filter(level -> level.code.equals(code)).findFirst();
    }
}
