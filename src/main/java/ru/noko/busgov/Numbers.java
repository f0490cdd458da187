package ru.noko.busgov;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How scores are written. Unrounded values keep exactly the digits of {@link Double#toString} — the
 * digits the public JSON API serves (Jackson writes doubles that way) — only without exponent and
 * without a trailing {@code .0}: 82.4, 100, 66.66666666666667. Parsing the text back gives the
 * stored double. Rounded values are half-up to 2 decimals via the decimal string, like the API's
 * {@code rounded} (75.175 → 75.18).
 */
final class Numbers {

    private Numbers() {
    }

    /** The stored double in plain decimal notation, e.g. {@code 66.66666666666667}. */
    static String exact(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }

    /** Two decimals, always written: {@code 82.40}. */
    static String rounded(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** For Russian text: two decimals at most, trailing zeros dropped, decimal comma: 40, 97,5, 66,67. */
    static String russian(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        if (decimal.scale() < 0) {
            decimal = decimal.setScale(0);
        }
        return decimal.toPlainString().replace('.', ',');
    }
}
