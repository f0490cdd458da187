package ru.noko.campaigns;

import java.util.Map;
import java.util.stream.Collectors;

/** A flat JSON object of counts; keys are canonical input names (letters, digits, underscores only). */
final class JsonObjects {

    private JsonObjects() {
    }

    static String ofCounts(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
