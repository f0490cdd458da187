package ru.noko.opendata;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.platform.database.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

@Singleton
public class ReleaseRepository {

    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private final Sql sql;

    public ReleaseRepository(Sql sql) {
        this.sql = sql;
    }

    /**
     * Freezes what is published right now as a new release. Runs inside the transaction that
     * changed published data, so the release and the change commit together. A campaign taken
     * down never enters a release again, even if it is published once more. The links between
     * organizations are kept with the release as they are now.
     */
    @Transactional
    public Release record(String provenance) {
        sql.update("LOCK TABLE opendata_release IN EXCLUSIVE MODE", List.of());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime last = sql.one("SELECT max(created_at) FROM opendata_release", List.of(),
                row -> row.getObject(1, OffsetDateTime.class)).orElse(null);
        // versions are per second; two releases in one second get consecutive seconds
        OffsetDateTime at = last != null && !now.isAfter(last) ? last.plusSeconds(1) : now;
        String version = at.withOffsetSameInstant(ZoneOffset.UTC).format(VERSION);
        long id = sql.one("""
                INSERT INTO opendata_release (version, created_at, provenance, structure) VALUES (?, ?, ?, ?)
                RETURNING id""", List.of(version, at, provenance, Dataset.CURRENT_STRUCTURE), row -> row.getLong(1))
                .orElseThrow();
        sql.update("""
                INSERT INTO opendata_release_campaign (release_id, campaign_id, revision, region_code)
                SELECT ?, id, published_revision, region_code FROM published_campaign
                WHERE id NOT IN (SELECT campaign_id FROM opendata_takedown)""", List.of(id));
        sql.update("""
                INSERT INTO opendata_release_link (release_id, predecessor_id, successor_id, kind, effective_date)
                SELECT ?, predecessor_id, successor_id, kind, effective_date FROM organization_link""", List.of(id));
        return new Release(id, version, at, provenance, Dataset.CURRENT_STRUCTURE);
    }

    @Transactional(readOnly = true)
    public List<Release> all() {
        return sql.list("SELECT id, version, created_at, provenance, structure FROM opendata_release ORDER BY id",
                List.of(), ReleaseRepository::release);
    }

    /** Releases that made a version of the national dataset: all but those that left its file as it was. */
    @Transactional(readOnly = true)
    public List<Release> versionsOf(String dataset) {
        return sql.list("""
                SELECT id, version, created_at, provenance, structure FROM opendata_release r
                WHERE NOT EXISTS (SELECT 1 FROM opendata_release_unchanged u WHERE u.release_id = r.id AND u.dataset = ?)
                ORDER BY id""", List.of(dataset), ReleaseRepository::release);
    }

    /** Records that the release left the dataset's file as its previous version had it: no new version. */
    @Transactional
    void unchanged(Release release, String dataset) {
        sql.update("INSERT INTO opendata_release_unchanged (release_id, dataset) VALUES (?, ?)", List.of(release.id(), dataset));
    }

    /** When the newest release was made, if any. */
    @Transactional(readOnly = true)
    public Optional<OffsetDateTime> latestAt() {
        return sql.one("SELECT max(created_at) FROM opendata_release", List.of(),
                row -> row.getObject(1, OffsetDateTime.class));
    }

    /** Releases that changed what the region has published (its campaign revisions differ from the release before). */
    @Transactional(readOnly = true)
    public List<Release> forRegion(String regionCode) {
        return sql.list("""
                WITH states AS (
                    SELECT r.id, r.version, r.created_at, r.provenance, r.structure,
                           (SELECT string_agg(rc.campaign_id || ':' || rc.revision, ',' ORDER BY rc.campaign_id)
                            FROM opendata_release_campaign rc
                            WHERE rc.release_id = r.id AND rc.region_code = ?) AS state
                    FROM opendata_release r)
                SELECT id, version, created_at, provenance, structure FROM (
                    SELECT s.*, lag(state) OVER (ORDER BY id) AS previous FROM states s) t
                WHERE state IS DISTINCT FROM previous AND (state IS NOT NULL OR previous IS NOT NULL)
                ORDER BY id""", List.of(regionCode), ReleaseRepository::release);
    }

    /** Regions that have ever had a campaign in a release: each keeps its dataset and history. */
    @Transactional(readOnly = true)
    public List<String> regionsEverPublished() {
        return sql.list("SELECT DISTINCT region_code FROM opendata_release_campaign ORDER BY region_code",
                List.of(), row -> row.getString(1));
    }

    @Transactional(readOnly = true)
    public Optional<Release> byVersion(String version) {
        return sql.one("SELECT id, version, created_at, provenance, structure FROM opendata_release WHERE version = ?",
                List.of(version), ReleaseRepository::release);
    }

    private static Release release(ResultSet row) throws SQLException {
        return new Release(row.getLong("id"), row.getString("version"),
                row.getObject("created_at", OffsetDateTime.class), row.getString("provenance"), row.getString("structure"));
    }
}
