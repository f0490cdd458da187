package ru.noko.methodology;

import java.util.Locale;
import java.util.Optional;

/** Where an indicator's inputs come from: the operator's expert check or the survey of recipients. */
public enum IndicatorSource {
    EXPERT("expert"),
    SURVEY("survey");

    private final String code;

    IndicatorSource(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<IndicatorSource> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = code.trim().toLowerCase(Locale.ROOT);
        for (IndicatorSource source : values()) {
            if (source.code.equals(normalized)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}
