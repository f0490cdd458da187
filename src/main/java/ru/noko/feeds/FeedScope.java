package ru.noko.feeds;

/** Which events a feed shows: every region's, one region's, or those of the campaigns of one organization. */
record FeedScope(String regionCode, Long organizationId) {

    static FeedScope all() {
        return new FeedScope(null, null);
    }

    static FeedScope region(String code) {
        return new FeedScope(code, null);
    }

    static FeedScope organization(long id) {
        return new FeedScope(null, id);
    }
}
