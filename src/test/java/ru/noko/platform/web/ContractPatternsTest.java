package ru.noko.platform.web;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ContractParameters} matches request values against the contract's {@code pattern}s. That is
 * linear only while every pattern is anchored and repeats nothing without bound; this keeps it so.
 */
class ContractPatternsTest {

    private static final Pattern UNBOUNDED = Pattern.compile("[*+]|\\{\\d++,}");

    @Test
    void everyContractPatternIsAnchoredAndBounded() throws IOException {
        Object spec;
        try (Reader reader = Files.newBufferedReader(Path.of("api-spec/openapi.yaml"))) {
            spec = new Yaml(new LoaderOptions()).load(reader);
        }
        List<String> patterns = new ArrayList<>();
        collect(spec, patterns);
        assertFalse(patterns.isEmpty());
        for (String pattern : patterns) {
            assertTrue(pattern.startsWith("^") && pattern.endsWith("$"), "anchored: " + pattern);
            String unescaped = pattern.replaceAll("\\\\.", "");
            assertFalse(UNBOUNDED.matcher(unescaped).find(), "bounded repetition only: " + pattern);
        }
    }

    private static void collect(Object node, List<String> patterns) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("pattern".equals(key) && value instanceof String pattern) {
                    patterns.add(pattern);
                } else {
                    collect(value, patterns);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, patterns));
        }
    }
}
