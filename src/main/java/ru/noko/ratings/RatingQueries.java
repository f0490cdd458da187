package ru.noko.ratings;

import ru.noko.campaigns.results.ResultGroups;
import ru.noko.campaigns.results.ResultTable;
import ru.noko.campaigns.results.RevisionCounts;
import ru.noko.catalog.Organization;
import ru.noko.catalog.OrganizationLinks;
import ru.noko.catalog.OrganizationRepository;
import ru.noko.catalog.Predecessor;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.platform.database.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Multi-year reads over published results: an organization's history, regional statistics, comparison. */
@Singleton
public class RatingQueries {

    /** Results as the public sees them (what is published is the view's rule). */
    private static final String PUBLISHED = """
             FROM published_result r
            """;

    /** A municipality and the region it belongs to. */
    public record MunicipalityName(String oktmo, String name, String regionCode) {
    }

    /** One year's published result of an organization, for comparisons. */
    public record YearResult(long organizationId, int year, long campaignId, String type, List<Double> criteria,
                             double total, double totalComputed, String totalCheck, Integer placeRegion,
                             Integer placeType, Integer placeMunicipality, List<String> zeroRuleIndicators,
                             String methodologyCode) {
    }

    private final Sql sql;
    private final OrganizationLinks links;
    private final RevisionCounts counts;

    public RatingQueries(Sql sql, OrganizationLinks links, RevisionCounts counts) {
        this.sql = sql;
        this.links = links;
        this.counts = counts;
    }

    @Transactional(readOnly = true)
    public Optional<MunicipalityName> findMunicipality(String oktmo) {
        return sql.one("SELECT oktmo, name, region_code FROM municipality WHERE oktmo = ?", List.of(oktmo),
                row -> new MunicipalityName(row.getString("oktmo"), row.getString("name"), row.getString("region_code")));
    }

    /** An organization and its history, read together (one round trip); empty for no such organization. */
    public record OrganizationHistory(Organization organization, List<HistoryRow> rows) {
    }

    /**
     * The organization and every published result of it and of its predecessors (through chains of
     * links, bounded by {@link OrganizationLinks#MAX_DEPTH}), latest first, each with its previous
     * cycle within its own organization: a change is never computed across a link. How many were
     * ranked with a row comes from {@link RevisionCounts}. The three reads go to the database at once.
     */
    @Transactional(readOnly = true)
    public Optional<OrganizationHistory> organizationHistory(long organizationId) {
        Sql.Query<Organization> organization = OrganizationRepository.byId(organizationId);
        Sql.Query<Predecessor> chain = OrganizationLinks.chain(organizationId);
        // rows are read query by query: the chain's mapper has filled the lineage before the history's runs
        Map<Long, HistoryRow.Lineage> lineage = new LinkedHashMap<>();
        lineage.put(organizationId, HistoryRow.Lineage.OWN);
        Sql.Query<Predecessor> lineageChain = new Sql.Query<>(chain.sql(), chain.parameters(), row -> {
            Predecessor predecessor = chain.mapper().map(row);
            lineage.putIfAbsent(predecessor.organizationId(),
                    HistoryRow.Lineage.predecessor(predecessor.kind(), predecessor.date()));
            return predecessor;
        });
        Sql.Query<HistoryRow> history = new Sql.Query<>(HISTORY + """
                WHERE r.organization_id = ANY (ARRAY(""" + OrganizationLinks.lineageIds() + """
                ))
                ORDER BY r.year DESC, r.published_at DESC, r.campaign_id DESC, r.organization_id""",
                OrganizationLinks.lineageParameters(organizationId),
                row -> history(row, lineage.get(row.getLong("organization_id")),
                        counts.of(row.getLong("campaign_id"), row.getInt("revision"))));
        Sql.Rows rows = sql.together(List.of(organization, lineageChain, history));
        return rows.one(organization).map(found -> new OrganizationHistory(found, rows.of(history)));
    }

    /** The history's columns and joins, without its WHERE and ORDER BY. */
    private static final String HISTORY = """
                SELECT r.organization_id, r.name, r.campaign_id, r.title, r.year, r.published_at, r.type, r.oktmo, m.name AS municipality,
                       r.k1, r.k2, r.k3, r.k4, r.k5, r.total, r.place_region, r.place_type, r.place_municipality,
                       r.respondents, r.total_computed, r.total_check, r.zero_rule_indicators,
                       r.methodology_code, (SELECT ms.scale FROM methodology ms WHERE ms.code = r.methodology_code) AS scale,
                       r.revision,
                       """ + ResultTable.INDICATOR_COLUMNS + """
                       ,
                       p.campaign_id AS previous_campaign_id, p.year AS previous_year, p.total AS previous_total,
                       p.k1 AS previous_k1, p.k2 AS previous_k2, p.k3 AS previous_k3, p.k4 AS previous_k4,
                       p.k5 AS previous_k5, p.methodology_code AS previous_methodology_code, """ + ResultGroups.COLUMNS + """
                """ + PUBLISHED + """
                 LEFT JOIN municipality m ON m.oktmo = r.oktmo
                """ + ResultTable.INDICATORS + ResultGroups.JOIN + """
                 LEFT JOIN LATERAL (
                     SELECT pr.campaign_id, pr.year, pr.total, pr.k1, pr.k2, pr.k3, pr.k4, pr.k5, pr.methodology_code
                     FROM published_result pr
                     WHERE pr.organization_id = r.organization_id AND pr.type = r.type AND pr.year < r.year
                     ORDER BY pr.year DESC, pr.published_at DESC, pr.campaign_id DESC
                     LIMIT 1) p ON true
            """;

