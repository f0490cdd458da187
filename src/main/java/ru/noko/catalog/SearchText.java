package ru.noko.catalog;

import java.util.Locale;

/** Folds names for search: lower case, ё as е, runs of whitespace as one space. */
public final class SearchText {

    private SearchText() {
    }

    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('ё', 'е');
        StringBuilder folded = new StringBuilder(lower.length());
        boolean space = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                space = true;
            } else {
                if (space) {
                    folded.append(' ');
                    space = false;
                }
                folded.append(c);
            }
        }
        return folded.toString().trim();
    }
}
