package ru.noko.methodology;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared test data. Expected values in tests are computed by hand from METHODOLOGY.md, not by the code. */
final class Fixtures {

    static final Methodology EDU = MethodologyCatalogue.fromClasspath().find("edu-2019").orElseThrow();

    static final CalculationSettings PER_QUESTION_EXCLUDE =
            new CalculationSettings(DenominatorVariant.PER_QUESTION, ZeroDenominatorRule.EXCLUDE);

    /**
     * METHODOLOGY.md §8, raw inputs: expert checklist, then survey counts, in the order written there,
     * each satisfied count after the count of those who answered its question (optional, §8: a
     * per-question indicator divides by those who answered the question).
     */
    static final List<String> SECTION_8_RAW_INPUTS = List.of(
            "stand_items_present", "stand_items_required", "site_items_present", "site_items_required",
            "remote_channels", "comfort_conditions", "disability_premises_conditions", "disability_service_conditions",
            "recipients", "respondents", "used_stand", "satisfied_stand", "used_site", "satisfied_site",
            "answered_comfort", "satisfied_comfort", "respondents_disabled", "satisfied_accessibility",
            "answered_first_contact", "satisfied_first_contact", "answered_service_staff", "satisfied_service_staff",
            "used_remote", "satisfied_remote", "answered_recommend", "would_recommend",
            "answered_schedule", "satisfied_schedule", "answered_overall", "satisfied_overall");

    private Fixtures() {
    }

    /**
     * A consistent organization with distinct, hand-checkable shares. Hand-computed results:
     * <pre>
     * 1.1 = 0.5 × (9/12 + 40/50) × 100 = 0.5 × (0.75 + 0.8) × 100 = 77.5
     * 1.2 = 30 × 2 = 60                      2.1 = 20 × 4 = 80
     * 1.3 per question = 0.5 × (60/80 + 90/100) × 100 = 82.5;  all respondents = 0.5 × (60 + 90)/200 × 100 = 37.5
     * 2.3 = 170/200 = 85        3.1 = 20 × 2 = 40        3.2 = 20 × 3 = 60
     * 3.3 = 7/10 = 70 in both variants (the 2018 text divides it by respondents with a disability, Чинв)
     * 4.1 = 190/200 = 95        4.2 = 184/200 = 92
     * 4.3 per question = 45/50 = 90;  all respondents = 45/200 = 22.5
     * 5.1 = 176/200 = 88        5.2 = 150/200 = 75        5.3 = 180/200 = 90
     * per question:    K1 = 0.3×77.5 + 0.3×60 + 0.4×82.5 = 74.25, K2 = 82.5, K3 = 0.3×40 + 0.4×60 + 0.3×70 = 57,
     *                  K4 = 0.4×95 + 0.4×92 + 0.2×90 = 92.8, K5 = 0.3×88 + 0.2×75 + 0.5×90 = 86.4, S = 392.95/5 = 78.59
     * all respondents: K1 = 56.25, K2 = 82.5, K3 = 57, K4 = 79.3, K5 = 86.4, S = 361.45/5 = 72.29
     * </pre>
     */
    static Map<String, Long> referenceValues() {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("stand_items_present", 9L);
        values.put("stand_items_required", 12L);
        values.put("site_items_present", 40L);
        values.put("site_items_required", 50L);
        values.put("remote_channels", 2L);
        values.put("comfort_conditions", 4L);
        values.put("disability_premises_conditions", 2L);
        values.put("disability_service_conditions", 3L);
        values.put("recipients", 400L);
        values.put("respondents", 200L);
        values.put("used_stand", 80L);
        values.put("satisfied_stand", 60L);
        values.put("used_site", 100L);
        values.put("satisfied_site", 90L);
        values.put("satisfied_comfort", 170L);
        values.put("respondents_disabled", 10L);
        values.put("satisfied_accessibility", 7L);
        values.put("satisfied_first_contact", 190L);
        values.put("satisfied_service_staff", 184L);
        values.put("used_remote", 50L);
        values.put("satisfied_remote", 45L);
        values.put("would_recommend", 176L);
        values.put("satisfied_schedule", 150L);
        values.put("satisfied_overall", 180L);
        return values;
    }

    static RawInputs reference() {
        return new RawInputs(referenceValues());
    }

    static Map<String, String> referenceText() {
        Map<String, String> text = new LinkedHashMap<>();
        referenceValues().forEach((name, value) -> text.put(name, Long.toString(value)));
        return text;
    }

    static String seedText(String fileName) {
        try (InputStream stream = Fixtures.class.getClassLoader()
                .getResourceAsStream("seeds/methodology/" + fileName)) {
            if (stream == null) {
                throw new IllegalStateException("seed file not on the classpath: " + fileName);
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MethodologyCatalogue catalogue(String methodologies, String criteria, String indicators) {
        return MethodologyCatalogue.fromReaders(
                new StringReader(methodologies), new StringReader(criteria), new StringReader(indicators));
    }

    /** The shipped catalogue with one replacement applied to one of its files. */
    static MethodologyCatalogue seedCatalogueWith(String fileName, String target, String replacement) {
        String methodologies = seedText(CatalogueReader.METHODOLOGIES_FILE);
        String criteria = seedText(CatalogueReader.CRITERIA_FILE);
        String indicators = seedText(CatalogueReader.INDICATORS_FILE);
        switch (fileName) {
            case CatalogueReader.METHODOLOGIES_FILE -> methodologies = replaceOnce(methodologies, target, replacement);
            case CatalogueReader.CRITERIA_FILE -> criteria = replaceOnce(criteria, target, replacement);
            case CatalogueReader.INDICATORS_FILE -> indicators = replaceOnce(indicators, target, replacement);
            default -> throw new IllegalArgumentException(fileName);
        }
        return catalogue(methodologies, criteria, indicators);
    }

    private static String replaceOnce(String text, String target, String replacement) {
        int at = text.indexOf(target);
        if (at < 0) {
            throw new IllegalArgumentException("test setup: '" + target + "' not found");
        }
        return text.substring(0, at) + replacement + text.substring(at + target.length());
    }
}
