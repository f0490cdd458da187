package ru.noko.opendata;

import java.util.List;

import static ru.noko.opendata.ColumnType.INTEGER;
import static ru.noko.opendata.ColumnType.STRING;
import static ru.noko.opendata.DatasetColumn.optional;
import static ru.noko.opendata.DatasetColumn.required;

/**
 * Registry of assessed organizations, as named in their latest published result. Built from the
 * release's immutable result rows (not the editable catalogue), so old versions never change.
 */
record OrganizationsDataset() implements Dataset {

    static final String QUERY = """
            SELECT DISTINCT ON (r.organization_id) r.organization_id, o.inn, o.kpp, %2$s AS name, r.type,
                   c.region_code, r.oktmo, c.year AS last_assessed_year
            FROM opendata_release_campaign rc
            JOIN campaign c ON c.id = rc.campaign_id
            JOIN result r ON r.campaign_id = rc.campaign_id AND r.revision = rc.revision
            JOIN organization o ON o.id = r.organization_id
            WHERE rc.release_id = %1$d %3$s
            ORDER BY r.organization_id, c.year DESC, rc.campaign_id DESC""";

    @Override
    public String code() {
        return "noko-organizations";
    }

    @Override
    public String title() {
        return "Реестр образовательных организаций, прошедших независимую оценку качества";
    }

    @Override
    public String description() {
        return "Организации, результаты независимой оценки которых опубликованы: ИНН, КПП, наименование, тип, "
                + "регион, ОКТМО и год последней оценки — по данным последней опубликованной кампании.";
    }

    @Override
    public String subject() {
        return "образовательные организации, реестр, ИНН, НОКО";
    }

    @Override
    public List<DatasetColumn> columns() {
        return List.of(
                CommonColumns.ORGANIZATION_ID,
                CommonColumns.INN,
                CommonColumns.KPP,
                required("name", STRING, "Full name as last published", "Полное наименование по последней оценке"),
                CommonColumns.TYPE,
                CommonColumns.REGION_CODE,
                optional("oktmo", STRING, "ОКТМО of the municipality", "Код ОКТМО муниципального образования"),
                required("last_assessed_year", INTEGER, "Year of the latest published assessment", "Год последней опубликованной оценки"));
    }

    @Override
    public List<String> primaryKey() {
        return List.of("organization_id");
    }
}
