package ru.noko.catalog;

import ru.noko.platform.web.Columns;
import ru.noko.platform.xlsx.CellKind;

/** Catalogue records as table rows (CSV), with the JSON field names. */
public final class CatalogColumns {

    public static final Columns<Region> REGION = Columns.<Region>builder()
            .add("code", "Код региона", CellKind.IDENTIFIER, Region::code)
            .add("okato_code", "Код ОКАТО", CellKind.IDENTIFIER, Region::okatoCode)
            .add("name", "Наименование", CellKind.TEXT, Region::name)
            .add("federal_district", "Федеральный округ", CellKind.TEXT, Region::federalDistrict)
            .add("demo", "Демонстрационные данные", CellKind.TEXT, Region::demo)
            .add("municipalities_count", "Муниципалитетов", CellKind.INTEGER, Region::municipalitiesCount)
            .add("organizations_count", "Организаций", CellKind.INTEGER, Region::organizationsCount)
            .build();

    public static final Columns<Municipality> MUNICIPALITY = Columns.<Municipality>builder()
            .add("oktmo", "ОКТМО", CellKind.IDENTIFIER, Municipality::oktmo)
            .add("name", "Наименование", CellKind.TEXT, Municipality::name)
            .add("kind", "Вид муниципального образования", CellKind.TEXT, Municipality::kind)
            .add("region_code", "Код региона", CellKind.IDENTIFIER, Municipality::regionCode)
            .add("organizations_count", "Организаций", CellKind.INTEGER, Municipality::organizationsCount)
            .build();

    public static final Columns<Organization> ORGANIZATION = Columns.<Organization>builder()
            .add("id", "Идентификатор", CellKind.INTEGER, Organization::id)
            .add("inn", "ИНН", CellKind.IDENTIFIER, Organization::inn)
            .add("kpp", "КПП", CellKind.IDENTIFIER, Organization::kpp)
            .add("ogrn", "ОГРН", CellKind.IDENTIFIER, Organization::ogrn)
            .add("bus_reg_num", "Регистрационный номер на bus.gov.ru", CellKind.IDENTIFIER, Organization::busRegNum)
            .add("name", "Наименование", CellKind.TEXT, Organization::name)
            .add("short_name", "Краткое наименование", CellKind.TEXT, Organization::shortName)
            .add("type", "Тип организации", CellKind.TEXT, o -> o.type().code())
            .add("region_code", "Код региона", CellKind.IDENTIFIER, Organization::regionCode)
            .add("oktmo", "ОКТМО", CellKind.IDENTIFIER, Organization::oktmo)
            .add("municipality", "Муниципалитет", CellKind.TEXT, Organization::municipality)
            .add("address", "Адрес", CellKind.TEXT, Organization::address)
            .add("website", "Сайт", CellKind.TEXT, Organization::website)
            .add("demo", "Демонстрационные данные", CellKind.TEXT, Organization::demo)
            .build();

    private CatalogColumns() {
    }
}
