package ru.noko.widgets;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.campaigns.results.RevisionCounts;
import ru.noko.catalog.OrganizationType;
import ru.noko.catalog.SearchText;
import ru.noko.platform.database.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads what the widgets show, through the published_campaign and published_result views: drafts,
 * retracted campaigns and superseded revisions never appear in a widget.
 */
@Singleton
public class WidgetRepository {

    private static final String CAMPAIGN_COLUMNS = "c.id AS campaign_id, c.title, c.year, c.published_at, c.methodology_code, c.demo AS campaign_demo, c.published_revision";

    private final Sql sql;
    private final RevisionCounts counts;

    WidgetRepository(Sql sql, RevisionCounts counts) {
        this.sql = sql;
        this.counts = counts;
    }

    /**
     * The card of an organization: the result of {@code campaignId}, else of its latest campaign.
     * Its identity, its history and the shown result go to the database at once.
     */
    @Transactional(readOnly = true)
    public Optional<WidgetData.Card> card(long organizationId, Long campaignId) {
        Sql.Query<WidgetData.Organization> organizationQuery = new Sql.Query<>("""
                SELECT o.id, o.name, o.short_name, o.type, o.website, m.name AS municipality, g.demo, o.region_code
                FROM organization o JOIN region g ON g.code = o.region_code
                LEFT JOIN municipality m ON m.oktmo = o.oktmo
                WHERE o.id = ?""", List.of(organizationId),
                row -> new WidgetData.Organization(row.getLong("id"),
                row.getString("name"), row.getString("short_name"), type(row.getString("type")),
                row.getString("municipality"), row.getString("website"), row.getBoolean("demo"),
                row.getString("region_code")));
        Sql.Query<WidgetData.Summary> historyQuery = new Sql.Query<>("""
                SELECT r.campaign_id, r.year, r.published_at, r.total, r.methodology_code
                FROM published_result r
                WHERE r.organization_id = ?
                ORDER BY r.year DESC, r.published_at DESC, r.campaign_id DESC""", List.of(organizationId),
                row -> new WidgetData.Summary(row.getLong("campaign_id"), row.getInt("year"),
                        row.getObject("published_at", OffsetDateTime.class), row.getDouble("total"),
                        row.getString("methodology_code")));
        // the counts read the shown row's revision (RevisionCounts); the latest campaign is the history's first
        Sql.Query<WidgetData.Result> shownQuery = new Sql.Query<>("""
                SELECT r.campaign_id, r.title, r.year, r.published_at, r.methodology_code, r.demo AS campaign_demo,
                       r.revision AS published_revision, r.name, r.type, r.oktmo, m.name AS municipality,
                       r.k1, r.k2, r.k3, r.k4, r.k5, r.total, r.total_computed, r.total_check,
                       r.place_region, r.place_type, r.place_municipality, r.zero_rule_indicators,
                       (SELECT zero_rule FROM published_campaign c WHERE c.id = r.campaign_id) AS zero_rule
                FROM published_result r
                LEFT JOIN municipality m ON m.oktmo = r.oktmo
                WHERE r.organization_id = ? AND r.campaign_id = COALESCE(?::bigint, (
                    SELECT l.campaign_id FROM published_result l WHERE l.organization_id = ?
                    ORDER BY l.year DESC, l.published_at DESC, l.campaign_id DESC LIMIT 1))""",
                Arrays.asList(organizationId, campaignId, organizationId), this::result);
        Sql.Rows rows = sql.together(List.of(organizationQuery, historyQuery, shownQuery));
        Optional<WidgetData.Organization> organization = rows.one(organizationQuery);
        if (organization.isEmpty()) {
            return Optional.empty();
        }
        List<WidgetData.Summary> history = rows.of(historyQuery);
        WidgetData.Summary latest = history.isEmpty() ? null : history.get(0);
        Long shownId = campaignId != null ? campaignId : latest == null ? null : latest.campaignId();
        if (shownId == null) {
            return Optional.of(new WidgetData.Card(organization.get(), null, null, null));
        }
        WidgetData.Result shown = rows.one(shownQuery).orElse(null);
        if (shown == null) {
            return Optional.of(new WidgetData.Card(organization.get(), null, null, latest));
        }
        // no change across a change of methodology: the previous cycle is not shown against this one
        WidgetData.Summary previous = history.stream()
                .filter(s -> s.year() < shown.campaign().year())
                .findFirst()
                .filter(s -> s.methodologyCode().equals(shown.campaign().methodologyCode()))
                .orElse(null);
        return Optional.of(new WidgetData.Card(organization.get(), shown, previous, latest));
    }

