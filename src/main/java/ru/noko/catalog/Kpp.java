package ru.noko.catalog;

import java.util.regex.Pattern;

/** Shape of a КПП: 4 digits (tax office), 2 digits or capital Latin letters (reason), 3 digits. */
public final class Kpp {

    private static final Pattern SHAPE = Pattern.compile("\\d{4}[\\dA-Z]{2}\\d{3}");

    private Kpp() {
    }

    public static boolean isValid(String kpp) {
        return kpp != null && SHAPE.matcher(kpp).matches();
    }
}
