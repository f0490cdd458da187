package ru.noko.platform.database;

/**
 * Published data changed (a campaign was published, retracted or taken down, or an admin corrected
 * the catalogue); fired after the transaction committed. This is the one place caches hang their
 * invalidation on (listen with an {@code ApplicationEventListener<PublishedDataChanged>}).
 *
 * @param campaignId  the campaign, or {@link #NO_CAMPAIGN} for a catalogue correction or a link
 * @param dataVersion the data version the change bumped to
 */
public record PublishedDataChanged(long campaignId, String change, Integer revision, long dataVersion) {

    public static final String PUBLISHED = "published";
    public static final String RETRACTED = "retracted";
    /** Withdrawn from earlier published versions by a legal takedown. */
    public static final String TAKEN_DOWN = "taken_down";
    /** An admin changed the catalogue (moved an organization to another region). */
    public static final String CATALOGUE = "catalogue";
    /** An admin or operator linked two organizations (a reorganisation) or removed such a link. */
    public static final String LINKS = "links";
    public static final long NO_CAMPAIGN = 0;
}
