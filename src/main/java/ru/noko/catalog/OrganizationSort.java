package ru.noko.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The sort orders the organization list accepts, mapped to SQL that is never built from input.
 * Names sort by code point of the folded name, the same on every server whatever its locale.
 */
public enum OrganizationSort {
    NAME("name", "o.search_name COLLATE \"C\", o.id"),
    NAME_DESC("-name", "o.search_name COLLATE \"C\" DESC, o.id DESC"),
    INN("inn", "o.inn, o.kpp"),
    INN_DESC("-inn", "o.inn DESC, o.kpp DESC"),
    ID("id", "o.id"),
    ID_DESC("-id", "o.id DESC"),
    TYPE("type", "o.type, o.search_name COLLATE \"C\", o.id"),
    TYPE_DESC("-type", "o.type DESC, o.search_name COLLATE \"C\", o.id");

    private final String key;
    private final String orderBy;

    OrganizationSort(String key, String orderBy) {
        this.key = key;
        this.orderBy = orderBy;
    }

    public String orderBy() {
        return orderBy;
    }

    public static Optional<OrganizationSort> fromKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
    }
}
