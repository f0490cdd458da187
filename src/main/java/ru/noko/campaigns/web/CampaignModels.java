package ru.noko.campaigns.web;


import ru.noko.campaigns.CampaignColumns;
import ru.noko.campaigns.PublishedCampaign;

import ru.noko.api.model.Campaign;
import ru.noko.platform.web.FlatModel;

/** Public campaigns → the generated API model, through {@link CampaignColumns}. */
public final class CampaignModels {

    private static final FlatModel<Campaign> CAMPAIGN = FlatModel.of(Campaign.class).requireColumns(CampaignColumns.ALL);

    private CampaignModels() {
    }

    public static Campaign campaign(PublishedCampaign campaign) {
        return CAMPAIGN.build(CampaignColumns.ALL, campaign);
    }

    /** A results row with its respondent groups, when its upload named them. */
    static ru.noko.api.model.CampaignResult withGroups(ru.noko.api.model.CampaignResult row,
                                                      java.util.List<ru.noko.catalog.GroupResult> groups) {
        row.setGroups(ru.noko.catalog.web.GroupModels.groups(groups));
        return row;
    }
}
