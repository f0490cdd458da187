package ru.noko.platform.database;

/**
 * Published data is changing (a campaign revision published or a campaign retracted, or links
 * between organizations changed: {@code campaignId} is then {@link PublishedDataChanged#NO_CAMPAIGN}), fired
 * inside the changing transaction: listeners take part in it, so what they write (open-data
 * releases) commits or rolls back with the change. Caches wait for {@link PublishedDataChanged}.
 */
public record PublishedDataChanging(long campaignId, String change, Integer revision) {
}
