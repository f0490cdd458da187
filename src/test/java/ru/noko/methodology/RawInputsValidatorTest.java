package ru.noko.methodology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RawInputsValidatorTest {

    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    private final RawInputsValidator validator = new RawInputsValidator();

    private List<InputProblem> validate(Map<String, String> text) {
        return validator.validate(Fixtures.EDU, text);
    }

    private static Map<String, String> referenceWith(String field, String value) {
        Map<String, String> text = Fixtures.referenceText();
        text.put(field, value);
        return text;
    }

    private static List<String> fieldsAndCodes(List<InputProblem> problems) {
        return problems.stream().map(problem -> problem.field() + " " + problem.code()).toList();
    }

    @Test
    void consistentInputsHaveNoProblems() {
        assertEquals(List.of(), validate(Fixtures.referenceText()));
    }

    @Test
    void recipientsIsOptional() {
        Map<String, String> text = Fixtures.referenceText();
        text.remove("recipients");
        assertEquals(List.of(), validate(text));
        text.put("recipients", "  ");
        assertEquals(List.of(), validate(text));
    }

    static Stream<String> requiredInputs() {
        return Fixtures.SECTION_8_RAW_INPUTS.stream()
                .filter(name -> !name.equals("recipients") && !name.startsWith("answered_"));
    }

    /** Those who answered a question put to everybody: counted from answers, else all respondents. */
    @ParameterizedTest
    @ValueSource(strings = {"answered_comfort", "answered_first_contact", "answered_service_staff",
            "answered_recommend", "answered_schedule", "answered_overall"})
    void whoAnsweredAQuestionIsOptionalAndBoundedByRespondents(String name) {
        assertEquals(List.of(), validate(Fixtures.referenceText()));
        assertEquals(List.of(), validate(referenceWith(name, "199")));
        assertEquals(List.of(name + " exceeds_respondents"), fieldsAndCodes(validate(referenceWith(name, "201"))));
    }

    @Test
    void aSatisfiedCountIsBoundedByThoseWhoAnsweredItsQuestion() {
        // satisfied_comfort = 170 of respondents = 200: fine; of 150 who answered the question: too many.
        assertEquals(List.of("satisfied_comfort exceeds_denominator"),
                fieldsAndCodes(validate(referenceWith("answered_comfort", "150"))));
    }

    @ParameterizedTest
    @MethodSource("requiredInputs")
    void everyInputTheFormulasReadAndRespondentsAreRequired(String name) {
        Map<String, String> text = Fixtures.referenceText();
        text.remove(name);
        List<InputProblem> problems = validate(text);
        assertEquals(List.of(name + " required"), fieldsAndCodes(problems));
        assertEquals("Не заполнено обязательное поле " + name, problems.get(0).message());
    }

    @Test
    void blankAndNullCountAsMissing() {
        Map<String, String> text = referenceWith("used_site", "");
        text.put("used_remote", null);
        assertEquals(List.of("used_site required", "used_remote required"), fieldsAndCodes(validate(text)));
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "abc | not_a_number",
            "1 000 | not_a_number",
            "12 шт. | not_a_number",
            "12.5 | not_integer",
            "12,5 | not_integer",
            "12.0 | not_integer",
            "1e3 | not_integer",
            "-1.5 | not_integer",
            "-3 | negative",
            "99999999999999999999 | too_large",
    })
    void valuesMustBeNonNegativeIntegers(String value, String code) {
        List<InputProblem> problems = validate(referenceWith("satisfied_overall", value));
        assertEquals(List.of("satisfied_overall " + code), fieldsAndCodes(problems));
        assertFalse(problems.get(0).message().contains(value),
                "the value is the problem's own field, bounded where the problem is shown: " + problems.get(0).message());
        if (!code.equals(InputProblem.TOO_LARGE)) {
            assertTrue(problems.get(0).message().startsWith("Значение должно быть целым неотрицательным числом"),
                    problems.get(0).message());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"180", " 180 ", "+180", "0180"})
    void plainIntegersAreAccepted(String value) {
        assertEquals(List.of(), validate(referenceWith("satisfied_overall", value)));
        assertEquals(180L, validator.toRawInputs(referenceWith("satisfied_overall", value)).get("satisfied_overall"));
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @CsvSource({
            // expert ratios: present ≤ required
            "stand_items_present, 13, exceeds_denominator",
            "site_items_present, 51, exceeds_denominator",
            // survey numerators ≤ their per-question denominators
            "satisfied_stand, 81, exceeds_denominator",
            "satisfied_site, 101, exceeds_denominator",
            "satisfied_comfort, 201, exceeds_denominator",
            "satisfied_accessibility, 11, exceeds_denominator",
            "satisfied_first_contact, 201, exceeds_denominator",
            "satisfied_service_staff, 201, exceeds_denominator",
            "satisfied_remote, 51, exceeds_denominator",
            "would_recommend, 201, exceeds_denominator",
            "satisfied_schedule, 201, exceeds_denominator",
            "satisfied_overall, 201, exceeds_denominator",
            // per-question denominators ≤ all respondents
            "used_stand, 201, exceeds_respondents",
            "used_site, 201, exceeds_respondents",
            "respondents_disabled, 201, exceeds_respondents",
            "used_remote, 201, exceeds_respondents",
            // counts ≤ listed items
            "remote_channels, 7, exceeds_max_items",
            "comfort_conditions, 6, exceeds_max_items",
            "disability_premises_conditions, 6, exceeds_max_items",
            "disability_service_conditions, 7, exceeds_max_items",
            // respondents ≤ recipients
            "respondents, 401, exceeds_recipients",
    })
    void consistencyRules(String field, String value, String code) {
        List<InputProblem> problems = validate(referenceWith(field, value));
        assertEquals(List.of(field + " " + code), fieldsAndCodes(problems));
        assertTrue(problems.get(0).message().contains(field + " = " + value), problems.get(0).message());
    }

    @ParameterizedTest
    @CsvSource({"satisfied_stand, 80", "used_stand, 200", "remote_channels, 6", "respondents, 400",
            "satisfied_accessibility, 10", "disability_service_conditions, 6"})
    void boundariesAreAllowed(String field, String value) {
        assertEquals(List.of(), validate(referenceWith(field, value)));
    }

    @Test
    void satisfiedAboveUsedIsExplainedInRussian() {
        Map<String, String> text = referenceWith("used_stand", "10");
        text.put("satisfied_stand", "12");
        InputProblem problem = validate(text).get(0);
        assertEquals(new InputProblem("satisfied_stand", InputProblem.EXCEEDS_DENOMINATOR,
                "Положительных ответов (satisfied_stand = 12) больше, чем получателей в знаменателе показателя 1.3"
                        + " (used_stand = 10)"), problem);
        assertEquals("Имеющихся позиций (stand_items_present = 13) больше, чем требуемых (stand_items_required = 12),"
                        + " показатель 1.1",
                validate(referenceWith("stand_items_present", "13")).get(0).message());
        assertEquals("Получателей в знаменателе показателя 3.3 (respondents_disabled = 201) больше, чем всех"
                        + " респондентов (respondents = 200)",
                validate(referenceWith("respondents_disabled", "201")).get(0).message());
    }

    @Test
    void recipientsRuleIsSkippedWithoutRecipients() {
        Map<String, String> text = referenceWith("respondents", "401");
        text.remove("recipients");
        assertEquals(List.of(), validate(text));
    }

    @Test
    void unknownFieldsAreReported() {
        Map<String, String> text = referenceWith("satisfied_stands", "3");
        text.put("inn", "5902290360");
        List<InputProblem> problems = validate(text);
        assertEquals(List.of("inn unknown_field", "satisfied_stands unknown_field"), fieldsAndCodes(problems));
        assertTrue(problems.get(1).message().contains("edu-2019"), problems.get(1).message());
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        Map<String, String> text = Fixtures.referenceText();
        text.remove("respondents");
        text.put("used_site", "abc");
        text.put("remote_channels", "-1");
        text.put("comfort_conditions", "2.5");
        text.put("satisfied_stand", "81");
        text.put("respondents_disabled", "5");
        text.put("disability_service_conditions", "9");
        text.put("satisfied_stands", "1");

        List<InputProblem> problems = validate(text);

        assertEquals(Set.of(
                        "respondents required",
                        "used_site not_a_number",
                        "remote_channels negative",
                        "comfort_conditions not_integer",
                        "satisfied_stand exceeds_denominator",
                        "satisfied_accessibility exceeds_denominator",
                        "disability_service_conditions exceeds_max_items",
                        "satisfied_stands unknown_field"),
                Set.copyOf(fieldsAndCodes(problems)));
        assertEquals(8, problems.size());
        problems.forEach(problem -> assertTrue(CYRILLIC.matcher(problem.message()).find(), problem.message()));
    }

    @Test
    void toRawInputsConvertsAndSkipsBlanks() {
        Map<String, String> text = referenceWith("recipients", "");
        RawInputs inputs = validator.toRawInputs(text);
        assertEquals(200L, inputs.get("respondents"));
        assertEquals(Fixtures.referenceValues().size() - 1, inputs.values().size());
        assertTrue(!inputs.has("recipients"));
    }

    @Test
    void toRawInputsRefusesMalformedValuesListingAll() {
        Map<String, String> text = referenceWith("respondents", "two hundred");
        text.put("used_site", "-4");
        InvalidRawInputsException error = assertThrows(InvalidRawInputsException.class,
                () -> validator.toRawInputs(text));
        assertEquals(Set.of("respondents not_a_number", "used_site negative"),
                Set.copyOf(fieldsAndCodes(error.problems())));
    }

    @Test
    void parseValidatesThenConverts() {
        RawInputs inputs = validator.parse(Fixtures.EDU, Fixtures.referenceText());
        assertEquals(Fixtures.reference(), inputs);
        assertEquals(78.59, new RatingCalculator().calculate(Fixtures.EDU, inputs,
                CalculationSettings.defaults(Fixtures.EDU)).total(), 1e-9);

        Map<String, String> text = referenceWith("satisfied_remote", "51");
        text.put("unknown", "1");
        InvalidRawInputsException error = assertThrows(InvalidRawInputsException.class,
                () -> validator.parse(Fixtures.EDU, text));
        assertEquals(validate(text), error.problems());
        assertEquals(2, error.problems().size());
    }

    @Test
    void acceptsAnyMapImplementation() {
        Map<String, String> unordered = new HashMap<>(Fixtures.referenceText());
        Map<String, String> ordered = new LinkedHashMap<>(Fixtures.referenceText());
        assertEquals(validate(unordered), validate(ordered));
        Map<String, String> withUnknown = new HashMap<>(unordered);
        withUnknown.put("b_field", "1");
        withUnknown.put("a_field", "1");
        assertEquals(List.of("a_field", "b_field"), validate(withUnknown).stream().map(InputProblem::field)
                .collect(Collectors.toList()));
    }
}
