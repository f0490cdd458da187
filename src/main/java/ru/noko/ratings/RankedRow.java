package ru.noko.ratings;

/** A result row with its place in the scope of a ranking (region, type group or municipality). */
public record RankedRow(int place, ResultRow result) {
}
