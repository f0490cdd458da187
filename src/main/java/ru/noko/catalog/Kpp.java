package ru.noko.catalog;

/**
 * Shape of a КПП: 4 digits (tax office), 2 digits or capital Latin letters (reason), 3 digits.
 * Checked position by position (a cell of any length is rejected by its length first).
 */
public final class Kpp {

    private Kpp() {
    }

    public static boolean isValid(String kpp) {
        if (kpp == null || kpp.length() != 9) {
            return false;
        }
        for (int i = 0; i < 9; i++) {
            char c = kpp.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            boolean reasonLetter = (i == 4 || i == 5) && c >= 'A' && c <= 'Z';
            if (!digit && !reasonLetter) {
                return false;
            }
        }
        return true;
    }
}
