package ru.noko.campaigns;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.platform.database.Sql;
import ru.noko.platform.web.Page;
import ru.noko.platform.web.PageRequest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The public read side of campaigns: drafts never, retracted ones only by id. */
@Singleton
public class CampaignQueries {

    /**
     * Campaigns with the types they assessed (as declared, or as found in their results) and the
     * number of organizations assessed. {@code %1$s} is the campaign rows read, {@code %2$s} their
     * result rows.
     */
    private static final String FROM = """
             FROM (SELECT c.*,
                          CASE WHEN cardinality(c.types) > 0 THEN c.types
                               ELSE ARRAY(SELECT DISTINCT x.type FROM %2$s ORDER BY 1) END AS effective_types,
                          (SELECT count(*) FROM %2$s) AS organizations_count
                   FROM %1$s c) c
             JOIN region g ON g.code = c.region_code
            """;
    /** What lists show: published campaigns with their published results. */
    private static final String PUBLISHED = FROM.formatted("published_campaign",
            "published_result x WHERE x.campaign_id = c.id");
    /**
     * The page of one campaign, which a retracted campaign keeps: its own row, with the types and
     * size of the revision it had published.
     */
    private static final String PUBLISHED_OR_RETRACTED = FROM.formatted("campaign",
            "result x WHERE x.campaign_id = c.id AND x.revision = c.published_revision");
    private static final String COLUMNS = """
            SELECT c.id, c.region_code, g.name AS region_name, c.year, c.title, c.effective_types,
                   c.methodology_code, c.denominator_variant, c.zero_rule, c.operator_name, c.started_on,
                   c.finished_on, c.council_protocol, c.regional_order_number, c.regional_order_date,
                   c.survey_started_on, c.survey_finished_on, c.bus_gov_deadline, c.status, c.published_revision,
                   c.published_at, c.retracted_at, c.retraction_reason, c.demo, c.organizations_count
            """;
    private static final String ORDER = " ORDER BY c.year DESC, c.region_code, c.id";

    private final Sql sql;

    public CampaignQueries(Sql sql) {
        this.sql = sql;
    }

    @Transactional(readOnly = true)
    public Page<PublishedCampaign> findPublished(CampaignFilter filter, PageRequest page) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        return sql.page("SELECT count(*)" + PUBLISHED + where, COLUMNS + PUBLISHED + where + ORDER, parameters, page,
                CampaignQueries::campaign);
    }

    /** Every published campaign matching the filter, latest year first (a region has a handful). */
    @Transactional(readOnly = true)
    public List<PublishedCampaign> findAllPublished(CampaignFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String where = where(filter, parameters);
        return sql.list(COLUMNS + PUBLISHED + where + ORDER, parameters, CampaignQueries::campaign);
    }

    /** A published or retracted campaign; drafts are not public. */
    @Transactional(readOnly = true)
    public Optional<PublishedCampaign> findPublic(long id) {
        return sql.one(COLUMNS + PUBLISHED_OR_RETRACTED + " WHERE c.id = ? AND c.status IN ('published', 'retracted')",
                List.of(id), CampaignQueries::campaign);
    }

    /** The region's retracted campaigns, latest year first, with the size of the revision they had published. */
    @Transactional(readOnly = true)
    public List<PublishedCampaign> findRetracted(String regionCode) {
        return sql.list(COLUMNS + PUBLISHED_OR_RETRACTED + " WHERE c.status = 'retracted' AND c.region_code = ?" + ORDER,
                List.of(regionCode), CampaignQueries::campaign);
    }

    /** The retracted campaigns whose published revision had a result of the organization, latest year first. */
    @Transactional(readOnly = true)
    public List<PublishedCampaign> findRetractedWith(long organizationId) {
        return sql.list(COLUMNS + PUBLISHED_OR_RETRACTED + """
                 WHERE c.status = 'retracted' AND EXISTS (SELECT 1 FROM result r WHERE r.campaign_id = c.id
                       AND r.revision = c.published_revision AND r.organization_id = ?)""" + ORDER,
                List.of(organizationId), CampaignQueries::campaign);
    }

    /**
     * The raw inputs (canonical names → counts) an organization's result in a published campaign
     * was computed from, in the order the revision names them; empty when the campaign was uploaded
     * at the results level (the operator published values only).
     */
    @Transactional(readOnly = true)
    public Map<String, Long> publishedRawInputs(long campaignId, long organizationId) {
        Map<String, Long> inputs = new LinkedHashMap<>();
        sql.list("""
                SELECT u.name, u.value
                FROM published_campaign c
                JOIN result r ON r.campaign_id = c.id AND r.revision = c.published_revision
                JOIN campaign_revision cr ON cr.campaign_id = r.campaign_id AND cr.revision = r.revision
                CROSS JOIN LATERAL unnest(cr.raw_input_names, r.raw_values) WITH ORDINALITY AS u (name, value, ord)
                WHERE c.id = ? AND r.organization_id = ? AND u.name IS NOT NULL AND u.value IS NOT NULL
                ORDER BY u.ord""", List.of(campaignId, organizationId),
                row -> Map.entry(row.getString("name"), row.getLong("value")))
                .forEach(e -> inputs.put(e.getKey(), e.getValue()));
        return inputs;
    }

    private static String where(CampaignFilter filter, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.region() != null) {
            conditions.add("c.region_code = ?");
            parameters.add(filter.region());
        }
        if (filter.year() != null) {
            conditions.add("c.year = ?");
            parameters.add(filter.year());
        }
        if (filter.type() != null) {
            conditions.add("? = ANY (c.effective_types)");
            parameters.add(filter.type());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static PublishedCampaign campaign(ResultSet row) throws SQLException {
        String[] types = (String[]) row.getArray("effective_types").getArray();
        return new PublishedCampaign(row.getLong("id"), row.getString("region_code"), row.getString("region_name"),
                row.getInt("year"), row.getString("title"), List.copyOf(Arrays.asList(types)),
                row.getString("methodology_code"), row.getString("denominator_variant"), row.getString("zero_rule"),
                row.getString("operator_name"), row.getObject("started_on", LocalDate.class),
                row.getObject("finished_on", LocalDate.class), row.getString("council_protocol"),
                CampaignRepository.facts(row), row.getString("status"), Sql.nullableInt(row, "published_revision"),
                row.getObject("published_at", OffsetDateTime.class), row.getObject("retracted_at", OffsetDateTime.class),
                row.getString("retraction_reason"), row.getBoolean("demo"), row.getInt("organizations_count"));
    }
}
