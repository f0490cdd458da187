package ru.noko.platform.text;

/** The start of a text that may be arbitrarily long (an uploaded cell, a header), fit to quote in a report. */
public final class Excerpt {

    /** Characters of a value a report quotes. */
    public static final int LIMIT = 200;

    private Excerpt() {
    }

    /** {@link #of(String, int)} with {@link #LIMIT}. */
    public static String of(String text) {
        return of(text, LIMIT);
    }

    /**
     * The text itself when it has at most {@code limit} characters, else its first {@code limit}
     * characters (one fewer rather than half a surrogate pair) followed by «…». Null stays null.
     */
    public static String of(String text, int limit) {
        if (text == null || text.length() <= limit) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
        return text.substring(0, end) + "…";
    }
}
