package ru.noko.campaigns;

import ru.noko.platform.web.Columns;

/** The public campaign as a table row: the same names in JSON and CSV. */
public final class CampaignColumns {

    public static final Columns<PublishedCampaign> ALL = Columns.<PublishedCampaign>builder()
            .add("id", PublishedCampaign::id)
            .add("region_code", PublishedCampaign::regionCode)
            .add("region_name", PublishedCampaign::regionName)
            .add("year", PublishedCampaign::year)
            .add("title", PublishedCampaign::title)
            .add("types", PublishedCampaign::types)
            .add("methodology", PublishedCampaign::methodology)
            .add("denominator_variant", PublishedCampaign::denominatorVariant)
            .add("zero_rule", PublishedCampaign::zeroRule)
            .add("operator_name", PublishedCampaign::operatorName)
            .add("started_on", PublishedCampaign::startedOn)
            .add("finished_on", PublishedCampaign::finishedOn)
            .add("council_protocol", PublishedCampaign::councilProtocol)
            .add("regional_order_number", c -> c.facts().regionalOrderNumber())
            .add("regional_order_date", c -> c.facts().regionalOrderDate())
            .add("survey_started_on", c -> c.facts().surveyStartedOn())
            .add("survey_finished_on", c -> c.facts().surveyFinishedOn())
            .add("bus_gov_deadline", c -> c.facts().busGovDeadline())
            .add("status", PublishedCampaign::status)
            .add("revision", PublishedCampaign::revision)
            .add("published_at", PublishedCampaign::publishedAt)
            .add("retracted_at", PublishedCampaign::retractedAt)
            .add("retraction_reason", PublishedCampaign::retractionReason)
            .add("demo", PublishedCampaign::demo)
            .add("organizations_count", PublishedCampaign::organizationsCount)
            .build();

    private CampaignColumns() {
    }
}
