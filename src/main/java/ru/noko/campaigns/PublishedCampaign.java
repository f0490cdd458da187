package ru.noko.campaigns;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A campaign as the public sees it: published, or retracted (then only on its own page).
 * {@code types} are the organization types it assessed (declared, or found in its results).
 */
public record PublishedCampaign(long id, String regionCode, String regionName, int year, String title,
                                List<String> types, String methodology, String denominatorVariant, String zeroRule,
                                String operatorName, LocalDate startedOn, LocalDate finishedOn, String councilProtocol,
                                CampaignFacts facts, String status, Integer revision, OffsetDateTime publishedAt, OffsetDateTime retractedAt,
                                String retractionReason, boolean demo, int organizationsCount) {

    public boolean isPublished() {
        return "published".equals(status);
    }
}
