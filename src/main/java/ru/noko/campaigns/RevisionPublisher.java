package ru.noko.campaigns;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.catalog.SearchText;
import ru.noko.methodology.Assessment;
import ru.noko.platform.database.DataVersion;
import ru.noko.platform.database.Sql;
import ru.noko.platform.web.PublicCache;
import ru.noko.ratings.PlaceRanking;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes computed results as a new revision of a campaign and publishes it, all in one
 * transaction: readers see the previous state or the new one, never a mix.
 */
@Singleton
public class RevisionPublisher {

    private final Sql sql;
    private final PlaceRanking places;
    private final DataVersion dataVersion;
    private final PublicCache publicCache;

    public RevisionPublisher(Sql sql, PlaceRanking places, DataVersion dataVersion, PublicCache publicCache) {
        this.sql = sql;
        this.places = places;
        this.dataVersion = dataVersion;
        this.publicCache = publicCache;
    }

    /**
     * @param publishedAt when the results became public (now, or the original date of historical data)
     * @return the number of the published revision
     */
    @Transactional
    public int publish(long campaignId, String regionCode, String inputLevel, String sourceName,
                       List<ComputedResult> results, OffsetDateTime publishedAt) {
        int revision = sql.one("SELECT coalesce(max(revision), 0) + 1 FROM campaign_revision WHERE campaign_id = ?",
                List.of(campaignId), row -> row.getInt(1)).orElseThrow();
        sql.update("INSERT INTO campaign_revision (campaign_id, revision, input_level, source_name, published_at) VALUES (?, ?, ?, ?, ?)",
                List.of(campaignId, revision, inputLevel, sourceName, publishedAt));
        Map<String, Long> organizationIds = upsertOrganizations(regionCode, results);
        insertResults(campaignId, revision, results, organizationIds);
        places.rank(campaignId, revision);
        sql.update("""
                UPDATE campaign SET status = 'published', published_revision = ?, published_at = ?,
                                    retracted_at = NULL, retraction_reason = NULL
                WHERE id = ?""", List.of(revision, publishedAt, campaignId));
        dataVersion.bump();
        publicCache.invalidateAll(); // takes effect when this transaction commits
        return revision;
    }

    private Map<String, Long> upsertOrganizations(String regionCode, List<ComputedResult> results) {
        Map<String, Long> ids = new HashMap<>();
        for (ComputedResult result : results) {
            OrganizationIdentity o = result.organization();
            long id = sql.one("""
                    INSERT INTO organization (inn, kpp, ogrn, bus_reg_num, name, short_name, type, region_code, oktmo,
                                              address, website, search_name)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (inn, kpp) DO UPDATE SET
                        ogrn = coalesce(excluded.ogrn, organization.ogrn),
                        bus_reg_num = coalesce(excluded.bus_reg_num, organization.bus_reg_num),
                        name = excluded.name,
                        short_name = coalesce(excluded.short_name, organization.short_name),
                        type = excluded.type,
                        oktmo = coalesce(excluded.oktmo, organization.oktmo),
                        address = coalesce(excluded.address, organization.address),
                        website = coalesce(excluded.website, organization.website),
                        search_name = excluded.search_name,
                        updated_at = now()
                    RETURNING id""",
                    java.util.Arrays.asList(o.inn(), o.kpp(), o.ogrn(), o.busRegNum(), o.name(), o.shortName(),
                            o.type().code(), regionCode, o.oktmo(), o.address(), o.website(),
                            SearchText.fold(o.name() + (o.shortName() == null ? "" : " " + o.shortName()))),
                    row -> row.getLong(1)).orElseThrow();
            ids.put(o.inn() + "/" + o.kpp(), id);
        }
        return ids;
    }

    private void insertResults(long campaignId, int revision, List<ComputedResult> results, Map<String, Long> ids) {
        sql.jdbc().execute(connection -> {
            try (PreparedStatement resultRow = connection.prepareStatement("""
                    INSERT INTO result (campaign_id, revision, organization_id, name, type, oktmo, k1, k2, k3, k4, k5,
                                        total, recipients, respondents)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement indicatorRow = connection.prepareStatement("""
                    INSERT INTO indicator_value (campaign_id, revision, organization_id, indicator_code, value, zero_rule_applied)
                    VALUES (?, ?, ?, ?, ?, ?)""");
                 PreparedStatement inputRow = connection.prepareStatement("""
                    INSERT INTO raw_input (campaign_id, revision, organization_id, inputs) VALUES (?, ?, ?, ?::jsonb)""")) {
                for (ComputedResult result : results) {
                    OrganizationIdentity o = result.organization();
                    long organizationId = ids.get(o.inn() + "/" + o.kpp());
                    Assessment assessment = result.assessment();
                    resultRow.setLong(1, campaignId);
                    resultRow.setInt(2, revision);
                    resultRow.setLong(3, organizationId);
                    resultRow.setString(4, o.name());
                    resultRow.setString(5, o.type().code());
                    resultRow.setString(6, o.oktmo());
                    int column = 7;
                    for (Double criterion : assessment.criteria().values()) {
                        resultRow.setDouble(column++, criterion);
                    }
                    resultRow.setDouble(12, assessment.total());
                    setNullableLong(resultRow, 13, result.inputs().has("recipients") ? result.inputs().get("recipients") : null);
                    setNullableLong(resultRow, 14, result.inputs().has("respondents") ? result.inputs().get("respondents") : null);
                    resultRow.addBatch();
                    for (Map.Entry<String, Double> indicator : assessment.indicators().entrySet()) {
                        indicatorRow.setLong(1, campaignId);
                        indicatorRow.setInt(2, revision);
                        indicatorRow.setLong(3, organizationId);
                        indicatorRow.setString(4, indicator.getKey());
                        if (indicator.getValue() == null) {
                            indicatorRow.setNull(5, Types.DOUBLE);
                        } else {
                            indicatorRow.setDouble(5, indicator.getValue());
                        }
                        indicatorRow.setBoolean(6, assessment.zeroDenominatorIndicators().contains(indicator.getKey()));
                        indicatorRow.addBatch();
                    }
                    inputRow.setLong(1, campaignId);
                    inputRow.setInt(2, revision);
                    inputRow.setLong(3, organizationId);
                    inputRow.setString(4, JsonObjects.ofCounts(result.inputs().values()));
                    inputRow.addBatch();
                }
                resultRow.executeBatch();
                indicatorRow.executeBatch();
                inputRow.executeBatch();
            }
            return null;
        });
    }

    private static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }
}
