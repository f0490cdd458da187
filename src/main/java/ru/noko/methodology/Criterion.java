package ru.noko.methodology;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One of the general criteria (K1..K5) with its indicators in catalogue order. {@code busGovField}
 * is the legacy name of its slot in bus.gov.ru JSON (METHODOLOGY.md §6), null when it has none.
 */
public record Criterion(
        String code,
        String field,
        int position,
        String nameRu,
        String nameEn,
        String busGovField,
        List<Indicator> indicators) {

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
        if (indicators.isEmpty()) {
            throw new IllegalArgumentException("criterion " + code + " has no indicators");
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
        if (Math.abs(weightSum - 1.0) > WEIGHT_SUM_TOLERANCE) {
            throw new IllegalArgumentException(
                    "weights of the indicators of " + code + " sum to " + weightSum + ", not 1");
        }
    }
}
