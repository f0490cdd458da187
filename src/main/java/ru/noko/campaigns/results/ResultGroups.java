package ru.noko.campaigns.results;

import ru.noko.catalog.GroupResult;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The respondent groups of a published result row {@code r}, read by the row's key (so only what
 * the row's own revision holds): five parallel arrays, one entry per group and indicator.
 */
public final class ResultGroups {

    private static final String ORDER = "ORDER BY g.respondent_group, v.indicator_code";

    /** A lateral join giving the row {@code r} the columns {@code group_names} … {@code group_zero}. */
    public static final String JOIN = """
             LEFT JOIN LATERAL (SELECT array_agg(g.respondent_group %1$s) AS group_names,
                                       array_agg(g.respondents %1$s) AS group_respondents,
                                       array_agg(v.indicator_code %1$s) AS group_codes,
                                       array_agg(v.value %1$s) AS group_values,
                                       array_agg(v.zero_rule_applied %1$s) AS group_zero
                                FROM result_group g
                                JOIN group_indicator_value v ON v.campaign_id = g.campaign_id AND v.revision = g.revision
                                     AND v.organization_id = g.organization_id AND v.respondent_group = g.respondent_group
                                WHERE g.campaign_id = r.campaign_id AND g.revision = r.revision
                                  AND g.organization_id = r.organization_id) rg ON true
            """.formatted(ORDER);

    /** The columns {@link #JOIN} adds, for the select list. */
    public static final String COLUMNS = "rg.group_names, rg.group_respondents, rg.group_codes, rg.group_values, rg.group_zero";

    private ResultGroups() {
    }

    /** The groups of the current row, in group order; empty when its upload named none. */
    public static List<GroupResult> read(ResultSet row) throws SQLException {
        Array names = row.getArray("group_names");
        if (names == null) {
            return List.of();
        }
        String[] groups = (String[]) names.getArray();
        Integer[] respondents = (Integer[]) row.getArray("group_respondents").getArray();
        String[] codes = (String[]) row.getArray("group_codes").getArray();
        Double[] values = (Double[]) row.getArray("group_values").getArray();
        Boolean[] zero = (Boolean[]) row.getArray("group_zero").getArray();
        List<GroupResult> result = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= groups.length; i++) {
            if (i == groups.length || !groups[i].equals(groups[start])) {
                List<GroupResult.Value> indicators = new ArrayList<>(i - start);
                for (int j = start; j < i; j++) {
                    indicators.add(new GroupResult.Value(codes[j], values[j], Boolean.TRUE.equals(zero[j])));
                }
                result.add(new GroupResult(groups[start], respondents[start], List.copyOf(indicators)));
                start = i;
            }
        }
        return List.copyOf(result);
    }
}