    /** Statistics by year and type over the region's published campaigns, years ascending. */
    @Transactional(readOnly = true)
    public List<YearStatistics> statistics(String regionCode, Integer year, String type) {
        // One row per methodology as well: means of different scales (percent, points) are never mixed.
        StringBuilder select = new StringBuilder("SELECT r.year, r.type, r.methodology_code, m.scale, count(DISTINCT r.campaign_id) AS campaigns, count(*) AS n");
        for (String column : List.of("total", "k1", "k2", "k3", "k4", "k5")) {
            // summed in one fixed order, so the JSON and the CSV of a statistic carry the same double
            select.append(", avg(r.").append(column).append(" ORDER BY r.organization_id, r.campaign_id) AS ").append(column).append("_mean")
                    .append(", min(r.").append(column).append(") AS ").append(column).append("_min")
                    .append(", max(r.").append(column).append(") AS ").append(column).append("_max");
        }
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE r.region_code = ?");
        parameters.add(regionCode);
        if (year != null) {
            where.append(" AND r.year = ?");
            parameters.add(year);
        }
        if (type != null) {
            where.append(" AND r.type = ?");
            parameters.add(type);
        }
        return sql.list(select + PUBLISHED + " JOIN methodology m ON m.code = r.methodology_code" + where
                        + " GROUP BY r.year, r.type, r.methodology_code, m.scale ORDER BY r.year, r.type, r.methodology_code",
                parameters, RatingQueries::statistics);
    }

    /** Per organization and year the published result (the latest published one if a year has two). */
    @Transactional(readOnly = true)
    public List<YearResult> yearResults(List<Long> organizationIds) {
        return sql.jdbc().prepareStatement("""
                SELECT DISTINCT ON (r.organization_id, r.year)
                       r.organization_id, r.year, r.campaign_id, r.type, r.k1, r.k2, r.k3, r.k4, r.k5, r.total,
                       r.total_computed, r.total_check, r.place_region, r.place_type, r.place_municipality,
                       r.zero_rule_indicators, r.methodology_code
                """ + PUBLISHED + """
                WHERE r.organization_id = ANY (?)
                ORDER BY r.organization_id, r.year, r.published_at DESC, r.campaign_id DESC""", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", organizationIds.toArray()));
            List<YearResult> results = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    results.add(new YearResult(row.getLong("organization_id"), row.getInt("year"),
                            row.getLong("campaign_id"), row.getString("type"), ResultTable.criteria(row, ""),
                            row.getDouble("total"), row.getDouble("total_computed"), row.getString("total_check"),
                            Sql.nullableInt(row, "place_region"), Sql.nullableInt(row, "place_type"),
                            Sql.nullableInt(row, "place_municipality"), ResultTable.zeroRuleIndicators(row),
                            row.getString("methodology_code")));
                }
            }
            return results;
        });
    }

    private static HistoryRow history(ResultSet row, HistoryRow.Lineage lineage, RevisionCounts.Counts counts)
            throws SQLException {
        String oktmo = row.getString("oktmo");
        Long previousCampaign = row.getObject("previous_campaign_id") == null ? null : row.getLong("previous_campaign_id");
        return new HistoryRow(row.getLong("campaign_id"), row.getString("title"), row.getInt("year"),
                row.getObject("published_at", OffsetDateTime.class), row.getString("type"), row.getString("oktmo"),
                row.getString("municipality"), ResultTable.criteria(row, ""), row.getDouble("total"),
                row.getDouble("total_computed"), row.getString("total_check"),
                Sql.nullableInt(row, "place_region"), Sql.nullableInt(row, "place_type"),
                Sql.nullableInt(row, "place_municipality"), counts.all(), counts.ofType(row.getString("type")),
                oktmo == null ? null : counts.inMunicipality(oktmo), Sql.nullableInt(row, "respondents"),
                ResultTable.indicators(row), ResultTable.zeroRuleIndicators(row), ResultTable.indicatorMismatches(row), previousCampaign, Sql.nullableInt(row, "previous_year"),
                previousCampaign == null ? null : ResultTable.criteria(row, "previous_"),
                Sql.nullableDouble(row, "previous_total"), ResultGroups.read(row), row.getLong("organization_id"), row.getString("name"), lineage,
                row.getString("methodology_code"), row.getString("scale"), row.getString("previous_methodology_code"));
    }

    private static YearStatistics statistics(ResultSet row) throws SQLException {
        List<YearStatistics.Aggregate> criteria = new ArrayList<>(5);
        for (int i = 1; i <= 5; i++) {
            criteria.add(aggregate(row, "k" + i));
        }
        return new YearStatistics(row.getInt("year"), row.getString("type"), row.getInt("campaigns"), row.getInt("n"),
                aggregate(row, "total"), criteria, row.getString("methodology_code"), row.getString("scale"));
    }

    /** Null when no organization of the group has the criterion (K3 before 2019). */
    private static YearStatistics.Aggregate aggregate(ResultSet row, String column) throws SQLException {
        Double mean = Sql.nullableDouble(row, column + "_mean");
        return mean == null ? null : new YearStatistics.Aggregate(mean, row.getDouble(column + "_min"),
                row.getDouble(column + "_max"));
    }
}
