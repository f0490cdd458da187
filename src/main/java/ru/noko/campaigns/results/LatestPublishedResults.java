package ru.noko.campaigns.results;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.catalog.LatestResults;
import ru.noko.catalog.PublishedResult;
import ru.noko.platform.database.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Results of published (not draft, not retracted) campaigns, at their published revision. */
@Singleton
class LatestPublishedResults implements LatestResults {

    private final Sql sql;

    LatestPublishedResults(Sql sql) {
        this.sql = sql;
    }

    @Transactional(readOnly = true)
    @Override
    public Optional<PublishedResult> findLatest(long organizationId) {
        Sql.Query<PublishedResult> query = latest(organizationId);
        return sql.one(query.sql(), query.parameters(), query.mapper());
    }

    @Override
    public Sql.Query<PublishedResult> latest(long organizationId) {
        return new Sql.Query<>("""
                SELECT r.campaign_id, r.title, r.year, r.published_at, r.k1, r.k2, r.k3, r.k4, r.k5, r.total,
                       r.total_computed, r.total_check, r.zero_rule_indicators, r.place_region, r.place_type, r.place_municipality, r.respondents,
                       r.methodology_code, %s
                FROM published_result r
                %s
                WHERE r.organization_id = ?
                ORDER BY r.year DESC, r.published_at DESC
                LIMIT 1""".formatted(ResultGroups.COLUMNS, ResultGroups.JOIN), List.of(organizationId), LatestPublishedResults::result);
    }

    private static PublishedResult result(ResultSet row) throws SQLException {
        return new PublishedResult(row.getLong("campaign_id"), row.getString("title"), row.getInt("year"),
                row.getObject("published_at", OffsetDateTime.class),
                ResultTable.criteria(row, ""),
                row.getDouble("total"), row.getDouble("total_computed"), row.getString("total_check"),
                Sql.nullableInt(row, "place_region"), Sql.nullableInt(row, "place_type"),
                Sql.nullableInt(row, "place_municipality"), Sql.nullableInt(row, "respondents"),
                ResultTable.zeroRuleIndicators(row), ResultGroups.read(row), row.getString("methodology_code"));
    }
}
