package ru.noko.busgov;

import jakarta.inject.Singleton;
import ru.noko.methodology.CalculationSettings;
import ru.noko.methodology.DenominatorVariant;
import ru.noko.methodology.RawInputs;
import ru.noko.methodology.ZeroDenominatorRule;
import ru.noko.platform.database.Sql;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads what the export needs. Callers own the transaction ({@link BusGovExport} reads everything
 * in one read-only REPEATABLE READ transaction, so the archive is one consistent snapshot). The
 * campaign and its rows come from the published_campaign and published_result views, so nothing
 * but a published revision is ever exported; a row's indicator values and raw inputs are read by
 * that revision.
 */
@Singleton
class BusGovData {

    private final Sql sql;

    BusGovData(Sql sql) {
        this.sql = sql;
    }

    void allowLongStatements() {
        sql.allowLongStatements();
    }

    /** Any campaign, drafts and retracted ones included: the caller tells them apart. */
    Optional<CampaignState> state(long campaignId) {
        return sql.one("SELECT id, region_code, status, published_revision FROM campaign WHERE id = ?",
                List.of(campaignId), row -> new CampaignState(row.getLong("id"), row.getString("region_code"),
                        row.getString("status"), Sql.nullableInt(row, "published_revision")));
    }

    ExportedCampaign campaign(long campaignId, int revision) {
        return sql.one("""
                SELECT c.id, c.title, c.region_code, g.name AS region_name, c.year, c.methodology_code,
                       c.denominator_variant, c.zero_rule, c.operator_name, c.council_protocol, c.demo,
                       coalesce(cr.published_at, c.published_at) AS published_at
                FROM published_campaign c
                JOIN region g ON g.code = c.region_code
                JOIN campaign_revision cr ON cr.campaign_id = c.id AND cr.revision = ?
                WHERE c.id = ? AND c.published_revision = ?""", List.of(revision, campaignId, revision), row -> new ExportedCampaign(
                row.getLong("id"), revision, row.getString("title"), row.getString("region_code"),
                row.getString("region_name"), row.getInt("year"), row.getObject("published_at", OffsetDateTime.class),
                row.getString("methodology_code"),
                new CalculationSettings(DenominatorVariant.fromCode(row.getString("denominator_variant")).orElseThrow(),
                        ZeroDenominatorRule.fromCode(row.getString("zero_rule")).orElseThrow()),
                row.getString("operator_name"), row.getString("council_protocol"), row.getBoolean("demo")))
                .orElseThrow(() -> new IllegalStateException("Campaign " + campaignId + " has no published revision " + revision));
    }

    /** Every organization of the revision in rating order (place in the campaign, then ИНН and КПП). */
    List<OrganizationResult> results(long campaignId, int revision, List<String> criterionFields) {
        Map<Long, Map<String, OrganizationResult.IndicatorValue>> indicators = indicators(campaignId, revision);
        Map<Long, RawInputs> inputs = rawInputs(campaignId, revision);
        return sql.list("""
                SELECT r.organization_id, o.inn, o.kpp, o.ogrn, o.bus_reg_num, r.oktmo, m.name AS municipality,
                       r.name, r.type, r.k1, r.k2, r.k3, r.k4, r.k5, r.total, r.total_computed, r.total_check, r.published_total,
                       r.place_region, r.place_type, r.place_municipality, r.respondents
                FROM published_result r
                JOIN organization o ON o.id = r.organization_id
                LEFT JOIN municipality m ON m.oktmo = r.oktmo
                WHERE r.campaign_id = ? AND r.revision = ?
                ORDER BY r.place_region NULLS LAST, o.inn, o.kpp""", List.of(campaignId, revision), row -> {
            long id = row.getLong("organization_id");
            Map<String, Double> criteria = new LinkedHashMap<>();
            for (String field : criterionFields) {
                criteria.put(field, row.getDouble(field));
            }
            return new OrganizationResult(id, row.getString("inn"), row.getString("kpp"), row.getString("ogrn"),
                    row.getString("bus_reg_num"), row.getString("oktmo"), row.getString("municipality"),
                    row.getString("name"), row.getString("type"), criteria, row.getDouble("total"),
                    row.getDouble("total_computed"), row.getString("total_check"), Sql.nullableDouble(row, "published_total"), Sql.nullableInt(row, "place_region"),
                    Sql.nullableInt(row, "place_type"), Sql.nullableInt(row, "place_municipality"),
                    Sql.nullableInt(row, "respondents"), indicators.getOrDefault(id, Map.of()), inputs.get(id));
        });
    }

    private record IndicatorRow(long organizationId, String code, OrganizationResult.IndicatorValue value) {
    }

    private record InputRow(long organizationId, String name, long value) {
    }

    private Map<Long, Map<String, OrganizationResult.IndicatorValue>> indicators(long campaignId, int revision) {
        Map<Long, Map<String, OrganizationResult.IndicatorValue>> byOrganization = new HashMap<>();
        sql.list("""
                SELECT organization_id, indicator_code, value, zero_rule_applied
                FROM indicator_value WHERE campaign_id = ? AND revision = ?""", List.of(campaignId, revision),
                row -> new IndicatorRow(row.getLong("organization_id"), row.getString("indicator_code"),
                        new OrganizationResult.IndicatorValue(Sql.nullableDouble(row, "value"),
                                row.getBoolean("zero_rule_applied"))))
                .forEach(r -> byOrganization.computeIfAbsent(r.organizationId(), k -> new TreeMap<>()).put(r.code(), r.value()));
        return byOrganization;
    }

    /** jsonb objects of counts, unpacked by PostgreSQL; values that are not whole numbers are ignored. */
    private Map<Long, RawInputs> rawInputs(long campaignId, int revision) {
        Map<Long, Map<String, Long>> counts = new HashMap<>();
        sql.list("""
                SELECT ri.organization_id, e.key, e.value
                FROM raw_input ri, jsonb_each_text(ri.inputs) e
                WHERE ri.campaign_id = ? AND ri.revision = ? AND e.value ~ '^[0-9]{1,18}$'""",
                List.of(campaignId, revision),
                row -> new InputRow(row.getLong("organization_id"), row.getString("key"), Long.parseLong(row.getString("value"))))
                .forEach(r -> counts.computeIfAbsent(r.organizationId(), k -> new HashMap<>()).put(r.name(), r.value()));
        Map<Long, RawInputs> inputs = new HashMap<>();
        counts.forEach((id, values) -> inputs.put(id, new RawInputs(values)));
        return inputs;
    }
}
