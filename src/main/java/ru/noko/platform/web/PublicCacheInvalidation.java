package ru.noko.platform.web;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import ru.noko.platform.events.PublishedDataChanged;

/** Published data changed: cached public responses go once the change commits. */
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
