package ru.noko.ratings;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An organization's result in one published campaign, with how many organizations its places are
 * counted among and its previous cycle: the latest earlier year with a published result of the
 * same organization type (null fields for the first cycle). When the previous cycle was assessed by
 * another methodology the row marks the break and no change is computed across it. Across
 * reorganisations a history also holds its predecessors' results, each with the organization it
 * belongs to and its {@link Lineage}.
 */
public record HistoryRow(long campaignId, String campaignTitle, int year, OffsetDateTime publishedAt, String type,
                         String oktmo, String municipality, List<Double> criteria, double total,
                         double totalComputed, String totalCheck, Integer placeRegion,
                         Integer placeType, Integer placeMunicipality, int organizationsInRegion,
                         int organizationsInType, Integer organizationsInMunicipality, Integer respondents,
                         Map<String, Double> indicators, List<String> zeroRuleIndicators,
                         List<String> indicatorMismatches, Long previousCampaignId, Integer previousYear,
                         List<Double> previousCriteria, Double previousTotal,
                         List<ru.noko.catalog.GroupResult> groups, long organizationId,
                         String organizationName, Lineage lineage, String methodologyCode, String scale,
                         String previousMethodologyCode) {

    /**
     * How a row came into an organization's history: its own result ({@link #OWN}) or a
     * predecessor's, reached through links; {@code linkKind} and {@code linkDate} are those of the
     * link that leads to that predecessor.
     */
    public record Lineage(String viaLink, String linkKind, LocalDate linkDate) {

        public static final Lineage OWN = new Lineage(null, null, null);

        public static Lineage predecessor(String linkKind, LocalDate linkDate) {
            return new Lineage("predecessor", linkKind, linkDate);
        }
    }

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
