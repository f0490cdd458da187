package ru.noko.catalog;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An organization's result in one published campaign revision, as {@link LatestResults} reads it; values unrounded.
 *
 * @param total              the official total (the operator's when its file gave one, else ours)
 * @param totalComputed      our recomputation, the mean of the criteria
 * @param totalCheck         {@code match}, {@code mismatch} or {@code not_given}
 * @param zeroRuleIndicators codes ("3.3") of the indicators whose value the zero-denominator rule
 *                           decided; empty when it was not used
 * @param criteria           K1..K5; null for a criterion the campaign's methodology does not have
 * @param methodologyCode    the campaign's methodology
 * @param groups             the survey indicators per respondent group; empty when the upload named none
 */
public record PublishedResult(long campaignId, String campaignTitle, int year, OffsetDateTime publishedAt,
                              List<Double> criteria, double total, double totalComputed, String totalCheck,
                              Integer placeRegion, Integer placeType, Integer placeMunicipality,
                              Integer respondents, List<String> zeroRuleIndicators,
                              List<GroupResult> groups, String methodologyCode) {
}
