package ru.noko.campaigns.upload;

import ru.noko.campaigns.OrganizationIdentity;
import ru.noko.catalog.GroupResult;
import ru.noko.methodology.TotalCheck;

import java.util.List;

/**
 * One organization of an upload, validated and computed, as it is staged and later published.
 * The official numbers come first (METHODOLOGY §4): the total the file gave is the total that is
 * published; ours is kept beside it.
 *
 * @param criteria         К1..К5 (null for an expert checklist row)
 * @param totalComputed    our recomputation, the mean of the criteria, unrounded (null for an expert checklist row)
 * @param publishedTotal   the official total as the file gave it, when it did
 * @param placeRegion      the official place in the rating as the file gave it, when it did
 * @param indicators       indicator values to publish in catalogue order: the file's when it gave them, else
 *                         ours (null entries: not given or excluded)
 * @param rawValues        raw inputs in the order of {@code Methodology.rawInputNames()} (null when none)
 * @param indicatorsComputed our recomputation from raw inputs in catalogue order (null when there are no raw inputs)
 * @param indicatorChecks  per indicator {@link IndicatorCheck} codes (null entries where there is no value)
 * @param groups           the survey indicators per respondent group (answers level with groups; else empty)
 */
public record StagedRow(int line, OrganizationIdentity organization, String municipality, double[] criteria,
                        Double totalComputed, Double publishedTotal, Integer placeRegion, Long recipients,
                        Long respondents, Double[] indicators, List<String> zeroRuleIndicators, Long[] rawValues,
                        Double[] indicatorsComputed, String[] indicatorChecks, List<GroupResult> groups) {

    public StagedRow(int line, OrganizationIdentity organization, String municipality, double[] criteria,
                     Double totalComputed, Double publishedTotal, Integer placeRegion, Long recipients,
                     Long respondents, Double[] indicators, List<String> zeroRuleIndicators, Long[] rawValues,
                     Double[] indicatorsComputed, String[] indicatorChecks) {
        this(line, organization, municipality, criteria, totalComputed, publishedTotal, placeRegion, recipients,
                respondents, indicators, zeroRuleIndicators, rawValues, indicatorsComputed, indicatorChecks, List.of());
    }

    StagedRow withGroups(List<GroupResult> groups) {
        return new StagedRow(line, organization, municipality, criteria, totalComputed, publishedTotal, placeRegion,
                recipients, respondents, indicators, zeroRuleIndicators, rawValues, indicatorsComputed, indicatorChecks,
                List.copyOf(groups));
    }

    public String key() {
        return organization.inn() + "/" + organization.kpp();
    }

    /** The total to publish: the official one when the file gave it, else ours. */
    public Double total() {
        return publishedTotal != null ? publishedTotal : totalComputed;
    }

    /** How the official total compares with ours; null for an expert checklist row. */
    public TotalCheck.Outcome totalCheck() {
        return totalComputed == null ? null : TotalCheck.outcome(publishedTotal, totalComputed);
    }
}
