package ru.noko.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Values are stored unrounded; this is the one place they are rounded, for display. */
public final class Rounding {

    private Rounding() {
    }

    /** Half-up to two decimals, via the decimal string so 75.175 becomes 75.18, not 75.17. */
    public static Double forDisplay(Double value) {
        if (value == null) {
            return null;
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
