package ru.noko.campaigns.upload;

import ru.noko.catalog.OrganizationType;
import ru.noko.methodology.CalculationSettings;
import ru.noko.methodology.Methodology;

import java.util.List;

/** What an upload is checked against: the campaign's region, year, type scope and methodology. */
public record CampaignScope(long campaignId, String regionCode, String okatoCode, int year, List<OrganizationType> types,
                            Methodology methodology, CalculationSettings settings) {

    public CampaignScope {
        types = List.copyOf(types);
    }

    /** The type every row has when the file has no type column: the campaign's only type, if it has one. */
    public OrganizationType defaultType() {
        return types.size() == 1 ? types.get(0) : null;
    }
}
