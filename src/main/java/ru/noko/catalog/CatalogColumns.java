package ru.noko.catalog;

import ru.noko.platform.web.Columns;

/** Catalogue records as table rows (CSV), with the JSON field names. */
public final class CatalogColumns {

    public static final Columns<Region> REGION = Columns.<Region>builder()
            .add("code", Region::code)
            .add("okato_code", Region::okatoCode)
            .add("name", Region::name)
            .add("federal_district", Region::federalDistrict)
            .add("demo", Region::demo)
            .add("municipalities_count", Region::municipalitiesCount)
            .add("organizations_count", Region::organizationsCount)
            .build();

    public static final Columns<Municipality> MUNICIPALITY = Columns.<Municipality>builder()
            .add("oktmo", Municipality::oktmo)
            .add("name", Municipality::name)
            .add("kind", Municipality::kind)
            .add("region_code", Municipality::regionCode)
            .add("organizations_count", Municipality::organizationsCount)
            .build();

    public static final Columns<Organization> ORGANIZATION = Columns.<Organization>builder()
            .add("id", Organization::id)
            .add("inn", Organization::inn)
            .add("kpp", Organization::kpp)
            .add("ogrn", Organization::ogrn)
            .add("bus_reg_num", Organization::busRegNum)
            .add("name", Organization::name)
            .add("short_name", Organization::shortName)
            .add("type", o -> o.type().code())
            .add("region_code", Organization::regionCode)
            .add("oktmo", Organization::oktmo)
            .add("municipality", Organization::municipality)
            .add("address", Organization::address)
            .add("website", Organization::website)
            .add("demo", Organization::demo)
            .build();

    private CatalogColumns() {
    }
}
