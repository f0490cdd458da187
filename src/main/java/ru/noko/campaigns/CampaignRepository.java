package ru.noko.campaigns;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.catalog.OrganizationType;
import ru.noko.platform.database.Sql;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

@Singleton
public class CampaignRepository {

    private final Sql sql;

    public CampaignRepository(Sql sql) {
        this.sql = sql;
    }

    @Transactional
    public long createDraft(CampaignDraft draft) {
        return sql.jdbc().prepareStatement("""
                INSERT INTO campaign (region_code, year, title, types, methodology_code, denominator_variant, zero_rule,
                                      operator_name, started_on, finished_on, council_protocol, demo,
                                      regional_order_number, regional_order_date, survey_started_on, survey_finished_on,
                                      bus_gov_deadline)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""", statement -> {
            Array types = statement.getConnection().createArrayOf("text",
                    draft.types().stream().map(OrganizationType::code).toArray());
            statement.setString(1, draft.regionCode());
            statement.setInt(2, draft.year());
            statement.setString(3, draft.title());
            statement.setArray(4, types);
            statement.setString(5, draft.methodologyCode());
            statement.setString(6, draft.settings().variant().code());
            statement.setString(7, draft.settings().zeroRule().code());
            statement.setString(8, draft.operatorName());
            statement.setDate(9, date(draft.startedOn()));
            statement.setDate(10, date(draft.finishedOn()));
            statement.setString(11, draft.councilProtocol());
            statement.setBoolean(12, draft.demo());
            CampaignFacts facts = draft.facts();
            statement.setString(13, facts.regionalOrderNumber());
            statement.setDate(14, date(facts.regionalOrderDate()));
            statement.setDate(15, date(facts.surveyStartedOn()));
            statement.setDate(16, date(facts.surveyFinishedOn()));
            statement.setDate(17, date(facts.busGovDeadline()));
            try (var keys = statement.executeQuery()) {
                keys.next();
                return keys.getLong(1);
            }
        });
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    /** The facts columns of a campaign row (the table or the published_campaign view). */
    static CampaignFacts facts(ResultSet row) throws SQLException {
        return new CampaignFacts(row.getString("regional_order_number"), row.getObject("regional_order_date", LocalDate.class),
                row.getObject("survey_started_on", LocalDate.class), row.getObject("survey_finished_on", LocalDate.class),
                row.getObject("bus_gov_deadline", LocalDate.class));
    }

    @Transactional(readOnly = true)
    public long count() {
        return sql.count("SELECT count(*) FROM campaign", List.of());
    }

    private static final String SELECT = """
            SELECT c.*, g.okato_code,
                   (SELECT count(*) FROM campaign_revision cr WHERE cr.campaign_id = c.id) AS revisions
            FROM campaign c JOIN region g ON g.code = c.region_code""";

    @Transactional(readOnly = true)
    public Optional<Campaign> find(long id) {
        return sql.one(SELECT + " WHERE c.id = ?", List.of(id), CampaignRepository::campaign);
    }

    /** The campaign, its row locked until the transaction ends (publish, retract). */
    @Transactional
    public Optional<Campaign> lock(long id) {
        sql.one("SELECT id FROM campaign WHERE id = ? FOR UPDATE", List.of(id), row -> row.getLong(1));
        return find(id);
    }

    /**
     * Campaigns, newest first, drafts included.
     *
     * @param regions only these regions (null: every region)
     */
    @Transactional(readOnly = true)
    public ru.noko.platform.web.Page<Campaign> list(List<String> regions, String region, String status,
                                                  ru.noko.platform.web.PageRequest page) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE true");
        if (regions != null) {
            where.append(" AND c.region_code = ANY (?::text[])");
            parameters.add("{" + String.join(",", regions) + "}");
        }
        if (region != null) {
            where.append(" AND c.region_code = ?");
            parameters.add(region);
        }
        if (status != null) {
            where.append(" AND c.status = ?");
            parameters.add(status);
        }
        long total = sql.count("SELECT count(*) FROM campaign c" + where, parameters);
        parameters.add(page.perPage());
        parameters.add(page.offset());
        List<Campaign> rows = sql.list(SELECT + where + " ORDER BY c.id DESC LIMIT ? OFFSET ?", parameters,
                CampaignRepository::campaign);
        return new ru.noko.platform.web.Page<>(rows, total, page);
    }

    /** Marks a published campaign retracted; must run in the retracting transaction. */
    public void retract(long id, String reason) {
        sql.update("UPDATE campaign SET status = 'retracted', retracted_at = now(), retraction_reason = ? WHERE id = ?",
                List.of(reason, id));
    }

    private static Campaign campaign(ResultSet row) throws SQLException {
        Array types = row.getArray("types");
        List<OrganizationType> typeList = types == null ? List.of() : Arrays.stream((Object[]) types.getArray())
                .map(code -> OrganizationType.fromCode(String.valueOf(code)).orElseThrow()).toList();
        return new Campaign(row.getLong("id"), row.getString("region_code"), row.getString("okato_code"), row.getInt("year"),
                row.getString("title"), typeList, row.getString("methodology_code"), row.getString("denominator_variant"),
                row.getString("zero_rule"), row.getString("operator_name"), row.getObject("started_on", LocalDate.class),
                row.getObject("finished_on", LocalDate.class), row.getString("council_protocol"), facts(row), row.getString("status"),
                row.getObject("published_revision", Integer.class), row.getObject("published_at", OffsetDateTime.class),
                row.getObject("retracted_at", OffsetDateTime.class), row.getString("retraction_reason"),
                row.getBoolean("demo"), row.getInt("revisions"));
    }

}
