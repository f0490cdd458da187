package ru.noko.explorer.web;

import ru.noko.methodology.DenominatorVariant;
import ru.noko.methodology.Formula;
import ru.noko.methodology.RatioTerm;
import ru.noko.methodology.RawInputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An indicator's formula from the methodology catalogue in plain Russian, with the canonical input
 * names, and the raw inputs of one result that the formula read.
 */
final class FormulaText {

    static final String NOT_PUBLISHED = "исходные данные не опубликованы оператором";

    private FormulaText() {
    }

    /** The formula in words, its fractions dividing by the campaign's denominator variant. */
    static String formula(Formula formula, DenominatorVariant variant) {
        if (formula instanceof Formula.Ratio ratio) {
            return "доля: " + share(ratio.term(), variant) + ", × 100";
        }
        if (formula instanceof Formula.MeanOfRatios mean) {
            return "среднее долей: " + mean.terms().stream().map(t -> share(t, variant))
                    .collect(Collectors.joining("; ")) + ", × 100";
        }
        Formula.CappedCount count = (Formula.CappedCount) formula;
        return points(count.pointsPerItem()) + " баллов за каждую единицу " + count.count() + ", не более 100";
    }

    /** The raw inputs the formula read for this result, or {@link #NOT_PUBLISHED} when none are stored. */
    static String inputs(Formula formula, DenominatorVariant variant, Map<String, Long> raw) {
        if (raw.isEmpty()) {
            return NOT_PUBLISHED;
        }
        RawInputs inputs = new RawInputs(raw);
        List<String> names = new ArrayList<>();
        if (formula instanceof Formula.CappedCount count) {
            names.add(count.count());
        }
        for (RatioTerm term : formula.ratioTerms()) {
            add(names, term.numerator());
            add(names, term.denominator(variant, inputs));
        }
        return names.stream().map(n -> n + " = " + (raw.containsKey(n) ? String.valueOf(raw.get(n)) : "не указано"))
                .collect(Collectors.joining(", "));
    }

    private static String share(RatioTerm term, DenominatorVariant variant) {
        String denominator = term.denominator(variant);
        return term.numerator() + " из " + denominator
                + (term.optionalDenominator() != null && term.optionalDenominator().equals(denominator)
                ? " (если не указано — из " + term.fallbackDenominator() + ")" : "");
    }

    private static String points(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : Format.score(value);
    }

    private static void add(List<String> names, String name) {
        if (!names.contains(name)) {
            names.add(name);
        }
    }
}
