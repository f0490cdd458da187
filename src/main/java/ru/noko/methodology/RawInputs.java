package ru.noko.methodology;

import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Raw counts of one organization by canonical name (METHODOLOGY.md §8), e.g. {@code respondents → 250}.
 * An immutable copy; values are not checked here ({@link RawInputsValidator} checks text input,
 * {@link RatingCalculator} refuses missing or negative values it needs).
 */
public record RawInputs(Map<String, Long> values) {

    public RawInputs {
        values = Map.copyOf(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** @throws NoSuchElementException when the input is absent; check {@link #has(String)} first */
    public long get(String name) {
        Long value = values.get(name);
        if (value == null) {
            throw new NoSuchElementException("No raw input named " + name);
        }
        return value;
    }

    /** A copy with one value set or replaced. */
    public RawInputs with(String name, long value) {
        Map<String, Long> copy = new HashMap<>(values);
        copy.put(name, value);
        return new RawInputs(copy);
    }
}
