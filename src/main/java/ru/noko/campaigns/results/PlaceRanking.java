package ru.noko.campaigns.results;

/**
 * Places inside one campaign revision, fixed once on publish. The place in the region is the
 * official one when the operator's file gave it (ties as in the file), else competition ranking
 * ("1224") on the total, descending; the places in the type group and the municipality are always
 * competition ranking on the total — the official total when the file gave one (METHODOLOGY §4).
 */
public final class PlaceRanking {

    private PlaceRanking() {
    }

    /**
     * The three places as select-list columns over any row set with {@code total}, {@code type},
     * {@code oktmo} and the official {@code place_region} (a staged upload), so a publish writes
     * results with their places in one statement.
     */
    public static String placeColumns() {
        return """
                coalesce(place_region, %s) AS place_region,
                rank() OVER (PARTITION BY type ORDER BY total DESC) AS place_type,
                CASE WHEN oktmo IS NULL THEN NULL
                     ELSE rank() OVER (PARTITION BY oktmo ORDER BY total DESC) END AS place_municipality""".formatted(computedRegionPlace());
    }

    /** The place in the region the service computes on the total, whatever place the file gave. */
    public static String computedRegionPlace() {
        return "rank() OVER (ORDER BY total DESC)";
    }
}
