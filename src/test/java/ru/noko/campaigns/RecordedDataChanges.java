package ru.noko.campaigns;

import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import ru.noko.platform.database.PublishedDataChanged;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the after-commit events publishing fires, as a cache would receive them. */
@Singleton
public class RecordedDataChanges implements ApplicationEventListener<PublishedDataChanged> {

    private final List<PublishedDataChanged> events = new CopyOnWriteArrayList<>();

    @Override
    public void onApplicationEvent(PublishedDataChanged event) {
        events.add(event);
    }

    public List<PublishedDataChanged> of(long campaignId) {
        return events.stream().filter(e -> e.campaignId() == campaignId).toList();
    }
}
