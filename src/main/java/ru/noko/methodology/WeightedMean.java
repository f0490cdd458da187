package ru.noko.methodology;

/** Weighted mean over the values actually added, i.e. with the weights renormalised. */
final class WeightedMean {

    private double weightedSum;
    private double weightSum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    void add(double weight, double value) {
        weightedSum += weight * value;
        weightSum += weight;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    boolean isEmpty() {
        return weightSum == 0;
    }

    double value() {
        if (isEmpty()) {
            throw new IllegalStateException("no values");
        }
        double mean = weightedSum / weightSum;
        // A weighted mean lies between its smallest and largest value; clamping removes rounding
        // noise such as 0.3×100 + 0.3×100 + 0.4×100 = 100.00000000000001.
        return Math.min(max, Math.max(min, mean));
    }
}
