package ru.noko.platform.database;

/**
 * Published data changed (a campaign was published, retracted or taken down); fired after the transaction
 * committed. This is the one place caches hang their invalidation on (listen with an
 * {@code ApplicationEventListener<PublishedDataChanged>}).
 *
 * @param dataVersion the data version the change bumped to
 */
public record PublishedDataChanged(long campaignId, String change, Integer revision, long dataVersion) {

    public static final String PUBLISHED = "published";
    public static final String RETRACTED = "retracted";
    /** Withdrawn from earlier published versions by a legal takedown. */
    public static final String TAKEN_DOWN = "taken_down";
}
