package ru.noko.platform.text;

/**
 * ASCII-digit checks for identifiers and counts, read once per cell of national-scale uploads:
 * a loop over the characters instead of a regular expression.
 */
public final class Digits {

    private Digits() {
    }

    /** True for a non-empty string of ASCII digits 0-9 only. */
    public static boolean only(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** True for exactly {@code length} ASCII digits. */
    public static boolean only(String text, int length) {
        return text != null && text.length() == length && only(text);
    }
}
