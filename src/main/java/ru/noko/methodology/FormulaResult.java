package ru.noko.methodology;

/**
 * An indicator's value in points (0..100, unrounded), or null when the zero-denominator rule
 * {@link ZeroDenominatorRule#EXCLUDE} excluded it, and whether any of its denominators was zero.
 */
record FormulaResult(Double points, boolean zeroDenominator) {

    public boolean excluded() {
        return points == null;
    }
}
