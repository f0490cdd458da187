package ru.noko.methodology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Computes indicators, criteria and the total of one organization from its raw inputs.
 * <ul>
 *   <li>indicator: its formula (see {@link Formula}), 0..100 points;</li>
 *   <li>criterion: the weighted mean of its indicators; indicators excluded by
 *       {@link ZeroDenominatorRule#EXCLUDE} are left out and the remaining weights renormalised;</li>
 *   <li>total: the plain mean of the criteria.</li>
 * </ul>
 * Nothing is rounded. Stateless and thread-safe.
 */
public final class RatingCalculator {

    /**
     * @throws CalculationException when an input the formulas read under the chosen variant is
     *         missing or negative, when a numerator exceeds its denominator, or when rule
     *         {@code exclude} leaves a criterion without any indicator
     */
    public Assessment calculate(Methodology methodology, RawInputs inputs, CalculationSettings settings) {
        Objects.requireNonNull(methodology, "methodology");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(settings, "settings");
        requireUsableInputs(methodology, inputs, settings.variant());

        Map<String, Double> indicatorPoints = new LinkedHashMap<>();
        Map<String, Double> criterionPoints = new LinkedHashMap<>();
        Set<String> zeroDenominatorIndicators = new LinkedHashSet<>();
        List<String> emptyCriteria = new ArrayList<>();
        for (Criterion criterion : methodology.criteria()) {
            WeightedMean mean = new WeightedMean();
            for (Indicator indicator : criterion.indicators()) {
                FormulaResult result = indicator.formula().evaluate(inputs, settings);
                indicatorPoints.put(indicator.code(), result.points());
                if (result.zeroDenominator()) {
                    zeroDenominatorIndicators.add(indicator.code());
                }
                if (!result.excluded()) {
                    mean.add(indicator.weight(), result.points());
                }
            }
            if (mean.isEmpty()) {
                emptyCriteria.add(criterion.code());
            } else {
                criterionPoints.put(criterion.code(), mean.value());
            }
        }
        if (!emptyCriteria.isEmpty()) {
            throw fullyExcluded(emptyCriteria);
        }
        double total = TotalCheck.meanOfCriteria(
                criterionPoints.values().stream().mapToDouble(Double::doubleValue).toArray());
        return new Assessment(indicatorPoints, criterionPoints, total, zeroDenominatorIndicators);
    }

    private static CalculationException fullyExcluded(List<String> criteria) {
        String subject = criteria.size() == 1
                ? "Критерий " + criteria.get(0) + " нельзя рассчитать: у всех его показателей"
                : "Критерии " + String.join(", ", criteria) + " нельзя рассчитать: у всех их показателей";
        return new CalculationException(CalculationException.CRITERION_FULLY_EXCLUDED, subject
                + " нулевой знаменатель, а правило «" + ZeroDenominatorRule.EXCLUDE.code()
                + "» исключает такие показатели. Проверьте данные опроса или выберите правило «"
                + ZeroDenominatorRule.ZERO.code() + "» или «" + ZeroDenominatorRule.FULL_SCORE.code() + "»");
    }

    private static void requireUsableInputs(Methodology methodology, RawInputs inputs, DenominatorVariant variant) {
        List<String> missing = new ArrayList<>();
        List<String> negative = new ArrayList<>();
        for (String name : InputPlan.of(methodology).needed().get(variant)) {
            if (!inputs.has(name)) {
                missing.add(name);
            } else if (inputs.get(name) < 0) {
                negative.add(name + " = " + inputs.get(name));
            }
        }
        if (!missing.isEmpty()) {
            throw new CalculationException(CalculationException.MISSING_INPUT,
                    "Не хватает исходных данных: " + String.join(", ", missing));
        }
        if (!negative.isEmpty()) {
            throw new CalculationException(CalculationException.NEGATIVE_INPUT,
                    "Отрицательные исходные данные: " + String.join(", ", negative));
        }
    }
}
