package ru.noko.opendata;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import ru.noko.platform.events.PublishedDataChanged;

/** Every change of published data becomes a new open-data release, in the same transaction. */
@Singleton
class ReleaseOnPublish {

    private final ReleaseRepository releases;

    ReleaseOnPublish(ReleaseRepository releases) {
        this.releases = releases;
    }

    @EventListener
    void onPublishedDataChanged(PublishedDataChanged event) {
        releases.record(event.provenance());
    }
}