    @Transactional(readOnly = true)
    public Optional<WidgetData.Municipality> municipality(String oktmo) {
        return sql.one("""
                SELECT m.oktmo, m.name, m.region_code, g.name AS region_name, g.demo
                FROM municipality m JOIN region g ON g.code = m.region_code
                WHERE m.oktmo = ?""", List.of(oktmo), row -> new WidgetData.Municipality(row.getString("oktmo"),
                row.getString("name"), row.getString("region_code"), row.getString("region_name"), row.getBoolean("demo")));
    }

    /**
     * The ranking of a municipality: in {@code campaignId} when given, else in the latest published
     * campaign with results in the municipality (of that year and type, when given).
     */
    @Transactional(readOnly = true)
    public WidgetData.Ranking ranking(WidgetData.Municipality municipality, Long campaignId, Integer year,
                                      OrganizationType type) {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder("c.region_code = ?");
        parameters.add(municipality.regionCode());
        if (campaignId != null) {
            where.append(" AND c.id = ?");
            parameters.add(campaignId);
        }
        if (year != null) {
            where.append(" AND c.year = ?");
            parameters.add(year);
        }
        where.append(" AND EXISTS (SELECT 1 FROM published_result r WHERE r.campaign_id = c.id AND r.oktmo = ?");
        parameters.add(municipality.oktmo());
        if (type != null) {
            where.append(" AND r.type = ?");
            parameters.add(type.code());
        }
        where.append(')');
        WidgetData.Campaign campaign = sql.one("SELECT " + CAMPAIGN_COLUMNS + " FROM published_campaign c WHERE " + where
                        + " ORDER BY c.year DESC, c.published_at DESC, c.id DESC LIMIT 1", parameters,
                WidgetRepository::campaign).orElse(null);
        if (campaign == null) {
            return new WidgetData.Ranking(municipality, null, type, List.of(), 0);
        }
        List<Object> rowParameters = new ArrayList<>(List.of(campaign.id(), campaign.revision(), municipality.oktmo()));
        String typeCondition = "";
        if (type != null) {
            typeCondition = " AND r.type = ?";
            rowParameters.add(type.code());
        }
        List<WidgetData.RankingRow> rows = sql.list("""
                SELECT r.organization_id, r.name, o.short_name, r.type, r.k1, r.k2, r.k3, r.k4, r.k5, r.total, r.place_region,
                       rank() OVER (ORDER BY r.total DESC) AS place
                FROM published_result r JOIN organization o ON o.id = r.organization_id
                WHERE r.campaign_id = ? AND r.revision = ? AND r.oktmo = ?%s
                ORDER BY r.total DESC, r.name, r.organization_id""".formatted(typeCondition), rowParameters,
                row -> new WidgetData.RankingRow(row.getLong("organization_id"), row.getString("name"),
                        row.getString("short_name"), type(row.getString("type")), criteria(row), row.getDouble("total"), row.getInt("place"),
                        Sql.nullableInt(row, "place_region")));
        long countRegion = sql.count("SELECT count(*) FROM published_result WHERE campaign_id = ? AND revision = ?",
                List.of(campaign.id(), campaign.revision()));
        return new WidgetData.Ranking(municipality, campaign, type, rows, (int) countRegion);
    }

