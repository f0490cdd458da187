package ru.noko.ratings;

import ru.noko.campaigns.results.ResultTable;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.platform.database.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Multi-year reads over published results: an organization's history, regional statistics, comparison. */
@Singleton
public class RatingQueries {

    /** Published results: the published revision of campaigns whose status is 'published'. */
    private static final String PUBLISHED = """
             FROM result r
             JOIN campaign c ON c.id = r.campaign_id AND c.published_revision = r.revision AND c.status = 'published'
            """;

    /** A municipality and the region it belongs to. */
    public record MunicipalityName(String oktmo, String name, String regionCode) {
    }

    /** One year's published result of an organization, for comparisons. */
    public record YearResult(long organizationId, int year, long campaignId, String type, List<Double> criteria,
                             double total, Integer placeRegion, Integer placeType, Integer placeMunicipality) {
    }

    private final Sql sql;

    public RatingQueries(Sql sql) {
        this.sql = sql;
    }

    @Transactional(readOnly = true)
    public Optional<MunicipalityName> findMunicipality(String oktmo) {
        return sql.one("SELECT oktmo, name, region_code FROM municipality WHERE oktmo = ?", List.of(oktmo),
                row -> new MunicipalityName(row.getString("oktmo"), row.getString("name"), row.getString("region_code")));
    }

    /** Every published result of the organization, latest first, each with its previous cycle. */
    @Transactional(readOnly = true)
    public List<HistoryRow> history(long organizationId) {
        return sql.list("""
                SELECT c.id AS campaign_id, c.title, c.year, c.published_at, r.type, r.oktmo, m.name AS municipality,
                       r.k1, r.k2, r.k3, r.k4, r.k5, r.total, r.place_region, r.place_type, r.place_municipality,
                       r.respondents, r.total_computed, r.total_check,
                       (SELECT count(*) FROM result x
                        WHERE x.campaign_id = r.campaign_id AND x.revision = r.revision) AS in_region,
                       (SELECT count(*) FROM result x
                        WHERE x.campaign_id = r.campaign_id AND x.revision = r.revision AND x.type = r.type) AS in_type,
                       CASE WHEN r.oktmo IS NULL THEN NULL
                            ELSE (SELECT count(*) FROM result x WHERE x.campaign_id = r.campaign_id
                                  AND x.revision = r.revision AND x.oktmo = r.oktmo) END AS in_municipality,
                       iv.indicator_codes, iv.indicator_values,
                       p.campaign_id AS previous_campaign_id, p.year AS previous_year, p.total AS previous_total,
                       p.k1 AS previous_k1, p.k2 AS previous_k2, p.k3 AS previous_k3, p.k4 AS previous_k4,
                       p.k5 AS previous_k5
                """ + PUBLISHED + """
                 LEFT JOIN municipality m ON m.oktmo = r.oktmo
                """ + ResultTable.INDICATORS + """
                 LEFT JOIN LATERAL (
                     SELECT pc.id AS campaign_id, pc.year, pr.total, pr.k1, pr.k2, pr.k3, pr.k4, pr.k5
                     FROM result pr
                     JOIN campaign pc ON pc.id = pr.campaign_id AND pc.published_revision = pr.revision
                                     AND pc.status = 'published'
                     WHERE pr.organization_id = r.organization_id AND pr.type = r.type AND pc.year < c.year
                     ORDER BY pc.year DESC, pc.published_at DESC, pc.id DESC
                     LIMIT 1) p ON true
                WHERE r.organization_id = ?
                ORDER BY c.year DESC, c.published_at DESC, c.id DESC""", List.of(organizationId), RatingQueries::history);
    }

    /** Statistics by year and type over the region's published campaigns, years ascending. */
    @Transactional(readOnly = true)
    public List<YearStatistics> statistics(String regionCode, Integer year, String type) {
        StringBuilder select = new StringBuilder("SELECT c.year, r.type, count(DISTINCT c.id) AS campaigns, count(*) AS n");
        for (String column : List.of("total", "k1", "k2", "k3", "k4", "k5")) {
            select.append(", avg(r.").append(column).append(") AS ").append(column).append("_mean")
                    .append(", min(r.").append(column).append(") AS ").append(column).append("_min")
                    .append(", max(r.").append(column).append(") AS ").append(column).append("_max");
        }
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE c.region_code = ?");
        parameters.add(regionCode);
        if (year != null) {
            where.append(" AND c.year = ?");
            parameters.add(year);
        }
        if (type != null) {
            where.append(" AND r.type = ?");
            parameters.add(type);
        }
        return sql.list(select + PUBLISHED + where + " GROUP BY c.year, r.type ORDER BY c.year, r.type",
                parameters, RatingQueries::statistics);
    }

    /** Per organization and year the published result (the latest published one if a year has two). */
    @Transactional(readOnly = true)
    public List<YearResult> yearResults(List<Long> organizationIds) {
        return sql.jdbc().prepareStatement("""
                SELECT DISTINCT ON (r.organization_id, c.year)
                       r.organization_id, c.year, c.id AS campaign_id, r.type, r.k1, r.k2, r.k3, r.k4, r.k5, r.total,
                       r.place_region, r.place_type, r.place_municipality
                """ + PUBLISHED + """
                WHERE r.organization_id = ANY (?)
                ORDER BY r.organization_id, c.year, c.published_at DESC, c.id DESC""", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", organizationIds.toArray()));
            List<YearResult> results = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    results.add(new YearResult(row.getLong("organization_id"), row.getInt("year"),
                            row.getLong("campaign_id"), row.getString("type"), ResultTable.criteria(row, ""),
                            row.getDouble("total"), Sql.nullableInt(row, "place_region"),
                            Sql.nullableInt(row, "place_type"), Sql.nullableInt(row, "place_municipality")));
                }
            }
            return results;
        });
    }

    private static HistoryRow history(ResultSet row) throws SQLException {
        Long previousCampaign = row.getObject("previous_campaign_id") == null ? null : row.getLong("previous_campaign_id");
        return new HistoryRow(row.getLong("campaign_id"), row.getString("title"), row.getInt("year"),
                row.getObject("published_at", OffsetDateTime.class), row.getString("type"), row.getString("oktmo"),
                row.getString("municipality"), ResultTable.criteria(row, ""), row.getDouble("total"),
                row.getDouble("total_computed"), row.getString("total_check"),
                Sql.nullableInt(row, "place_region"), Sql.nullableInt(row, "place_type"),
                Sql.nullableInt(row, "place_municipality"), row.getInt("in_region"), row.getInt("in_type"),
                Sql.nullableInt(row, "in_municipality"), Sql.nullableInt(row, "respondents"),
                ResultTable.indicators(row), previousCampaign, Sql.nullableInt(row, "previous_year"),
                previousCampaign == null ? null : ResultTable.criteria(row, "previous_"),
                Sql.nullableDouble(row, "previous_total"));
    }

    private static YearStatistics statistics(ResultSet row) throws SQLException {
        List<YearStatistics.Aggregate> criteria = new ArrayList<>(5);
        for (int i = 1; i <= 5; i++) {
            criteria.add(aggregate(row, "k" + i));
        }
        return new YearStatistics(row.getInt("year"), row.getString("type"), row.getInt("campaigns"), row.getInt("n"),
                aggregate(row, "total"), criteria);
    }

    private static YearStatistics.Aggregate aggregate(ResultSet row, String column) throws SQLException {
        return new YearStatistics.Aggregate(row.getDouble(column + "_mean"), row.getDouble(column + "_min"),
                row.getDouble(column + "_max"));
    }
}
