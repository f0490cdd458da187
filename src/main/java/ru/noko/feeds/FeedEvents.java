package ru.noko.feeds;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.platform.database.Sql;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The latest events of a scope, newest first, read from where they are recorded (see the package). */
@Singleton
class FeedEvents {

    private static final String EVENTS = """
            WITH event AS (
                SELECT cr.campaign_id, cr.revision, cr.published_at AS at, cr.note AS text, cr.organizations,
                       0::bigint AS retraction_id
                FROM campaign_revision cr
                WHERE cr.published_at IS NOT NULL
                UNION ALL
                SELECT substring(a.target FROM 10)::bigint, (a.details ->> 'revision')::integer, a.at,
                       a.details ->> 'reason', NULL, a.id
                FROM audit_log a
                WHERE a.action = 'campaign.retract' AND a.target ~ '^campaign/[0-9]{1,18}$'
            )
            SELECT e.campaign_id, e.revision, e.at, e.text, e.organizations, e.retraction_id,
                   c.region_code, r.name AS region_name, c.year, c.types, c.title, c.operator_name, c.demo
            FROM event e
            JOIN campaign c ON c.id = e.campaign_id
            JOIN region r ON r.code = c.region_code
            WHERE %s
            ORDER BY e.at DESC, e.campaign_id DESC, e.retraction_id DESC, e.revision DESC
            LIMIT ?""";

    private final Sql sql;

    FeedEvents(Sql sql) {
        this.sql = sql;
    }

    @Transactional(readOnly = true)
    List<FeedEvent> latest(FeedScope scope, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = "true";
        if (scope.regionCode() != null) {
            where = "c.region_code = ?";
            parameters.add(scope.regionCode());
        } else if (scope.organizationId() != null) {
            where = "c.id IN (SELECT DISTINCT campaign_id FROM result WHERE organization_id = ?)";
            parameters.add(scope.organizationId());
        }
        parameters.add(limit);
        return sql.list(EVENTS.formatted(where), parameters, FeedEvents::event);
    }

    private static FeedEvent event(ResultSet row) throws SQLException {
        long retractionId = row.getLong("retraction_id");
        Integer revision = Sql.nullableInt(row, "revision");
        FeedEvent.Kind kind = retractionId != 0 ? FeedEvent.Kind.RETRACTION
                : revision != null && revision > 1 ? FeedEvent.Kind.CORRECTION : FeedEvent.Kind.PUBLICATION;
        Array types = row.getArray("types");
        List<String> typeCodes = types == null ? List.of()
                : Arrays.stream((Object[]) types.getArray()).map(String::valueOf).toList();
        return new FeedEvent(kind, row.getLong("campaign_id"), revision, row.getObject("at", OffsetDateTime.class),
                row.getString("text"), Sql.nullableInt(row, "organizations"), retractionId, row.getString("region_code"),
                row.getString("region_name"), row.getInt("year"), typeCodes, row.getString("title"),
                row.getString("operator_name"), row.getBoolean("demo"));
    }
}
