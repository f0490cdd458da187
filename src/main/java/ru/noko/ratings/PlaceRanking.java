package ru.noko.ratings;

import jakarta.inject.Singleton;
import ru.noko.platform.database.Sql;

import java.util.List;

/**
 * Places inside one campaign revision, computed once on publish: competition ranking ("1224") on
 * the unrounded total, descending — in the region, in the type group and in the municipality.
 */
@Singleton
public class PlaceRanking {

    private final Sql sql;

    public PlaceRanking(Sql sql) {
        this.sql = sql;
    }

    /** Must run inside the publishing transaction. */
    public void rank(long campaignId, int revision) {
        sql.update("""
                UPDATE result r SET place_region = p.place_region, place_type = p.place_type,
                                    place_municipality = p.place_municipality
                FROM (SELECT organization_id,
                             rank() OVER (ORDER BY total DESC) AS place_region,
                             rank() OVER (PARTITION BY type ORDER BY total DESC) AS place_type,
                             CASE WHEN oktmo IS NULL THEN NULL
                                  ELSE rank() OVER (PARTITION BY oktmo ORDER BY total DESC) END AS place_municipality
                      FROM result WHERE campaign_id = ? AND revision = ?) p
                WHERE r.campaign_id = ? AND r.revision = ? AND r.organization_id = p.organization_id""",
                List.of(campaignId, revision, campaignId, revision));
    }

    /**
     * The same three places as select-list columns over any row set with {@code total}, {@code type}
     * and {@code oktmo} (e.g. a staged upload), so a publish can write results with their places in
     * one statement instead of updating them afterwards.
     */
    public static String placeColumns() {
        return """
                rank() OVER (ORDER BY total DESC) AS place_region,
                rank() OVER (PARTITION BY type ORDER BY total DESC) AS place_type,
                CASE WHEN oktmo IS NULL THEN NULL
                     ELSE rank() OVER (PARTITION BY oktmo ORDER BY total DESC) END AS place_municipality""";
    }
}
