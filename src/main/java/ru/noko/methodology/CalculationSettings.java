package ru.noko.methodology;

import java.util.Objects;

/** The per-campaign choices the methodology leaves open. */
public record CalculationSettings(DenominatorVariant variant, ZeroDenominatorRule zeroRule) {

    public CalculationSettings {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(zeroRule, "zeroRule");
    }

    public static CalculationSettings defaults(Methodology methodology) {
        return new CalculationSettings(methodology.defaultVariant(), methodology.defaultZeroRule());
    }
}
