package ru.noko.catalog.web;

import jakarta.inject.Singleton;
import ru.noko.api.model.CalculationResult;
import ru.noko.api.model.CodeValue;
import ru.noko.api.model.DenominatorVariant;
import ru.noko.api.model.ProblemItem;
import ru.noko.api.model.ZeroRule;
import ru.noko.methodology.Assessment;
import ru.noko.methodology.CalculationSettings;
import ru.noko.methodology.Criterion;
import ru.noko.methodology.Indicator;
import ru.noko.methodology.InputProblem;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.methodology.RatingCalculator;
import ru.noko.methodology.RawInputs;
import ru.noko.methodology.RawInputsValidator;
import ru.noko.methodology.Score;
import ru.noko.methodology.SurveySample;
import ru.noko.platform.web.ApiProblemException;
import ru.noko.platform.web.FieldProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The calculator: a flat JSON object of raw inputs in, the assessment out; nothing is stored. */
@Singleton
class CalculatorRequests {

    private static final String METHODOLOGY = "methodology";
    private static final String VARIANT = "variant";
    private static final String ZERO_RULE = "zero_rule";
    private static final String EXPECTED = "Значение должно быть целым неотрицательным числом";
    /** More integer digits than any count has (a long has 19). */
    private static final int MAX_INTEGER_DIGITS = 19;
    private static final int MAX_FRACTION_DIGITS = 30;

    private final MethodologyCatalogue catalogue;
    private final RawInputsValidator validator = new RawInputsValidator();
    private final RatingCalculator calculator = new RatingCalculator();

