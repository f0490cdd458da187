package ru.noko.campaigns.upload;

import ru.noko.campaigns.OrganizationIdentity;

import java.util.List;

/**
 * One organization of an upload, validated and computed, as it is staged and later published.
 *
 * @param criteria         К1..К5 (null for an expert checklist row)
 * @param total            the mean of the criteria, unrounded (null for an expert checklist row)
 * @param publishedTotal   the total as the file gave it, when it did
 * @param indicators       indicator values in catalogue order (null entries: not given or excluded)
 * @param rawValues        raw inputs in the order of {@code Methodology.rawInputNames()} (null when none)
 */
public record StagedRow(int line, OrganizationIdentity organization, String municipality, double[] criteria,
                        Double total, Double publishedTotal, Long recipients, Long respondents, Double[] indicators,
                        List<String> zeroRuleIndicators, Long[] rawValues) {

    public String key() {
        return organization.inn() + "/" + organization.kpp();
    }
}
