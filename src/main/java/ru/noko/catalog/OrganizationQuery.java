package ru.noko.catalog;

/** Filters of the organization list; null means "any". {@code sort} is a validated sort key. */
public record OrganizationQuery(String region, String municipality, OrganizationType type, String inn,
                                String text, OrganizationSort sort) {
}
