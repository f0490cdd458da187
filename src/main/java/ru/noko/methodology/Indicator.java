package ru.noko.methodology;

import java.util.Objects;

/**
 * One indicator of a criterion, e.g. 1.3. {@code field} is its canonical result column
 * ({@code i1_3}); {@code weight} is its share inside the criterion.
 */
public record Indicator(
        String code,
        String field,
        String criterionCode,
        int position,
        double weight,
        IndicatorSource source,
        Formula formula,
        String nameRu,
        String nameEn) {

    public Indicator {
        requireText(code, "code");
        InputNames.requireMachineName(field, "indicator field");
        requireText(criterionCode, "criterionCode");
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight of indicator " + code + " must be in (0, 1], got " + weight);
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(formula, "formula");
        requireText(nameRu, "nameRu");
        requireText(nameEn, "nameEn");
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
