package ru.noko.platform.security;

import java.time.OffsetDateTime;
import java.util.List;

/** A stored token, without its secret. */
public record ApiToken(long id, String name, boolean admin, List<String> regions, OffsetDateTime createdAt,
                       String createdBy, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {
}
