package ru.noko.campaigns.results;

import java.util.Arrays;
import java.util.Optional;

/**
 * Sort orders of a results table, mapped to SQL that is never built from input. Ties are broken
 * by the name (lower case, ё as е, code point order) and then the organization id.
 */
public enum ResultSort {
    TOTAL_DESC("-total", "r.total DESC"),
    TOTAL("total", "r.total"),
    NAME("name", ResultTable.NAME_KEY),
    NAME_DESC("-name", ResultTable.NAME_KEY + " DESC"),
    INN("inn", "o.inn, o.kpp"),
    INN_DESC("-inn", "o.inn DESC, o.kpp DESC"),
    MUNICIPALITY("municipality", "m.name COLLATE \"C\" NULLS LAST"),
    MUNICIPALITY_DESC("-municipality", "m.name COLLATE \"C\" DESC NULLS LAST"),
    ID("organization_id", "r.organization_id"),
    ID_DESC("-organization_id", "r.organization_id DESC"),
    K1("k1", "r.k1"), K1_DESC("-k1", "r.k1 DESC"),
    K2("k2", "r.k2"), K2_DESC("-k2", "r.k2 DESC"),
    K3("k3", "r.k3"), K3_DESC("-k3", "r.k3 DESC"),
    K4("k4", "r.k4"), K4_DESC("-k4", "r.k4 DESC"),
    K5("k5", "r.k5"), K5_DESC("-k5", "r.k5 DESC");

    private final String key;
    private final String orderBy;

    ResultSort(String key, String orderBy) {
        this.key = key;
        this.orderBy = orderBy;
    }

    public String key() {
        return key;
    }

    String orderBy() {
        return orderBy + ", " + ResultTable.NAME_KEY + ", r.organization_id";
    }

    public static Optional<ResultSort> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
