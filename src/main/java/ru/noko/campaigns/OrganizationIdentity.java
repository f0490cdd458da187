package ru.noko.campaigns;

import ru.noko.catalog.OrganizationType;

/** An organization as a source file names it; matched to the catalogue by (ИНН, КПП) on publish. */
public record OrganizationIdentity(String inn, String kpp, String ogrn, String busRegNum, String name,
                                   String shortName, OrganizationType type, String oktmo, String address,
                                   String website) {
}
