package ru.noko.feeds;

/** Which events a feed shows: every region's, one region's, or those of the campaigns of one organization. */
public record FeedScope(String regionCode, Long organizationId) {

    public static FeedScope all() {
        return new FeedScope(null, null);
    }

    public static FeedScope region(String code) {
        return new FeedScope(code, null);
    }

    public static FeedScope organization(long id) {
        return new FeedScope(null, id);
    }
}
