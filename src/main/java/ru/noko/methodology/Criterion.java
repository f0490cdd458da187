package ru.noko.methodology;

import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import java.util.Set;

/**
 * One of the general criteria (K1..K5) with its indicators in catalogue order. {@code busGovField}
 * is the legacy name of its slot in bus.gov.ru JSON (METHODOLOGY.md §6), null when it has none.
 * A criterion of a methodology known only from published results has no indicators (no formulas);
 * {@code maxScore} is the top of its scale (100, or the points the methodology gives it).
 */
public record Criterion(
        String code,
        String field,
        int position,
        String nameRu,
        String nameEn,
        String busGovField,
        List<Indicator> indicators,
        double maxScore) {

    /** The usual scale: 0..100 points (percent). */
    public static final double PERCENT_MAX = 100;

    /** A criterion of the usual 0..100 scale. */
    public Criterion(String code, String field, int position, String nameRu, String nameEn, String busGovField,
                     List<Indicator> indicators) {
        this(code, field, position, nameRu, nameEn, busGovField, indicators, PERCENT_MAX);
    }

    /** Tolerance for weights given as decimals in the files; the catalogue reader checks them exactly. */
    static final double WEIGHT_SUM_TOLERANCE = 1e-9;

    public Criterion {
        Indicator.requireText(code, "code");
        InputNames.requireMachineName(field, "criterion field");
        Indicator.requireText(nameRu, "nameRu");
        Indicator.requireText(nameEn, "nameEn");
        if (busGovField != null && busGovField.isBlank()) {
            busGovField = null;
        }
        indicators = List.copyOf(indicators);
        if (!(maxScore > 0) || !Double.isFinite(maxScore)) {
            throw new IllegalArgumentException("criterion " + code + ": max score must be positive, got " + maxScore);
        }
        Set<String> codes = new HashSet<>();
        double weightSum = 0;
        for (Indicator indicator : indicators) {
            if (!indicator.criterionCode().equals(code)) {
                throw new IllegalArgumentException("indicator " + indicator.code() + " belongs to "
                        + indicator.criterionCode() + ", not to " + code);
            }
            if (!codes.add(indicator.code())) {
                throw new IllegalArgumentException("indicator " + indicator.code() + " appears twice in " + code);
            }
            weightSum += indicator.weight();
        }
        if (!indicators.isEmpty() && Math.abs(weightSum - 1.0) > WEIGHT_SUM_TOLERANCE) {
            throw new IllegalArgumentException(
                    "weights of the indicators of " + code + " sum to " + weightSum + ", not 1");
        }
    }

    /**
     * The criterion from its indicators' points, weighted as the catalogue weighs them, when every
     * one of them has a value; null otherwise (or when the criterion has no indicators).
     */
    public Double fromIndicators(Function<Indicator, Double> points) {
        WeightedMean mean = new WeightedMean();
        for (Indicator indicator : indicators) {
            Double value = points.apply(indicator);
            if (value == null) {
                return null;
            }
            mean.add(indicator.weight(), value);
        }
        return mean.isEmpty() ? null : mean.value();
    }
}
