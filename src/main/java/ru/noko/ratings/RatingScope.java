package ru.noko.ratings;

import ru.noko.campaigns.results.ResultRow;

import ru.noko.campaigns.PublishedCampaign;

/**
 * What one ranking covers: one published campaign, optionally narrowed to an organization type
 * and a municipality. {@link #placeOf} names which stored place is the place in this scope.
 */
public record RatingScope(PublishedCampaign campaign, String regionName, String type, String municipality,
                          String municipalityName) {

    public int placeOf(ResultRow row) {
        Integer place = municipality != null ? row.placeMunicipality()
                : type != null ? row.placeType()
                : row.placeRegion();
        if (place == null) {
            throw new IllegalStateException("Result of organization " + row.organizationId() + " in campaign "
                    + row.campaignId() + " has no stored place");
        }
        return place;
    }
}
