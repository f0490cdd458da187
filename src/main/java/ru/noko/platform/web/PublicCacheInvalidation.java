package ru.noko.platform.web;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import ru.noko.platform.database.PublishedDataChanged;

/** Published data changed and committed: cached public responses go. */
@Singleton
class PublicCacheInvalidation {

    private final PublicCache cache;

    PublicCacheInvalidation(PublicCache cache) {
        this.cache = cache;
    }

    @EventListener
    void onPublishedDataChanged(PublishedDataChanged event) {
        cache.invalidateAll();
    }
}
