package ru.noko.busgov;

import java.util.Optional;

/**
 * The link from a campaign to its bus.gov.ru export, for {@code GET /api/v1/admin/campaigns/{id}}
 * (the admin campaign document): present exactly when the export would be served, i.e. the
 * campaign is published and not retracted.
 */
final class BusGovLinks {

    private BusGovLinks() {
    }

    public static String exportPath(long campaignId) {
        return "/api/v1/admin/campaigns/" + campaignId + "/exports/busgov";
    }

    /** @param status the campaign's status column ({@code draft}, {@code published}, {@code retracted}) */
    public static Optional<String> exportLink(long campaignId, String status, Integer publishedRevision) {
        CampaignState state = new CampaignState(campaignId, null, status, publishedRevision);
        return state.exportable() ? Optional.of(exportPath(campaignId)) : Optional.empty();
    }
}
