package ru.noko.campaigns;

import ru.noko.catalog.OrganizationType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A campaign as stored: its draft metadata and where publishing has got to. */
public record Campaign(long id, String regionCode, String okatoCode, int year, String title, List<OrganizationType> types,
                       String methodologyCode, String variant, String zeroRule, String operatorName, LocalDate startedOn,
                       LocalDate finishedOn, String councilProtocol, CampaignFacts facts, String status, Integer publishedRevision,
                       OffsetDateTime publishedAt, OffsetDateTime retractedAt, String retractionReason, boolean demo,
                       int revisions) {

    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";
    public static final String RETRACTED = "retracted";
}
