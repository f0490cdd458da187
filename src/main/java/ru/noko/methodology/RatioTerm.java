package ru.noko.methodology;

import java.util.ArrayList;
import java.util.List;

/**
 * One fraction {@code numerator / denominator} of a ratio formula. The denominator depends on the
 * {@link DenominatorVariant}; when the all-respondents denominator is not given it equals the
 * per-question one (expert ratios and the ratios both readings of the law divide alike).
 *
 * <p>A per-question denominator may be optional: {@code fallbackDenominator} names what the ratio
 * divides by when the inputs do not give it. Questions put to everybody divide by those who answered
 * them (answers-level uploads count them); a table of aggregated counts usually gives only the number
 * of questionnaires, which is then the denominator.
 */
public record RatioTerm(String numerator, String perQuestionDenominator, String allRespondentsDenominator,
                        String fallbackDenominator) {

    public RatioTerm {
        InputNames.requireMachineName(numerator, "numerator");
        InputNames.requireMachineName(perQuestionDenominator, "denominator");
        if (allRespondentsDenominator == null || allRespondentsDenominator.isBlank()) {
            allRespondentsDenominator = perQuestionDenominator;
        }
        InputNames.requireMachineName(allRespondentsDenominator, "all-respondents denominator");
        if (fallbackDenominator != null && fallbackDenominator.isBlank()) {
            fallbackDenominator = null;
        }
        if (fallbackDenominator != null) {
            InputNames.requireMachineName(fallbackDenominator, "fallback denominator");
            if (fallbackDenominator.equals(perQuestionDenominator)) {
                throw new IllegalArgumentException("denominator " + perQuestionDenominator + " cannot be its own fallback");
            }
        }
        if (numerator.equals(perQuestionDenominator) || numerator.equals(allRespondentsDenominator)
                || numerator.equals(fallbackDenominator)) {
            throw new IllegalArgumentException("numerator " + numerator + " cannot also be its own denominator");
        }
    }

    public RatioTerm(String numerator, String perQuestionDenominator, String allRespondentsDenominator) {
        this(numerator, perQuestionDenominator, allRespondentsDenominator, null);
    }

    public RatioTerm(String numerator, String denominator) {
        this(numerator, denominator, null, null);
    }

    /** The denominator as the catalogue writes it for the variant. */
    public String denominator(DenominatorVariant variant) {
        return variant == DenominatorVariant.ALL_RESPONDENTS ? allRespondentsDenominator : perQuestionDenominator;
    }

    /** The denominator the ratio divides by for these inputs: the written one, or its fallback when that is absent. */
    public String denominator(DenominatorVariant variant, RawInputs inputs) {
        String written = denominator(variant);
        return usesFallback(written, inputs.has(written)) ? fallbackDenominator : written;
    }

    /** True when the two variants divide by different counts (e.g. used_stand vs respondents). */
    public boolean dependsOnVariant() {
        return !perQuestionDenominator.equals(allRespondentsDenominator);
    }

    /** The per-question denominator when the inputs may leave it out (it has a fallback), else null. */
    public String optionalDenominator() {
        return fallbackDenominator == null ? null : perQuestionDenominator;
    }

    /** Every name the term may read: numerator, per-question, all-respondents and fallback denominators; without repeats. */
    public List<String> inputs() {
        List<String> names = new ArrayList<>(List.of(numerator, perQuestionDenominator));
        if (dependsOnVariant()) {
            names.add(allRespondentsDenominator);
        }
        if (fallbackDenominator != null && !names.contains(fallbackDenominator)) {
            names.add(fallbackDenominator);
        }
        return List.copyOf(names);
    }

    /** The names the variant cannot do without: the numerator and the denominator (its fallback when optional). */
    public List<String> requiredInputs(DenominatorVariant variant) {
        String written = denominator(variant);
        return List.of(numerator, usesFallback(written, false) ? fallbackDenominator : written);
    }

    private boolean usesFallback(String denominator, boolean given) {
        return !given && fallbackDenominator != null && denominator.equals(perQuestionDenominator);
    }

    /**
     * The fraction in 0..1, or null when the zero rule excludes it.
     *
     * @throws CalculationException when the numerator exceeds the denominator
     */
    Share share(RawInputs inputs, CalculationSettings settings) {
        String denominatorName = denominator(settings.variant(), inputs);
        long numeratorValue = inputs.get(numerator);
        long denominatorValue = inputs.get(denominatorName);
        if (numeratorValue > denominatorValue) {
            throw new CalculationException(CalculationException.NUMERATOR_EXCEEDS_DENOMINATOR,
                    numerator + " = " + numeratorValue + " больше знаменателя " + denominatorName
                            + " = " + denominatorValue);
        }
        if (denominatorValue == 0) {
            return switch (settings.zeroRule()) {
                case ZERO -> new Share(0.0, true);
                case FULL_SCORE -> new Share(1.0, true);
                case EXCLUDE -> new Share(null, true);
            };
        }
        return new Share((double) numeratorValue / denominatorValue, false);
    }

    /** A fraction in 0..1 (null = excluded) and whether its denominator was zero. */
    record Share(Double value, boolean zeroDenominator) {
    }
}
