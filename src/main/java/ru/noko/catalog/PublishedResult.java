package ru.noko.catalog;

import java.time.OffsetDateTime;
import java.util.List;

/** An organization's result in one published campaign revision, as {@link LatestResults} reads it; values unrounded. */
public record PublishedResult(long campaignId, String campaignTitle, int year, OffsetDateTime publishedAt,
                              List<Double> criteria, double total, Integer placeRegion, Integer placeType,
                              Integer placeMunicipality, Integer respondents) {
}
