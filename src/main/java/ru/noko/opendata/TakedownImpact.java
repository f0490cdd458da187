package ru.noko.opendata;

import jakarta.inject.Singleton;
import ru.noko.platform.database.Sql;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which releases' files of a dataset a takedown changes: those whose rows depend on the campaign.
 * A file it does not change keeps its edition, so its name and bytes stay.
 */
@Singleton
class TakedownImpact {

    /** Releases holding a revision of the campaign with result rows. */
    private static final String RESULTS = """
            SELECT rc.release_id FROM opendata_release_campaign rc
            WHERE rc.campaign_id = ?
              AND EXISTS (SELECT 1 FROM result r WHERE r.campaign_id = rc.campaign_id AND r.revision = rc.revision)""";

    /** The same for indicator values (a campaign published as a results table has none). */
    private static final String INDICATORS = """
            SELECT rc.release_id FROM opendata_release_campaign rc
            WHERE rc.campaign_id = ?
              AND EXISTS (SELECT 1 FROM indicator_value iv WHERE iv.campaign_id = rc.campaign_id AND iv.revision = rc.revision)""";

    /**
     * Releases where the campaign gives some organization its registry row (the organization is
     * there only because of it, or it is the organization's latest campaign): the registry query's
     * choice, over the campaign's organizations, in the release as the current edition has it
     * (earlier takedowns already left out).
     */
    private static final String ORGANIZATIONS = """
            WITH touched AS (
                SELECT rc.release_id,
                       coalesce((SELECT max(e.takedown_id) FROM opendata_file_edition e
                                 WHERE e.release_id = rc.release_id AND e.dataset = ?), 0) AS excluded_up_to
                FROM opendata_release_campaign rc WHERE rc.campaign_id = ?),
            chosen AS (
                SELECT DISTINCT ON (rc.release_id, r.organization_id) rc.release_id, rc.campaign_id
                FROM touched t
                JOIN opendata_release_campaign rc ON rc.release_id = t.release_id
                JOIN campaign c ON c.id = rc.campaign_id
                JOIN result r ON r.campaign_id = rc.campaign_id AND r.revision = rc.revision
                WHERE r.organization_id IN (SELECT organization_id FROM result WHERE campaign_id = ?)
                  AND rc.campaign_id NOT IN (SELECT campaign_id FROM opendata_takedown WHERE id <= t.excluded_up_to)
                ORDER BY rc.release_id, r.organization_id, c.year DESC, rc.campaign_id DESC)
            SELECT DISTINCT release_id FROM chosen WHERE campaign_id = ?""";

    private final Sql sql;

    TakedownImpact(Sql sql) {
        this.sql = sql;
    }

    /** Ids of the releases whose file of the dataset holds rows of the campaign. */
    Set<Long> releases(Dataset dataset, long campaignId) {
        List<Long> ids;
        if (dataset instanceof ResultsDataset) {
            ids = sql.list(RESULTS, List.of(campaignId), row -> row.getLong(1));
        } else if (dataset instanceof IndicatorsDataset) {
            ids = sql.list(INDICATORS, List.of(campaignId), row -> row.getLong(1));
        } else if (dataset instanceof OrganizationsDataset) {
            ids = sql.list(ORGANIZATIONS, List.of(dataset.code(), campaignId, campaignId, campaignId), row -> row.getLong(1));
        } else {
            ids = List.of(); // the methodology holds no campaign data
        }
        return new TreeSet<>(ids);
    }
}
