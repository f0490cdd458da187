package ru.noko.platform.csv;

import ru.noko.platform.text.Digits;

import java.util.regex.Pattern;

/**
 * Numbers as spreadsheets write them: {@code 82,4} (decimal comma), {@code 1 234,5} (spaces,
 * no-break spaces or apostrophes grouping thousands), {@code 82.4}. Turns them into the plain
 * form Java parses ({@code 82.4}, {@code 1234.5}) and says which decimal separator was used.
 */
public final class NumberText {

    /** A normalized number and the decimal separator it was written with (null for integers). */
    public record Normalized(String text, Character decimalSeparator) {
    }

    // Every quantifier is possessive and no repetition is nested, so matching is linear in the cell's
    // length whatever an operator writes (no backtracking; each pattern is matched from position 0 only).
    private static final Pattern GROUPED =
            Pattern.compile("[-+]?+\\d{1,3}+(?:[ \u00A0\u202F\u2009']\\d{3})++(?:[.,]\\d++)?+");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[-+]?+\\d*+,\\d++");
    private static final Pattern DECIMAL_POINT = Pattern.compile("[-+]?+\\d*+\\.\\d++");
    private static final Pattern PLAIN_INTEGER = Pattern.compile("[-+]?+\\d++");
    private static final Pattern NUMBER = Pattern.compile("[-+]?+(?:\\d++(?:\\.\\d*+)?+|\\.\\d++)(?:[eE][-+]?+\\d++)?+");
    private static final Pattern GROUPING = Pattern.compile("[ \u202F\u2009']");

    private NumberText() {
    }

    /** Null for null or blank; otherwise the trimmed text with grouping removed and a decimal comma made a point. */
    public static Normalized normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (Digits.only(text) || PLAIN_INTEGER.matcher(text).matches()) {
            return new Normalized(text, null);
        }
        text = text.replace('\u00A0', ' ').strip();
        if (GROUPED.matcher(text).matches()) {
            text = GROUPING.matcher(text).replaceAll("");
        }
        if (DECIMAL_COMMA.matcher(text).matches()) {
            return new Normalized(text.replace(',', '.'), ',');
        }
        if (text.indexOf('.') >= 0 && DECIMAL_POINT.matcher(text).matches()) {
            return new Normalized(text, '.');
        }
        return new Normalized(text, null);
    }

    /** A finite double, or null when the text is not a number. */
    public static Double parseDouble(String normalized) {
        if (normalized == null || !(Digits.only(normalized) || NUMBER.matcher(normalized).matches())) {
            return null;
        }
        double value = Double.parseDouble(normalized);
        return Double.isFinite(value) ? value : null;
    }
}
