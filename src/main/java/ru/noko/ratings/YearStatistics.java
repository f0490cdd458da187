package ru.noko.ratings;

import java.util.List;

/**
 * Aggregates over the organizations of one type assessed in one year in a region's published
 * campaigns: plain (unweighted) mean, minimum and maximum of the total and of each criterion.
 */
public record YearStatistics(int year, String type, int campaigns, int count, Aggregate total,
                             List<Aggregate> criteria) {

    public record Aggregate(double mean, double min, double max) {
    }
}
