package ru.noko.campaigns.results;

/**
 * Which rows of one published campaign's results table, in which order. Null filters mean "any".
 *
 * @param withIndicators whether to read the fourteen indicator values too
 * @param withGroups     whether to read the respondent groups too (JSON rows with every column)
 */
public record ResultQuery(long campaignId, String municipality, String type, Double totalMin, Double totalMax,
                          ResultSort sort, boolean withIndicators, boolean withGroups) {

    public static ResultQuery ranking(long campaignId, String municipality, String type) {
        return ranking(campaignId, municipality, type, ResultSort.TOTAL_DESC);
    }

    /** A ranking in another order; an indicator order reads nothing more than its own sort key. */
    public static ResultQuery ranking(long campaignId, String municipality, String type, ResultSort sort) {
        return new ResultQuery(campaignId, municipality, type, null, null, sort, false, false);
    }
}
