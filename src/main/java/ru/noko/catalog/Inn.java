package ru.noko.catalog;

import ru.noko.platform.text.Digits;

/** Check digits of a legal entity's ИНН (10 digits). */
public final class Inn {

    private static final int[] WEIGHTS = {2, 4, 10, 3, 5, 9, 4, 6, 8};

    private Inn() {
    }

    public static boolean isValidLegalEntity(String inn) {
        if (!Digits.only(inn, 10)) {
            return false;
        }
        return checkDigit(inn.substring(0, 9)) == inn.charAt(9) - '0';
    }

    /** The 10th digit for the first nine: weighted sum mod 11, then mod 10. */
    public static int checkDigit(String firstNine) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += WEIGHTS[i] * (firstNine.charAt(i) - '0');
        }
        return sum % 11 % 10;
    }
}
