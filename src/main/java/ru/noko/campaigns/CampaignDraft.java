package ru.noko.campaigns;

import ru.noko.catalog.OrganizationType;
import ru.noko.methodology.CalculationSettings;

import java.time.LocalDate;
import java.util.List;

/** What an operator states about a campaign before any results are loaded. */
public record CampaignDraft(String regionCode, int year, String title, List<OrganizationType> types,
                            String methodologyCode, CalculationSettings settings, String operatorName,
                            LocalDate startedOn, LocalDate finishedOn, String councilProtocol, CampaignFacts facts,
                            boolean demo) {

    /** A draft without the regional order, survey period and bus.gov.ru deadline. */
    public CampaignDraft(String regionCode, int year, String title, List<OrganizationType> types, String methodologyCode,
                         CalculationSettings settings, String operatorName, LocalDate startedOn, LocalDate finishedOn,
                         String councilProtocol, boolean demo) {
        this(regionCode, year, title, types, methodologyCode, settings, operatorName, startedOn, finishedOn,
                councilProtocol, CampaignFacts.NONE, demo);
    }
}
