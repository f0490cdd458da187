package ru.noko.ratings;

import java.util.List;

/**
 * Aggregates over the organizations of one type assessed in one year by one methodology in a
 * region's published campaigns: plain (unweighted) mean, minimum and maximum of the total and of
 * each criterion (null for a criterion the methodology does not have). Results of different
 * methodologies, and so of different scales, are never aggregated together.
 */
public record YearStatistics(int year, String type, int campaigns, int count, Aggregate total,
                             List<Aggregate> criteria, String methodologyCode, String scale) {

    public Double criterionMean(int index) {
        return criteria.get(index) == null ? null : criteria.get(index).mean();
    }

    public Double criterionMin(int index) {
        return criteria.get(index) == null ? null : criteria.get(index).min();
    }

    public Double criterionMax(int index) {
        return criteria.get(index) == null ? null : criteria.get(index).max();
    }

    public record Aggregate(double mean, double min, double max) {
    }
}
