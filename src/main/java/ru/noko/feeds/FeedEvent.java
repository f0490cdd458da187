package ru.noko.feeds;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Something that happened to a campaign's published results.
 *
 * @param revision      the revision published, or the one that was public when the campaign was retracted
 * @param text          the operator's note of a revision, or the reason of a retraction (null when none)
 * @param organizations organizations in the revision (null for a retraction)
 * @param retractionId  the audit entry of a retraction, 0 for a revision
 * @param types         organization type codes of the campaign; empty: every type
 */
record FeedEvent(Kind kind, long campaignId, Integer revision, OffsetDateTime at, String text, Integer organizations,
                        long retractionId, String regionCode, String regionName, int year, List<String> types,
                        String campaignTitle, String operatorName, boolean demo) {

    enum Kind {
        PUBLICATION("publication", "Публикация"),
        CORRECTION("correction", "Исправление"),
        RETRACTION("retraction", "Отзыв");

        private final String term;
        private final String label;

        Kind(String term, String label) {
            this.term = term;
            this.label = label;
        }

        String term() {
            return term;
        }

        String label() {
            return label;
        }
    }
}
