package ru.noko.methodology;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Criterion and indicator names have one home, the methodology catalogue (data-seeds/methodology):
 * a name typed into a Java string drifts from it unnoticed (the open-data results structure once
 * named K2 «Комфортность условий осуществления…» while the catalogue says «Комфортность условий, в
 * которых осуществляется…»). So no string literal of the service may hold the opening words of a
 * catalogue name, however it goes on.
 */
class CatalogueNamesInCodeTest {

    private static final Path SOURCES = Path.of("src", "main", "java");

    @Test
    void noStringLiteralOfTheServiceHoldsACriterionOrIndicatorName() {
        Set<String> marks = marks(MethodologyCatalogue.fromClasspath());
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles()) {
            for (String literal : JavaLiterals.of(read(file))) {
                String text = " " + normalised(literal) + " ";
                for (String mark : marks) {
                    if (text.contains(" " + mark + " ")) {
                        found.add(SOURCES.relativize(file) + ": «" + mark + "» in \"" + literal + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), found, "take names from MethodologyCatalogue instead");
    }

    @Test
    void theScanSeesANameWrittenDifferentlyFromTheCatalogue() {
        Set<String> marks = marks(MethodologyCatalogue.fromClasspath());
        String literal = JavaLiterals.of("String s = \"К2 Комфортность условий осуществления деятельности\"; // \"Открытость\"").get(0);
        assertTrue(marks.contains("комфортность"), marks.toString());
        assertTrue((" " + normalised(literal) + " ").contains(" комфортность "), literal);
        assertEquals(List.of(), JavaLiterals.of("int x = 1; // \"Открытость\" in a comment is no literal"));
        assertEquals(List.of("a \"b\"", "text\nblock"), JavaLiterals.of("f(\"a \\\"b\\\"\", '\"', \"\"\"\ntext\nblock\"\"\")"));
    }

    /**
     * What betrays a name: a criterion's first word (its names are distinct from their first word:
     * «Открытость…», "Openness…"), an indicator's first three words («Доля получателей
     * образовательных…»), in both languages.
     */
    private static Set<String> marks(MethodologyCatalogue catalogue) {
        Set<String> marks = new LinkedHashSet<>();
        for (Methodology methodology : catalogue.methodologies()) {
            for (Criterion criterion : methodology.criteria()) {
                marks.add(firstWords(criterion.nameRu(), 1));
                marks.add(firstWords(criterion.nameEn(), 1));
                for (Indicator indicator : criterion.indicators()) {
                    marks.add(firstWords(indicator.nameRu(), 3));
                    marks.add(firstWords(indicator.nameEn(), 3));
                }
            }
        }
        return marks;
    }

    private static String firstWords(String name, int count) {
        String[] words = normalised(name).split(" ");
        return String.join(" ", List.of(words).subList(0, Math.min(count, words.length)));
    }

    /** Lower case, ё as е, every run of characters other than letters, digits and _ as one space. */
    private static String normalised(String text) {
        return text.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[^\\p{L}\\p{N}_]+", " ").strip();
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> java = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
            assertTrue(java.size() > 100, "the service's sources are read from " + SOURCES.toAbsolutePath());
            return java;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The string literals and text blocks of Java source, without comments and char literals. */
    static final class JavaLiterals {

        private JavaLiterals() {
        }

        static List<String> of(String source) {
            List<String> literals = new ArrayList<>();
            int i = 0;
            while (i < source.length()) {
                char c = source.charAt(i);
                if (source.startsWith("//", i)) {
                    i = end(source.indexOf('\n', i), source);
                } else if (source.startsWith("/*", i)) {
                    i = end(source.indexOf("*/", i + 2), source) + 2;
                } else if (source.startsWith("\"\"\"", i)) {
                    int start = source.indexOf('\n', i) + 1;
                    int close = source.indexOf("\"\"\"", start);
                    literals.add(source.substring(start, close));
                    i = close + 3;
                } else if (c == '"' || c == '\'') {
                    StringBuilder literal = new StringBuilder();
                    i++;
                    while (source.charAt(i) != c) {
                        char next = source.charAt(i++);
                        if (next == '\\') {
                            next = source.charAt(i++);
                            next = next == 'n' || next == 't' || next == 'r' ? ' ' : next;
                        }
                        literal.append(next);
                    }
                    i++;
                    if (c == '"') {
                        literals.add(literal.toString());
                    }
                } else {
                    i++;
                }
            }
            return literals;
        }

        private static int end(int index, String source) {
            return index < 0 ? source.length() : index;
        }
    }
}