    CalculatorRequests(MethodologyCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    CalculationResult calculate(Map<String, Object> body) {
        List<FieldProblem> problems = new ArrayList<>();
        Methodology methodology = methodology(body.get(METHODOLOGY), problems);
        CalculationSettings defaults = methodology == null ? null : CalculationSettings.defaults(methodology);
        var variant = option(body, VARIANT, ru.noko.methodology.DenominatorVariant::fromCode,
                defaults == null ? null : defaults.variant(), problems, "per_question, all_respondents");
        var zeroRule = option(body, ZERO_RULE, ru.noko.methodology.ZeroDenominatorRule::fromCode,
                defaults == null ? null : defaults.zeroRule(), problems, "zero, full_score, exclude");
        if (methodology == null) {
            throw ApiProblemException.invalid("The calculator input is invalid", problems);
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        Map<String, FieldProblem> unreadable = new LinkedHashMap<>();
        body.forEach((name, value) -> {
            if (!List.of(METHODOLOGY, VARIANT, ZERO_RULE).contains(name)) {
                FieldProblem problem = unreadableNumber(name, value);
                if (problem == null) {
                    inputs.put(name, text(value));
                } else {
                    unreadable.put(name, problem);
                    inputs.put(name, ""); // absent for the validator, which still reports an unknown name
                }
            }
        });
        RawInputsValidator.Reading reading = validator.read(methodology, inputs);
        for (InputProblem problem : reading.problems()) {
            if (!(unreadable.containsKey(problem.field()) && InputProblem.REQUIRED.equals(problem.code()))) {
                problems.add(FieldProblem.ofField(problem.field(), inputs.get(problem.field()), problem.code(), problem.message()));
            }
        }
        problems.addAll(unreadable.values());
        if (!problems.isEmpty()) {
            throw ApiProblemException.invalid("The calculator input has " + problems.size() + " problem(s)", problems);
        }
        RawInputs raw = reading.inputs();
        CalculationSettings settings = new CalculationSettings(variant, zeroRule);
        return result(methodology, settings, calculator.calculate(methodology, raw, settings), raw);
    }

    private Methodology methodology(Object value, List<FieldProblem> problems) {
        if (value == null) {
            return catalogue.defaultMethodology();
        }
        Methodology found = catalogue.find(String.valueOf(value)).orElse(null);
        if (found == null) {
            problems.add(FieldProblem.ofField(METHODOLOGY, String.valueOf(value), "unknown_methodology",
                    "Неизвестная методика; доступны: " + catalogue.methodologies().stream().map(Methodology::code).toList()));
        } else if (!found.computable()) {
            problems.add(FieldProblem.ofField(METHODOLOGY, found.code(), "no_formulas",
                    "Методика " + found.code() + " известна только по опубликованным результатам: формул расчета по"
                            + " исходным данным для нее нет; доступны: " + catalogue.methodologies().stream()
                            .filter(Methodology::computable).map(Methodology::code).toList()));
            return null;
        }
        return found;
    }

    private static <T> T option(Map<String, Object> body, String field, java.util.function.Function<String, java.util.Optional<T>> parse,
                                T fallback, List<FieldProblem> problems, String allowed) {
        Object value = body.get(field);
        if (value == null) {
            return fallback;
        }
        return parse.apply(String.valueOf(value)).orElseGet(() -> {
            problems.add(FieldProblem.ofField(field, String.valueOf(value), "invalid_option", "Допустимые значения: " + allowed));
            return fallback;
        });
    }

    /**
     * A JSON number no count can be, told apart before it is spelled out: infinite or NaN (the
     * parser turns {@code 1e999999} into infinity) or with more than {@value #MAX_INTEGER_DIGITS}
     * integer digits ({@code 1E+999999} as a decimal would spell a million digits). Null for others;
     * integers arrive with at most 1000 digits (the parser's limit) and are reported by the validator.
     */
    private static FieldProblem unreadableNumber(String name, Object value) {
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number)) {
                return FieldProblem.ofField(name, "NaN", InputProblem.NOT_A_NUMBER, EXPECTED + ", а NaN — не число");
            }
            if (Double.isInfinite(number)) {
                return outOfRange(name, number < 0, number < 0 ? "-1e309 и меньше" : "1e309 и больше");
            }
            if (Math.abs(number) >= 1e19) {
                return outOfRange(name, number < 0, String.valueOf(number));
            }
        } else if (value instanceof BigDecimal decimal && decimal.signum() != 0
                && (long) decimal.precision() - decimal.scale() > MAX_INTEGER_DIGITS) {
            return outOfRange(name, decimal.signum() < 0, decimal.round(java.math.MathContext.DECIMAL32).toString());
        }
        return null;
    }

    private static FieldProblem outOfRange(String name, boolean negative, String value) {
        return negative
                ? FieldProblem.ofField(name, value, InputProblem.NEGATIVE, EXPECTED + ", а " + value + " — отрицательное")
                : FieldProblem.ofField(name, value, InputProblem.TOO_LARGE, "Значение «" + value + "» слишком велико");
    }

    /**
     * JSON numbers arrive as Integer/Long/BigInteger/Double/BigDecimal; whole ones become "12",
     * others keep their fraction (in scientific notation when it is very long, e.g. "1E-400").
     */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            return value.toString();
        }
        if (value instanceof Number number) {
            BigDecimal decimal = (number instanceof BigDecimal exact ? exact : new BigDecimal(number.toString()))
                    .stripTrailingZeros();
            if (decimal.scale() <= 0) {
                return decimal.toBigInteger().toString();
            }
            return decimal.scale() <= MAX_FRACTION_DIGITS ? decimal.toPlainString() : decimal.toString();
        }
        return String.valueOf(value);
    }

    private static CalculationResult result(Methodology methodology, CalculationSettings settings, Assessment assessment, RawInputs raw) {
        List<CodeValue> criteria = new ArrayList<>();
        List<CodeValue> indicators = new ArrayList<>();
        for (Criterion criterion : methodology.criteria()) {
            criteria.add(value(criterion.code(), criterion.nameRu(), assessment.criteria().get(criterion.code()), false));
            for (Indicator indicator : criterion.indicators()) {
                indicators.add(value(indicator.code(), indicator.nameRu(), assessment.indicators().get(indicator.code()),
                        assessment.zeroDenominatorIndicators().contains(indicator.code())));
            }
        }
        CalculationResult result = new CalculationResult(methodology.code(),
                DenominatorVariant.fromValue(settings.variant().code()), ZeroRule.fromValue(settings.zeroRule().code()),
                assessment.total(), criteria, indicators, warnings(raw));
        result.setTotalRounded(Score.roundedOrNull(assessment.total()));
        return result;
    }

    private static CodeValue value(String code, String name, Double value, boolean zeroRuleApplied) {
        CodeValue model = new CodeValue(code);
        model.setValue(value);
        model.setNameRu(name);
        model.setRounded(Score.roundedOrNull(value));
        model.setZeroRuleApplied(zeroRuleApplied);
        return model;
    }

    private static List<ProblemItem> warnings(RawInputs raw) {
        return SurveySample.check(raw).stream().map(w -> {
            ProblemItem item = new ProblemItem(w.message());
            item.setField(w.field());
            item.setCode(w.code());
            return item;
        }).toList();
    }
}
