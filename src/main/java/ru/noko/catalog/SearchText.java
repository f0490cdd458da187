package ru.noko.catalog;

import java.util.Locale;

/** Folds names for search: lower case, ё as е, runs of whitespace as one space. */
public final class SearchText {

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private SearchText() {
    }

    public static String fold(String text) {
        return text.toLowerCase(Locale.ROOT)
                .replace('ё', 'е')
                .transform(folded -> WHITESPACE.matcher(folded).replaceAll(" "))
                .trim();
    }
}
