package ru.noko.catalog;

import java.util.Optional;

/**
 * The latest published result of an organization, which the catalogue shows beside its identity.
 * Results are published by campaigns, a floor above the catalogue, which implements this.
 */
public interface LatestResults {

    Optional<PublishedResult> findLatest(long organizationId);

    /** {@link #findLatest} as a query to run {@link ru.noko.platform.database.Sql#together} with others. */
    ru.noko.platform.database.Sql.Query<PublishedResult> latest(long organizationId);
}
