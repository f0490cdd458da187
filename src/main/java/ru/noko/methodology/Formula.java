package ru.noko.methodology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How an indicator turns raw inputs into points (0..100). The kinds mirror the {@code formula}
 * column of {@code indicators.csv}: {@code ratio}, {@code mean_of_ratios}, {@code capped_count}.
 */
public sealed interface Formula permits Formula.Ratio, Formula.MeanOfRatios, Formula.CappedCount {

    /** Maximum points of every indicator, criterion and total. */
    double MAX_POINTS = 100.0;

    /** The code used in the catalogue files. */
    String kind();

    /** Every raw input this formula reads in either denominator variant, without repeats. */
    List<String> inputs();

    /**
     * The raw inputs the given variant cannot do without (an optional per-question denominator is
     * replaced by its fallback).
     */
    List<String> inputs(DenominatorVariant variant);

    /** The fractions this formula divides; empty for counts. */
    List<RatioTerm> ratioTerms();

    /**
     * Computes the points. Expects every input of {@link #inputs(DenominatorVariant)} to be present
     * and non-negative ({@link RatingCalculator} checks that first).
     *
     * @throws CalculationException when a numerator exceeds its denominator
     */
    FormulaResult evaluate(RawInputs inputs, CalculationSettings settings);

    /** {@code numerator / denominator × 100}. */
    record Ratio(RatioTerm term) implements Formula {
        public static final String KIND = "ratio";

        public Ratio {
            Objects.requireNonNull(term, "term");
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public List<String> inputs() {
            return term.inputs();
        }

        @Override
        public List<String> inputs(DenominatorVariant variant) {
            return term.requiredInputs(variant);
        }

        @Override
        public List<RatioTerm> ratioTerms() {
            return List.of(term);
        }

        @Override
        public FormulaResult evaluate(RawInputs inputs, CalculationSettings settings) {
            return MeanOfRatios.meanOfShares(ratioTerms(), inputs, settings);
        }
    }

    /**
     * The mean of several fractions × 100, e.g. 1.1 = 0.5 × (stand + site) × 100. Under
     * {@link ZeroDenominatorRule#EXCLUDE} a zero-denominator fraction is left out of the mean.
     */
    record MeanOfRatios(List<RatioTerm> terms) implements Formula {
        public static final String KIND = "mean_of_ratios";

        public MeanOfRatios {
            terms = List.copyOf(terms);
            if (terms.isEmpty()) {
                throw new IllegalArgumentException("mean_of_ratios needs at least one ratio");
            }
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public List<String> inputs() {
            Set<String> names = new LinkedHashSet<>();
            terms.forEach(term -> names.addAll(term.inputs()));
            return List.copyOf(names);
        }

        @Override
        public List<String> inputs(DenominatorVariant variant) {
            Set<String> names = new LinkedHashSet<>();
            terms.forEach(term -> names.addAll(term.requiredInputs(variant)));
            return List.copyOf(names);
        }

        @Override
        public List<RatioTerm> ratioTerms() {
            return terms;
        }

        @Override
        public FormulaResult evaluate(RawInputs inputs, CalculationSettings settings) {
            return meanOfShares(terms, inputs, settings);
        }

        static FormulaResult meanOfShares(List<RatioTerm> terms, RawInputs inputs, CalculationSettings settings) {
            List<RatioTerm.Share> shares = new ArrayList<>(terms.size());
            for (RatioTerm term : terms) {
                shares.add(term.share(inputs, settings));
            }
            boolean zeroDenominator = shares.stream().anyMatch(RatioTerm.Share::zeroDenominator);
            double sum = 0;
            int counted = 0;
            for (RatioTerm.Share share : shares) {
                if (share.value() != null) {
                    sum += share.value();
                    counted++;
                }
            }
            Double points = counted == 0 ? null : sum / counted * MAX_POINTS;
            return new FormulaResult(points, zeroDenominator);
        }
    }

    /**
     * {@code min(100, pointsPerItem × count)}: e.g. 30 points per working remote channel. The
     * optional {@code maxItems} is how many items the indicator lists; the validator rejects larger
     * counts, the formula itself only caps the points.
     */
    record CappedCount(String count, double pointsPerItem, OptionalInt maxItems) implements Formula {
        public static final String KIND = "capped_count";

        public CappedCount {
            InputNames.requireMachineName(count, "count");
            if (!(pointsPerItem > 0) || Double.isInfinite(pointsPerItem)) {
                throw new IllegalArgumentException("points per item must be a positive number, got " + pointsPerItem);
            }
            Objects.requireNonNull(maxItems, "maxItems");
            if (maxItems.isPresent() && maxItems.getAsInt() < 1) {
                throw new IllegalArgumentException("max items must be at least 1, got " + maxItems.getAsInt());
            }
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public List<String> inputs() {
            return List.of(count);
        }

        @Override
        public List<String> inputs(DenominatorVariant variant) {
            return inputs();
        }

        @Override
        public List<RatioTerm> ratioTerms() {
            return List.of();
        }

        @Override
        public FormulaResult evaluate(RawInputs inputs, CalculationSettings settings) {
            return new FormulaResult(Math.min(MAX_POINTS, pointsPerItem * inputs.get(count)), false);
        }
    }
}
