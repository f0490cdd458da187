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

    ReleaseOnPublish(ReleaseRepository releases, Sql sql) {
        this.releases = releases;
        this.sql = sql;
    }

    @EventListener
    void onPublishedDataChanging(PublishedDataChanging event) {
        if (PublishedDataChanged.LINKS.equals(event.change())) {
            releases.record("Изменены связи организаций-предшественников и преемников (реорганизации)");
            return;
        }
        String title = sql.one("SELECT title FROM campaign WHERE id = ?", List.of(event.campaignId()),
                row -> row.getString(1)).orElse("№ " + event.campaignId());
        releases.record(provenance(event, title));
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