    /** Organizations whose name has every word of {@code text} (case-insensitive, ё = е). */
    @Transactional(readOnly = true)
    public List<WidgetData.Found> search(String text, int limit) {
        List<Object> parameters = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        for (String word : SearchText.fold(text).split(" ")) {
            if (!word.isEmpty()) {
                conditions.add("o.search_name LIKE ? ESCAPE '\\'");
                parameters.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        if (conditions.isEmpty()) {
            return List.of();
        }
        parameters.add(limit);
        return sql.list("""
                SELECT o.id, o.name, o.short_name, o.type, o.oktmo, m.name AS municipality, g.name AS region_name, g.demo,
                       (SELECT max(r.year) FROM published_result r WHERE r.organization_id = o.id) AS latest_year
                FROM organization o JOIN region g ON g.code = o.region_code
                LEFT JOIN municipality m ON m.oktmo = o.oktmo
                WHERE %s
                ORDER BY g.demo, o.name, o.id LIMIT ?""".formatted(String.join(" AND ", conditions)),
                parameters, row -> new WidgetData.Found(row.getLong("id"), row.getString("name"),
                        row.getString("short_name"), type(row.getString("type")), row.getString("municipality"),
                        row.getString("oktmo"), row.getString("region_name"), row.getBoolean("demo"),
                        Sql.nullableInt(row, "latest_year")));
    }

    @Transactional(readOnly = true)
    public Optional<WidgetData.Found> found(long organizationId) {
        return sql.one("""
                SELECT o.id, o.name, o.short_name, o.type, o.oktmo, m.name AS municipality, g.name AS region_name, g.demo,
                       (SELECT max(r.year) FROM published_result r WHERE r.organization_id = o.id) AS latest_year
                FROM organization o JOIN region g ON g.code = o.region_code
                LEFT JOIN municipality m ON m.oktmo = o.oktmo
                WHERE o.id = ?""", List.of(organizationId),
                row -> new WidgetData.Found(row.getLong("id"), row.getString("name"),
                        row.getString("short_name"), type(row.getString("type")), row.getString("municipality"),
                        row.getString("oktmo"), row.getString("region_name"), row.getBoolean("demo"),
                        Sql.nullableInt(row, "latest_year")));
    }

    private static WidgetData.Campaign campaign(ResultSet row) throws SQLException {
        return new WidgetData.Campaign(row.getLong("campaign_id"), row.getString("title"), row.getInt("year"),
                row.getObject("published_at", OffsetDateTime.class), row.getString("methodology_code"),
                row.getBoolean("campaign_demo"), row.getInt("published_revision"));
    }

    private WidgetData.Result result(ResultSet row) throws SQLException {
        RevisionCounts.Counts ranked = counts.of(row.getLong("campaign_id"), row.getInt("published_revision"));
        return new WidgetData.Result(campaign(row), row.getString("name"), type(row.getString("type")),
                row.getString("oktmo"), row.getString("municipality"), criteria(row), row.getDouble("total"),
                row.getDouble("total_computed"), row.getString("total_check"), Sql.nullableInt(row, "place_region"), Sql.nullableInt(row, "place_type"),
                Sql.nullableInt(row, "place_municipality"), ranked.all(), ranked.ofType(row.getString("type")),
                ranked.inMunicipality(row.getString("oktmo")), zeroRuleIndicators(row), row.getString("zero_rule"));
    }

    private static List<String> zeroRuleIndicators(ResultSet row) throws SQLException {
        java.sql.Array codes = row.getArray("zero_rule_indicators");
        return codes == null ? List.of() : List.of((String[]) codes.getArray());
    }

    private static List<Double> criteria(ResultSet row) throws SQLException {
        // null: a criterion the campaign's methodology does not have (K3 before 2019)
        return java.util.Arrays.asList(Sql.nullableDouble(row, "k1"), Sql.nullableDouble(row, "k2"),
                Sql.nullableDouble(row, "k3"), Sql.nullableDouble(row, "k4"), Sql.nullableDouble(row, "k5"));
    }

    private static OrganizationType type(String code) {
        return OrganizationType.fromCode(code).orElseThrow(() -> new IllegalStateException("unknown type " + code));
    }
}
