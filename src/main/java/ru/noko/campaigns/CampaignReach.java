package ru.noko.campaigns;

import jakarta.inject.Singleton;
import ru.noko.platform.database.Sql;

import java.util.List;

/**
 * The regions whose organizations' pages a change of one campaign's published data reaches: the
 * campaign's own, those of its organizations (one may have moved to another region since), and
 * those of every organization linked to them through predecessors and successors, whose histories
 * and answers show them.
 */
@Singleton
class CampaignReach {

    private final Sql sql;

    CampaignReach(Sql sql) {
        this.sql = sql;
    }

    /** Must run after the change's results are written, in its transaction. */
    List<String> regions(long campaignId) {
        return sql.list("""
                WITH RECURSIVE reached (id) AS (
                    SELECT DISTINCT organization_id FROM result WHERE campaign_id = ?
                    UNION
                    SELECT CASE WHEN l.predecessor_id = r.id THEN l.successor_id ELSE l.predecessor_id END
                    FROM reached r JOIN organization_link l ON r.id IN (l.predecessor_id, l.successor_id)
                )
                SELECT region_code FROM campaign WHERE id = ?
                UNION
                SELECT o.region_code FROM reached r JOIN organization o ON o.id = r.id""",
                List.of(campaignId, campaignId), row -> row.getString(1));
    }
}
