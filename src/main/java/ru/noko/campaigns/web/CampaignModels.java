package ru.noko.campaigns.web;


import ru.noko.campaigns.CampaignColumns;
import ru.noko.campaigns.PublishedCampaign;

import ru.noko.api.model.Campaign;
import ru.noko.platform.web.FlatModel;
import ru.noko.platform.web.TableSource;

/** Public campaigns → the generated API model, through {@link CampaignColumns}. */
public final class CampaignModels {

    private static final FlatModel<Campaign> CAMPAIGN = FlatModel.of(Campaign.class).requireColumns(CampaignColumns.ALL);

    private CampaignModels() {
    }

    /** The «Источник» lines of a table read from one campaign. */
    public static TableSource source(String title, PublishedCampaign campaign) {
        return TableSource.of(title)
                .line("Кампания", campaign.title() + " (id " + campaign.id() + ")")
                .line("Регион", campaign.regionCode() + " " + campaign.regionName())
                .line("Год", campaign.year())
                .line("Оператор", campaign.operatorName())
                .line("Опубликовано", campaign.publishedAt())
                .line("Редакция", campaign.revision())
                .line("Отозвано", campaign.retractedAt())
                .line("Методика", campaign.methodology() + " (знаменатели: " + campaign.denominatorVariant()
                        + ", нулевой знаменатель: " + campaign.zeroRule() + ")")
                .line("Демонстрационные данные", campaign.demo() ? "да, вымышленные" : null);
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
