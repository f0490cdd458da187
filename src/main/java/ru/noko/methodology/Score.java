package ru.noko.methodology;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A stored (unrounded) value and how it is written — the one home of display rounding
 * (METHODOLOGY.md §4): two decimals, half up, on the decimal string of the double, so 75.175 becomes
 * 75.18 although the binary double lies just below it. Scores are stored unrounded and rounded only
 * here, when shown.
 */
public record Score(double value) {

    private static final int DECIMALS = 2;

    /** The rounded value of an optional score, for API models; null stays null. */
    public static Double roundedOrNull(Double value) {
        return value == null ? null : new Score(value).rounded().doubleValue();
    }

    /**
     * The digits of {@link Double#toString} — what the JSON API serves — without exponent or trailing
     * {@code .0}: 82.4, 100, 66.66666666666667, 0.0001. Parsing it back gives the stored double. Also
     * how other stored decimals of the methodology (weights) are written.
     */
    public String exact() {
        return plain(BigDecimal.valueOf(value).stripTrailingZeros());
    }

    /** Half up to two decimals: 75.175 → 75.18, 100 → 100.00. */
    public BigDecimal rounded() {
        return BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_UP);
    }

    /** The rounded value with both decimals written: {@code 82.40}, or {@code 82,40} with a decimal comma. */
    public String roundedText(char decimalSeparator) {
        return withSeparator(rounded().toPlainString(), decimalSeparator);
    }

    /** The rounded value without trailing zeros: {@code 40}, {@code 97.5}, {@code 66.67}. */
    public String shortText(char decimalSeparator) {
        return withSeparator(plain(rounded().stripTrailingZeros()), decimalSeparator);
    }

    /** For Russian text: two decimals at most, decimal comma: 40, 97,5, 66,67. */
    public String russian() {
        return shortText(',');
    }

    private static String plain(BigDecimal decimal) {
        return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }

    private static String withSeparator(String text, char decimalSeparator) {
        return decimalSeparator == '.' ? text : text.replace('.', decimalSeparator);
    }
}
