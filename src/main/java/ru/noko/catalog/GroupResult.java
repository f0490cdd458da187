package ru.noko.catalog;

import java.util.List;

/**
 * The survey indicators of one respondent group ({@code parent}, {@code student}) of a published
 * result, computed over that group's questionnaires; values unrounded.
 *
 * @param indicators the methodology's survey indicators in catalogue order
 */
public record GroupResult(String group, int respondents, List<Value> indicators) {

    /**
     * @param value           null when the zero-denominator rule excluded the indicator for the group
     * @param zeroRuleApplied the group's denominator was zero and the campaign's zero rule decided the value
     */
    public record Value(String code, Double value, boolean zeroRuleApplied) {
    }
}
