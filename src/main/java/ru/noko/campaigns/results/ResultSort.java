package ru.noko.campaigns.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sort orders of a results table, mapped to SQL that is never built from input: by total, a
 * criterion, an indicator, the name, ИНН, municipality or id; a leading {@code -} sorts descending.
 * Ties are broken by the name (lower case, ё as е, code point order) and then the organization id.
 * The same keys sort a campaign's results and a ranking (whose places stay the official ones).
 */
public final class ResultSort {

    public static final ResultSort TOTAL_DESC = new ResultSort("-total", "r.total DESC");

    private static final List<ResultSort> ALL;

    static {
        List<ResultSort> all = new ArrayList<>();
        all.add(TOTAL_DESC);
        all.add(new ResultSort("total", "r.total"));
        both(all, "name", ResultTable.NAME_KEY, ResultTable.NAME_KEY + " DESC");
        both(all, "inn", "o.inn, o.kpp", "o.inn DESC, o.kpp DESC");
        both(all, "municipality", "m.name COLLATE \"C\" NULLS LAST", "m.name COLLATE \"C\" DESC NULLS LAST");
        both(all, "organization_id", "r.organization_id", "r.organization_id DESC");
        for (int k = 1; k <= 5; k++) {
            both(all, "k" + k, "r.k" + k, "r.k" + k + " DESC");
        }
        for (String field : ResultColumns.INDICATORS) {
            // the code is one of the catalogue's fourteen fields, never input
            String code = field.substring(1).replace('_', '.');
            String value = "(SELECT v.value FROM indicator_value v WHERE v.campaign_id = r.campaign_id"
                    + " AND v.revision = r.revision AND v.organization_id = r.organization_id"
                    + " AND v.indicator_code = '" + code + "')";
            both(all, field, value + " NULLS LAST", value + " DESC NULLS LAST");
        }
        ALL = List.copyOf(all);
    }

    private final String key;
    private final String orderBy;

    private ResultSort(String key, String orderBy) {
        this.key = key;
        this.orderBy = orderBy;
    }

    private static void both(List<ResultSort> all, String key, String ascending, String descending) {
        all.add(new ResultSort(key, ascending));
        all.add(new ResultSort("-" + key, descending));
    }

    public String key() {
        return key;
    }

    String orderBy() {
        return orderBy + ", " + ResultTable.NAME_KEY + ", r.organization_id";
    }

    public static Optional<ResultSort> fromKey(String key) {
        return ALL.stream().filter(s -> s.key.equals(key)).findFirst();
    }

    /** Every key, in the order the contract lists them. */
    public static List<String> keys() {
        return ALL.stream().map(ResultSort::key).toList();
    }

    @Override
    public String toString() {
        return key;
    }
}
