package ru.noko.ratings;

import java.util.List;

/**
 * One organization in one year of a comparison. When it has no published result that year only
 * the identity is set and {@code assessed} is false. {@code methodologyBreak} is true when the
 * organization's previous assessed year in the comparison had another methodology: the values of
 * the two years are not comparable.
 */
public record ComparedEntry(int year, long organizationId, String name, boolean assessed, Long campaignId,
                            String type, List<Double> criteria, Double total, Double totalComputed,
                            String totalCheck, Integer placeRegion, Integer placeType, Integer placeMunicipality,
                            List<String> zeroRuleIndicators, String methodologyCode, boolean methodologyBreak) {

    public Double criterion(int index) {
        return criteria == null ? null : criteria.get(index);
    }

    public static ComparedEntry notAssessed(int year, long organizationId, String name) {
        return new ComparedEntry(year, organizationId, name, false, null, null, null, null, null, null, null, null, null,
                null, null, false);
    }
}
