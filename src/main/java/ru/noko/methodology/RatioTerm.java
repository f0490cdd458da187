package ru.noko.methodology;

import java.util.ArrayList;
import java.util.List;

/**
 * One fraction {@code numerator / denominator} of a ratio formula. The denominator depends on the
 * {@link DenominatorVariant}; when the all-respondents denominator is not given it equals the
 * per-question one (expert ratios and survey questions asked of everybody).
 */
public record RatioTerm(String numerator, String perQuestionDenominator, String allRespondentsDenominator) {

    public RatioTerm {
        InputNames.requireMachineName(numerator, "numerator");
        InputNames.requireMachineName(perQuestionDenominator, "denominator");
        if (allRespondentsDenominator == null || allRespondentsDenominator.isBlank()) {
            allRespondentsDenominator = perQuestionDenominator;
        }
        InputNames.requireMachineName(allRespondentsDenominator, "all-respondents denominator");
        if (numerator.equals(perQuestionDenominator) || numerator.equals(allRespondentsDenominator)) {
            throw new IllegalArgumentException("numerator " + numerator + " cannot also be its own denominator");
        }
    }

    public RatioTerm(String numerator, String denominator) {
        this(numerator, denominator, null);
    }

    public String denominator(DenominatorVariant variant) {
        return variant == DenominatorVariant.ALL_RESPONDENTS ? allRespondentsDenominator : perQuestionDenominator;
    }

    /** True when the two variants divide by different counts (e.g. used_stand vs respondents). */
    public boolean dependsOnVariant() {
        return !perQuestionDenominator.equals(allRespondentsDenominator);
    }

    /** Numerator, per-question denominator, all-respondents denominator; without repeats. */
    public List<String> inputs() {
        List<String> names = new ArrayList<>(List.of(numerator, perQuestionDenominator));
        if (dependsOnVariant()) {
            names.add(allRespondentsDenominator);
        }
        return List.copyOf(names);
    }

    /**
     * The fraction in 0..1, or null when the zero rule excludes it.
     *
     * @throws CalculationException when the numerator exceeds the denominator
     */
    Share share(RawInputs inputs, CalculationSettings settings) {
        String denominatorName = denominator(settings.variant());
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
