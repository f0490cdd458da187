package ru.noko.methodology;


import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks raw inputs as text, the way they arrive from JSON or CSV (a flat map of canonical names to
 * strings), and reports every problem found, not just the first.
 *
 * <p>Rules, all derived from the methodology's formulas:
 * <ul>
 *   <li>every input a formula reads (in either variant) and {@code respondents} are required;
 *       {@code recipients} and the per-question denominators with a fallback (those who answered a
 *       question put to everybody) are optional; a blank or null value counts as absent;</li>
 *   <li>a value is a non-negative integer in decimal digits (an optional leading {@code +} and
 *       surrounding spaces are accepted; {@code 12.0}, {@code 1 000}, {@code 1e3} are not);</li>
 *   <li>every ratio's numerator ≤ its per-question denominator, or its fallback when that is not
 *       given (stand items present ≤ required, satisfied_stand ≤ used_stand, satisfied_accessibility ≤
 *       respondents_disabled, satisfied_comfort ≤ answered_comfort or respondents, ...);</li>
 *   <li>every per-question denominator ≤ its all-respondents denominator, its fallback and, for
 *       survey indicators, {@code respondents} (used_stand ≤ respondents, respondents_disabled ≤
 *       respondents, answered_comfort ≤ respondents, ...);</li>
 *   <li>a capped count ≤ the number of items its indicator lists (remote_channels ≤ 6, ...);</li>
 *   <li>respondents ≤ recipients when recipients is given;</li>
 *   <li>names the methodology does not know are reported.</li>
 * </ul>
 * Consistency rules are checked only between values that parsed. Stateless and thread-safe.
 *
 * <p>Use: {@link #validate} to report; {@link #toRawInputs} to convert once valid; or
 * {@link #parse}, which does both and throws {@link InvalidRawInputsException} with all problems.
 */
public final class RawInputsValidator {

    // Possessive quantifiers, no nested repetition: linear in the length of whatever text arrives.
    private static final Pattern NON_NEGATIVE_INTEGER = Pattern.compile("\\+?+[0-9]++");
    private static final Pattern NEGATIVE_INTEGER = Pattern.compile("-[0-9]++");
    private static final Pattern DECIMAL_NUMBER =
            Pattern.compile("[-+]?+(?:[0-9]++(?:[.,][0-9]*+)?+|[.,][0-9]++)(?:[eE][-+]?+[0-9]++)?+");
    private static final String EXPECTED = "Значение должно быть целым неотрицательным числом";

    /** Raw inputs read from text: the values when there are no problems, else every problem. */
    public record Reading(RawInputs inputs, List<InputProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public List<InputProblem> validate(Methodology methodology, Map<String, String> rawTextValues) {
        return read(methodology, rawTextValues).problems();
    }

    /** {@link #validate} and the conversion of {@link #toRawInputs} in one pass over the values. */
    public Reading read(Methodology methodology, Map<String, String> rawTextValues) {
        Objects.requireNonNull(methodology, "methodology");
        Objects.requireNonNull(rawTextValues, "rawTextValues");
        InputPlan plan = InputPlan.of(methodology);
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Long> values = new HashMap<>();
        for (String name : plan.names()) {
            String text = rawTextValues.get(name);
            if (isBlank(text)) {
                if (!plan.optional().contains(name)) {
                    problems.add(new InputProblem(name, InputProblem.REQUIRED,
                            "Не заполнено обязательное поле " + name));
                }
                continue;
            }
            Parsed parsed = parseValue(name, text);
            if (parsed.problem() != null) {
                problems.add(parsed.problem());
            } else {
                values.put(name, parsed.value());
            }
        }
        List<String> unknown = null;
        for (String name : rawTextValues.keySet()) {
            if (name != null && !plan.known().contains(name)) {
                unknown = unknown == null ? new ArrayList<>() : unknown;
                unknown.add(name);
            }
        }
        if (unknown != null) {
            for (String name : new TreeSet<>(unknown)) {
                problems.add(new InputProblem(name, InputProblem.UNKNOWN_FIELD,
                        "Методика " + methodology.code() + " не использует это поле"));
            }
        }
        problems.addAll(consistencyProblems(methodology, values));
        return problems.isEmpty() ? new Reading(new RawInputs(values), List.of()) : new Reading(null, List.copyOf(problems));
    }

    /**
     * Converts text values to numbers; blank values are left out. Meant for maps that passed
     * {@link #validate}; it re-checks only the number syntax.
     *
     * @throws InvalidRawInputsException when a value is not a non-negative integer
     */
    public RawInputs toRawInputs(Map<String, String> rawTextValues) {
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Long> values = new HashMap<>();
        for (Map.Entry<String, String> entry : rawTextValues.entrySet()) {
            if (entry.getKey() == null || isBlank(entry.getValue())) {
                continue;
            }
            Parsed parsed = parseValue(entry.getKey(), entry.getValue());
            if (parsed.problem() != null) {
                problems.add(parsed.problem());
            } else {
                values.put(entry.getKey(), parsed.value());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRawInputsException(problems);
        }
        return new RawInputs(values);
    }

    /**
     * {@link #validate} then {@link #toRawInputs}.
     *
     * @throws InvalidRawInputsException with every problem when validation fails
     */
    public RawInputs parse(Methodology methodology, Map<String, String> rawTextValues) {
        Reading reading = read(methodology, rawTextValues);
        if (!reading.valid()) {
            throw new InvalidRawInputsException(reading.problems());
        }
        return reading.inputs();
    }

    private static Parsed parseValue(String name, String text) {
        String value = text.trim();
        if (NON_NEGATIVE_INTEGER.matcher(value).matches()) {
            try {
                return new Parsed(Long.parseLong(value), null);
            } catch (NumberFormatException tooManyDigits) {
                return Parsed.problem(name, InputProblem.TOO_LARGE, "Значение слишком велико");
            }
        }
        if (NEGATIVE_INTEGER.matcher(value).matches()) {
            return Parsed.problem(name, InputProblem.NEGATIVE, EXPECTED + ", а это значение отрицательное");
        }
        if (DECIMAL_NUMBER.matcher(value).matches()) {
            return Parsed.problem(name, InputProblem.NOT_INTEGER,
                    EXPECTED + ", а это значение не целое");
        }
        return Parsed.problem(name, InputProblem.NOT_A_NUMBER, EXPECTED + ", а это значение не число");
    }

    private static List<InputProblem> consistencyProblems(Methodology methodology, Map<String, Long> values) {
        List<InputProblem> problems = new ArrayList<>();
        Set<String> checkedPairs = new HashSet<>();
        for (Indicator indicator : methodology.indicators()) {
            for (RatioTerm term : indicator.formula().ratioTerms()) {
                String numerator = term.numerator();
                String denominator = term.fallbackDenominator() != null && !values.containsKey(term.perQuestionDenominator())
                        ? term.fallbackDenominator() : term.perQuestionDenominator();
                if (exceeds(values, numerator, denominator) && checkedPairs.add(numerator + ">" + denominator)) {
                    problems.add(new InputProblem(numerator, InputProblem.EXCEEDS_DENOMINATOR,
                            numeratorMessage(indicator, numerator, values.get(numerator), denominator,
                                    values.get(denominator))));
                }
                // Who was asked or answered is a part of the respondents: of every questionnaire, and
                // of the all-respondents denominator the other reading divides by.
                List<String> wholes = new ArrayList<>(List.of(term.allRespondentsDenominator()));
                if (term.fallbackDenominator() != null) {
                    wholes.add(term.fallbackDenominator());
                }
                if (indicator.source() == IndicatorSource.SURVEY) {
                    wholes.add(Methodology.RESPONDENTS);
                }
                for (String whole : wholes) {
                    if (!whole.equals(denominator) && exceeds(values, denominator, whole)
                            && checkedPairs.add(denominator + ">" + whole)) {
                        problems.add(new InputProblem(denominator, InputProblem.EXCEEDS_RESPONDENTS,
                                "Получателей в знаменателе показателя " + indicator.code() + " (" + denominator + " = "
                                        + values.get(denominator) + ") больше, чем всех респондентов ("
                                        + whole + " = " + values.get(whole) + ")"));
                    }
                }
            }
            if (indicator.formula() instanceof Formula.CappedCount count && count.maxItems().isPresent()) {
                Long value = values.get(count.count());
                int maxItems = count.maxItems().getAsInt();
                if (value != null && value > maxItems && checkedPairs.add(count.count() + ">" + maxItems)) {
                    problems.add(new InputProblem(count.count(), InputProblem.EXCEEDS_MAX_ITEMS,
                            "Указано больше позиций (" + count.count() + " = " + value + "), чем предусматривает"
                                    + " показатель " + indicator.code() + " (не более " + maxItems + ")"));
                }
            }
        }
        if (exceeds(values, Methodology.RESPONDENTS, Methodology.RECIPIENTS)) {
            problems.add(new InputProblem(Methodology.RESPONDENTS, InputProblem.EXCEEDS_RECIPIENTS,
                    "Респондентов (respondents = " + values.get(Methodology.RESPONDENTS)
                            + ") больше, чем получателей услуг (recipients = "
                            + values.get(Methodology.RECIPIENTS) + ")"));
        }
        return problems;
    }

    private static String numeratorMessage(Indicator indicator, String numerator, long numeratorValue,
                                           String denominator, long denominatorValue) {
        String numeratorPart = numerator + " = " + numeratorValue;
        String denominatorPart = denominator + " = " + denominatorValue;
        if (indicator.source() == IndicatorSource.EXPERT) {
            return "Имеющихся позиций (" + numeratorPart + ") больше, чем требуемых (" + denominatorPart
                    + "), показатель " + indicator.code();
        }
        return "Положительных ответов (" + numeratorPart + ") больше, чем получателей в знаменателе показателя "
                + indicator.code() + " (" + denominatorPart + ")";
    }

    private static boolean exceeds(Map<String, Long> values, String larger, String smaller) {
        Long candidate = values.get(larger);
        Long limit = values.get(smaller);
        return candidate != null && limit != null && candidate > limit;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private record Parsed(Long value, InputProblem problem) {
        static Parsed problem(String field, String code, String message) {
            return new Parsed(null, new InputProblem(field, code, message));
        }
    }
}
