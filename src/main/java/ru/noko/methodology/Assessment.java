package ru.noko.methodology;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The computed result for one organization, unrounded (round only for display).
 *
 * @param indicators by indicator code ("1.1") in catalogue order; null when excluded by
 *                   {@link ZeroDenominatorRule#EXCLUDE}
 * @param criteria by criterion code ("K1") in catalogue order
 * @param total the plain mean of the criteria
 * @param zeroDenominatorIndicators codes of indicators where a zero denominator was met and the
 *                                  zero-denominator rule was applied, in catalogue order
 */
public record Assessment(
        Map<String, Double> indicators,
        Map<String, Double> criteria,
        double total,
        Set<String> zeroDenominatorIndicators) {

    public Assessment {
        // LinkedHashMap copies keep catalogue order and allow null (excluded) indicator values.
        indicators = Collections.unmodifiableMap(new LinkedHashMap<>(indicators));
        criteria = Collections.unmodifiableMap(new LinkedHashMap<>(criteria));
        zeroDenominatorIndicators = Collections.unmodifiableSet(new LinkedHashSet<>(zeroDenominatorIndicators));
    }

    /** Codes of indicators without a value (excluded by the zero-denominator rule). */
    public Set<String> excludedIndicators() {
        return indicators.entrySet().stream()
                .filter(entry -> entry.getValue() == null)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
