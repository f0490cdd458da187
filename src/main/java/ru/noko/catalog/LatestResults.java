package ru.noko.catalog;

import java.util.Optional;

/**
 * The latest published result of an organization, which the catalogue shows beside its identity.
 * Results are published by campaigns, a floor above the catalogue, which implements this.
 */
public interface LatestResults {

    Optional<PublishedResult> findLatest(long organizationId);
}
