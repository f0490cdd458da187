package ru.noko.opendata;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import ru.noko.platform.database.PublishedDataChanged;
import ru.noko.platform.database.PublishedDataChanging;
import ru.noko.platform.database.Sql;

import java.util.List;

/** Every change of published data becomes a new open-data release, in the same transaction. */
@Singleton
class ReleaseOnPublish {

    private final ReleaseRepository releases;
    private final Sql sql;
    private final UnchangedDatasets unchanged;
    private final PublisherPlaceholders placeholders;

    ReleaseOnPublish(ReleaseRepository releases, Sql sql, UnchangedDatasets unchanged, PublisherPlaceholders placeholders) {
        this.releases = releases;
        this.sql = sql;
        this.unchanged = unchanged;
        this.placeholders = placeholders;
    }

    @EventListener
    void onPublishedDataChanging(PublishedDataChanging event) {
        Release made;
        if (PublishedDataChanged.LINKS.equals(event.change())) {
            made = releases.record("Изменены связи организаций-предшественников и преемников (реорганизации)");
        } else {
            String title = sql.one("SELECT title FROM campaign WHERE id = ?", List.of(event.campaignId()),
                    row -> row.getString(1)).orElse("№ " + event.campaignId());
            made = releases.record(provenance(event, title));
        }
        unchanged.decide(made);
        placeholders.warnIfRealData();
    }

    static String provenance(PublishedDataChanging event, String title) {
        if (PublishedDataChanged.RETRACTED.equals(event.change())) {
            return "Отозваны результаты кампании «" + title + "»";
        }
        return event.revision() == null || event.revision() == 1
                ? "Опубликованы результаты кампании «" + title + "»"
                : "Опубликована исправленная редакция " + event.revision() + " результатов кампании «" + title + "»";
    }
}
