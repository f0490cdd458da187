package ru.noko.opendata;

import jakarta.inject.Singleton;
import ru.noko.platform.database.Sql;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The current edition of every data version of a dataset, and new editions made by takedowns. */
@Singleton
public class Editions {

    private final Sql sql;
    private final DatasetCatalog catalog;

    Editions(Sql sql, DatasetCatalog catalog) {
        this.sql = sql;
        this.catalog = catalog;
    }

    /** Every version of the dataset in its current edition, oldest version first. */
    public List<Edition> current(Dataset dataset) {
        record Made(long releaseId, CampaignTakedown takedown) {
        }
        Map<Long, List<CampaignTakedown>> takedowns = new HashMap<>();
        sql.list("""
                SELECT e.release_id, t.id, t.campaign_id, t.reason, t.taken_down_at
                FROM opendata_file_edition e JOIN opendata_takedown t ON t.id = e.takedown_id
                WHERE e.dataset = ? ORDER BY e.release_id, e.edition""", List.of(dataset.code()),
                row -> new Made(row.getLong(1), new CampaignTakedown(row.getLong(2), row.getLong(3), row.getString(4),
                        row.getObject(5, OffsetDateTime.class))))
                .forEach(made -> takedowns.computeIfAbsent(made.releaseId(), id -> new ArrayList<>()).add(made.takedown()));
        return catalog.versions(dataset).stream()
                .map(release -> new Edition(release, takedowns.getOrDefault(release.id(), List.of())))
                .toList();
    }

    /** Records the next edition of a version; runs in the takedown's transaction. */
    void add(Dataset dataset, Edition edition) {
        sql.update("INSERT INTO opendata_file_edition (release_id, dataset, edition, takedown_id) VALUES (?, ?, ?, ?)",
                List.of(edition.release().id(), dataset.code(), edition.number(), edition.excludedUpTo()));
    }
}
