package ru.noko.catalog;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.platform.database.Sql;

import java.util.List;
import java.util.Optional;

/**
 * What an organization's own answer shows — identity, its region's name, its links both ways and
 * its latest published result — read by five queries sent to the database at once.
 */
@Singleton
public class OrganizationOverview {

    /** One organization as its answer shows it. */
    public record Overview(Organization organization, String regionName, List<LinkedOrganization> predecessors,
                           List<LinkedOrganization> successors, Optional<PublishedResult> latest) {
    }

    private final Sql sql;
    private final LatestResults results;

    OrganizationOverview(Sql sql, LatestResults results) {
        this.sql = sql;
        this.results = results;
    }

    /** Empty for no such organization. */
    @Transactional(readOnly = true)
    public Optional<Overview> find(long id) {
        Sql.Query<Organization> organization = OrganizationRepository.byId(id);
        Sql.Query<String> regionName = RegionRepository.nameOfRegionOf(id);
        Sql.Query<LinkedOrganization> predecessors = OrganizationLinks.predecessors(id);
        Sql.Query<LinkedOrganization> successors = OrganizationLinks.successors(id);
        Sql.Query<PublishedResult> latest = results.latest(id);
        Sql.Rows rows = sql.together(List.of(organization, regionName, predecessors, successors, latest));
        return rows.one(organization).map(found -> new Overview(found,
                rows.one(regionName).orElseThrow(() -> new IllegalStateException("no region " + found.regionCode())),
                rows.of(predecessors), rows.of(successors), rows.one(latest)));
    }
}
