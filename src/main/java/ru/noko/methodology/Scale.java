package ru.noko.methodology;

import java.util.Locale;
import java.util.Optional;

/**
 * How a methodology's criteria are published: percent (0..100 each) or points (0..the criterion's
 * {@link Criterion#maxScore()}, as the 2014 order counted them). Values of different scales are
 * never compared or averaged together.
 */
public enum Scale {
    PERCENT("percent"),
    POINTS("points");

    private final String code;

    Scale(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Scale> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = code.trim().toLowerCase(Locale.ROOT);
        for (Scale scale : values()) {
            if (scale.code.equals(normalized)) {
                return Optional.of(scale);
            }
        }
        return Optional.empty();
    }
}
