package ru.noko.catalog;

/** An educational organization, keyed by (ИНН, КПП); branches share the parent's ИНН. */
public record Organization(long id, String inn, String kpp, String ogrn, String busRegNum, String name,
                           String shortName, OrganizationType type, String regionCode, String oktmo,
                           String municipality, String address, String website, boolean demo) {
}
