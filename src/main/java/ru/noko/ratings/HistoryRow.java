package ru.noko.ratings;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An organization's result in one published campaign, with how many organizations its places are
 * counted among and its previous cycle: the latest earlier year with a published result of the
 * same organization type (null fields for the first cycle). When the previous cycle was assessed by
 * another methodology the row marks the break and no change is computed across it.
 */
public record HistoryRow(long campaignId, String campaignTitle, int year, OffsetDateTime publishedAt, String type,
                         String oktmo, String municipality, List<Double> criteria, double total,
                         double totalComputed, String totalCheck, Integer placeRegion,
                         Integer placeType, Integer placeMunicipality, int organizationsInRegion,
                         int organizationsInType, Integer organizationsInMunicipality, Integer respondents,
                         Map<String, Double> indicators, List<String> zeroRuleIndicators, Long previousCampaignId, Integer previousYear,
                         List<Double> previousCriteria, Double previousTotal, String methodologyCode, String scale,
                         String previousMethodologyCode) {

    /** True when the previous cycle was assessed by another methodology: the values are not comparable. */
    public boolean methodologyBreak() {
        return previousMethodologyCode != null && !previousMethodologyCode.equals(methodologyCode);
    }

    public Double changeOfTotal() {
        return previousTotal == null || methodologyBreak() ? null : total - previousTotal;
    }

    public Double changeOfCriterion(int index) {
        if (previousCriteria == null || methodologyBreak()) {
            return null;
        }
        Double now = criteria.get(index);
        Double before = previousCriteria.get(index);
        return now == null || before == null ? null : now - before;
    }
}
