package ru.noko.platform.database;

/**
 * Published data changed (a campaign was published or retracted); fired after the transaction
 * committed. This is the one place caches hang their invalidation on (listen with an
 * {@code ApplicationEventListener<PublishedDataChanged>}).
 *
 * @param dataVersion the data version the change bumped to
 */
public record PublishedDataChanged(long campaignId, String change, Integer revision, long dataVersion) {

    public static final String PUBLISHED = "published";
    public static final String RETRACTED = "retracted";
}
