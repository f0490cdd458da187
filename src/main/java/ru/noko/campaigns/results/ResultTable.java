package ru.noko.campaigns.results;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.platform.database.Sql;
import ru.noko.platform.web.Page;
import ru.noko.platform.web.PageRequest;
import ru.noko.platform.web.PublicSnapshots;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Rows of a published campaign's results table at its published revision: a page for JSON, or
 * every row through a server-side cursor for CSV (constant memory whatever the campaign's size).
 */
@Singleton
public class ResultTable {

    /**
     * Sort key of a name: the organization's folded name (lower case, ё as е, see SearchText) in
     * code point order, the same on every server whatever its locale — as the catalogue sorts.
     */
    static final String NAME_KEY = "o.search_name COLLATE \"C\"";

    private static final String COLUMNS = """
            SELECT r.campaign_id, r.year, r.organization_id, o.inn, o.kpp, r.name, o.short_name, r.type, r.oktmo,
                   m.name AS municipality, r.k1, r.k2, r.k3, r.k4, r.k5, r.total, r.total_computed, r.total_check,
                   r.published_total, r.place_region, r.place_type, r.place_municipality, r.recipients, r.respondents,
                   r.zero_rule_indicators""";
    private static final String FROM = """
             FROM published_result r
             JOIN organization o ON o.id = r.organization_id
             LEFT JOIN municipality m ON m.oktmo = r.oktmo
            """;
    /**
     * Indicator values of the row as parallel arrays: codes ("1.1"), official values, our
     * recomputation; and the codes whose two values differ by more than 0.01.
     */
    public static final String INDICATORS = """
             LEFT JOIN LATERAL (SELECT array_agg(v.indicator_code ORDER BY v.indicator_code) AS indicator_codes,
                                       array_agg(v.value ORDER BY v.indicator_code) AS indicator_values,
                                       array_agg(v.value_computed ORDER BY v.indicator_code) AS indicator_values_computed,
                                       array_agg(v.indicator_code ORDER BY v.indicator_code)
                                           FILTER (WHERE v.value_check = 'mismatch') AS indicator_mismatches
                                FROM indicator_value v
                                WHERE v.campaign_id = r.campaign_id AND v.revision = r.revision
                                  AND v.organization_id = r.organization_id) iv ON true
            """;

    /** The columns {@link #INDICATORS} adds to a select. */
    public static final String INDICATOR_COLUMNS = "iv.indicator_codes, iv.indicator_values, iv.indicator_values_computed,"
            + " iv.indicator_mismatches";

    private final Sql sql;
    private final RankingOrders orders;

    public ResultTable(Sql sql, RankingOrders orders) {
        this.sql = sql;
        this.orders = orders;
    }

    @Transactional(readOnly = true)
    public Page<ResultRow> page(ResultQuery query, PageRequest page) {
        List<Object> parameters = new ArrayList<>();
        String where = where(query, parameters);
        OptionalLong version = PublicSnapshots.snapshotVersion();
        if (version.isEmpty()) {
            return sql.page("SELECT count(*)" + FROM + where, select(query) + where + " ORDER BY " + query.sort().orderBy(),
                    parameters, page, row -> row(row, query));
        }
        // in a public snapshot: the ranking's order is read once for its data version, then each page by its ids
        long[] order = orders.order(new RankingOrders.Key(version.getAsLong(), where, List.copyOf(parameters),
                query.sort().orderBy()), () -> sql.list("SELECT r.organization_id" + FROM + where + " ORDER BY "
                + query.sort().orderBy(), parameters, row -> row.getLong(1)).stream().mapToLong(Long::longValue).toArray());
        int from = (int) Math.min(order.length, page.offset());
        int to = (int) Math.min(order.length, (long) from + page.perPage());
        if (from == to) {
            return new Page<>(List.of(), order.length, page);
        }
        Long[] ids = new Long[to - from];
        Map<Long, Integer> position = new HashMap<>();
        for (int i = from; i < to; i++) {
            ids[i - from] = order[i];
            position.put(order[i], i);
        }
        List<ResultRow> rows = new ArrayList<>(sql.list(select(query) + " WHERE r.campaign_id = ? AND r.organization_id = ANY (?)",
                List.of(query.campaignId(), ids), row -> row(row, query)));
        rows.sort(Comparator.comparing(row -> position.get(row.organizationId())));
        return new Page<>(rows, order.length, page);
    }

    /** Every matching row, in order, read through a cursor; {@code sink} runs inside the read transaction. */
    @Transactional(readOnly = true)
    public void stream(ResultQuery query, Consumer<ResultRow> sink) {
        List<Object> parameters = new ArrayList<>();
        String statement = select(query) + where(query, parameters) + " ORDER BY " + query.sort().orderBy();
        sql.stream(statement, parameters, row -> row(row, query), sink);
    }

    private static String select(ResultQuery query) {
        return COLUMNS + (query.withIndicators() ? ", " + INDICATOR_COLUMNS : "")
                + (query.withGroups() ? ", " + ResultGroups.COLUMNS : "") + FROM
                + (query.withIndicators() ? INDICATORS : "") + (query.withGroups() ? ResultGroups.JOIN : "");
    }

    private static String where(ResultQuery query, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" WHERE r.campaign_id = ?");
        parameters.add(query.campaignId());
        if (query.municipality() != null) {
            where.append(" AND r.oktmo = ?");
            parameters.add(query.municipality());
        }
        if (query.type() != null) {
            where.append(" AND r.type = ?");
            parameters.add(query.type());
        }
        if (query.totalMin() != null) {
            where.append(" AND r.total >= ?");
            parameters.add(query.totalMin());
        }
        if (query.totalMax() != null) {
            where.append(" AND r.total <= ?");
            parameters.add(query.totalMax());
        }
        return where.toString();
    }

    private static ResultRow row(ResultSet row, ResultQuery query) throws SQLException {
        return new ResultRow(row.getLong("campaign_id"), row.getInt("year"), row.getLong("organization_id"),
                row.getString("inn"), row.getString("kpp"), row.getString("name"), row.getString("short_name"),
                row.getString("type"), row.getString("oktmo"), row.getString("municipality"), criteria(row, ""),
                row.getDouble("total"), row.getDouble("total_computed"), row.getString("total_check"),
                Sql.nullableDouble(row, "published_total"), Sql.nullableInt(row, "place_region"),
                Sql.nullableInt(row, "place_type"), Sql.nullableInt(row, "place_municipality"),
                Sql.nullableInt(row, "recipients"), Sql.nullableInt(row, "respondents"),
                query.withIndicators() ? indicators(row) : Map.of(), zeroRuleIndicators(row),
                query.withIndicators() ? indicatorMismatches(row) : List.of(),
                query.withGroups() ? ResultGroups.read(row) : List.of());
    }

    /** k1..k5 of a row, from columns named {@code prefix + "k1"} etc. */
    public static List<Double> criteria(ResultSet row, String prefix) throws SQLException {
        List<Double> criteria = new ArrayList<>(5);
        for (int i = 1; i <= 5; i++) {
            // null: a criterion the methodology does not have (K3 before 2019), never 0
            criteria.add(Sql.nullableDouble(row, prefix + "k" + i));
        }
        return criteria;
    }

    /**
     * Indicator values by result field: code "1.1" is field {@code i1_1} (METHODOLOGY §8), the
     * official value; {@code i1_1_computed} is our recomputation from raw inputs, when there is one.
     */
    public static Map<String, Double> indicators(ResultSet row) throws SQLException {
        Array codes = row.getArray("indicator_codes");
        Array values = row.getArray("indicator_values");
        Array computed = row.getArray("indicator_values_computed");
        Map<String, Double> indicators = new LinkedHashMap<>();
        if (codes == null || values == null) {
            return indicators;
        }
        String[] codeArray = (String[]) codes.getArray();
        Double[] valueArray = (Double[]) values.getArray();
        Double[] computedArray = computed == null ? new Double[codeArray.length] : (Double[]) computed.getArray();
        for (int i = 0; i < codeArray.length; i++) {
            indicators.put(field(codeArray[i]), valueArray[i]);
            indicators.put(field(codeArray[i]) + COMPUTED, computedArray[i]);
        }
        return indicators;
    }

    /** Suffix of the field of an indicator's recomputed value: {@code i1_1_computed}. */
    public static final String COMPUTED = "_computed";

    /** Codes of the indicators whose official value differs from ours by more than 0.01. */
    public static List<String> indicatorMismatches(ResultSet row) throws SQLException {
        Array codes = row.getArray("indicator_mismatches");
        return codes == null ? List.of() : List.of((String[]) codes.getArray());
    }

    /** Codes of the indicators whose value the zero-denominator rule decided (column {@code zero_rule_indicators}). */
    public static List<String> zeroRuleIndicators(ResultSet row) throws SQLException {
        Array codes = row.getArray("zero_rule_indicators");
        return codes == null ? List.of() : List.of((String[]) codes.getArray());
    }

    static String field(String indicatorCode) {
        return "i" + indicatorCode.replace('.', '_');
    }
}
