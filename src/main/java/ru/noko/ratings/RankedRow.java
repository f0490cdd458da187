package ru.noko.ratings;

import ru.noko.campaigns.results.ResultRow;

/** A result row with its place in the scope of a ranking (region, type group or municipality). */
public record RankedRow(int place, ResultRow result) {
}
