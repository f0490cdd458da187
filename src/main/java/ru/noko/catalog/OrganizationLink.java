package ru.noko.catalog;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A recorded reorganisation: {@code successor} continues {@code predecessor} from {@code effectiveDate}. */
public record OrganizationLink(long id, LinkedOrganization predecessor, LinkedOrganization successor, String kind,
                               LocalDate effectiveDate, String note, OffsetDateTime createdAt, String createdBy) {
}
