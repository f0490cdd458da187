package ru.noko.busgov;

/** What decides whether a campaign may be exported: it must be published and not retracted. */
record CampaignState(long id, String regionCode, String status, Integer publishedRevision) {

    static final String PUBLISHED = "published";
    static final String RETRACTED = "retracted";

    boolean exportable() {
        return PUBLISHED.equals(status) && publishedRevision != null;
    }
}
