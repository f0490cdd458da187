package ru.noko.campaigns.results;

/**
 * Places inside one campaign revision, computed once on publish: competition ranking ("1224") on
 * the unrounded total, descending — in the region, in the type group and in the municipality.
 */
public final class PlaceRanking {

    private PlaceRanking() {
    }

    /**
     * The three places as select-list columns over any row set with {@code total}, {@code type} and
     * {@code oktmo} (a staged upload), so a publish writes results with their places in one statement.
     */
    public static String placeColumns() {
        return """
                rank() OVER (ORDER BY total DESC) AS place_region,
                rank() OVER (PARTITION BY type ORDER BY total DESC) AS place_type,
                CASE WHEN oktmo IS NULL THEN NULL
                     ELSE rank() OVER (PARTITION BY oktmo ORDER BY total DESC) END AS place_municipality""";
    }
}
