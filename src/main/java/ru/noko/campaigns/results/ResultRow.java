package ru.noko.campaigns.results;

import java.util.List;
import java.util.Map;

/**
 * One organization's row in a published campaign's results table, values unrounded.
 *
 * @param total         the official total (the operator's when its file gave one, else ours)
 * @param totalComputed our recomputation, the mean of the criteria
 * @param totalCheck    {@code match}, {@code mismatch} or {@code not_given} (see TotalCheck.Outcome)
 * @param criteria   K1..K5 in catalogue order; null for a criterion the campaign's methodology does not have
 * @param indicators by result field ({@code i1_1} official, {@code i1_1_computed} ours); empty when not asked for; a null value means
 *                   the zero-denominator rule excluded the indicator
 * @param indicatorMismatches codes ("1.3") of the indicators whose official value differs from our
 *                            recomputation by more than 0.01; empty when not asked for
 * @param zeroRuleIndicators codes ("3.3") of the indicators whose value the zero-denominator rule
 *                           decided; empty when it was not used
 * @param groups     the survey indicators per respondent group; empty when not asked for or when the
 *                   upload named no groups
 */
public record ResultRow(long campaignId, int year, long organizationId, String inn, String kpp, String name,
                        String shortName, String type, String oktmo, String municipality, List<Double> criteria,
                        double total, double totalComputed, String totalCheck, Double publishedTotal, Integer placeRegion, Integer placeType,
                        Integer placeMunicipality, Integer recipients, Integer respondents,
                        Map<String, Double> indicators, List<String> zeroRuleIndicators,
                        List<String> indicatorMismatches, List<ru.noko.catalog.GroupResult> groups) {

    public Double criterion(int index) {
        return criteria.get(index);
    }
}
