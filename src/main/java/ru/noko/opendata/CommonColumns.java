package ru.noko.opendata;

import java.util.List;

import static ru.noko.opendata.ColumnType.INTEGER;
import static ru.noko.opendata.ColumnType.STRING;
import static ru.noko.opendata.DatasetColumn.required;

/** Columns several datasets share, described once. */
final class CommonColumns {

    static final DatasetColumn YEAR = required("year", INTEGER, "Assessment year", "Год проведения оценки").with("minimum", 2014);
    static final DatasetColumn REGION_CODE = required("region_code", STRING, "Region code (as in ИНН)", "Код субъекта РФ")
            .with("pattern", "^[0-9]{2}$");
    static final DatasetColumn CAMPAIGN_ID = required("campaign_id", INTEGER, "Campaign id in this service", "Идентификатор кампании оценки");
    static final DatasetColumn REVISION = required("revision", INTEGER, "Published revision of the campaign", "Номер опубликованной редакции")
            .with("minimum", 1);
    static final DatasetColumn ORGANIZATION_ID = required("organization_id", INTEGER, "Organization id in this service", "Идентификатор организации");
    static final DatasetColumn INN = required("inn", STRING, "ИНН (taxpayer number)", "ИНН").with("pattern", "^[0-9]{10}$");
    static final DatasetColumn KPP = required("kpp", STRING, "КПП (tax registration reason code)", "КПП")
            .with("pattern", "^[0-9]{4}[0-9A-Z]{2}[0-9]{3}$");
    static final DatasetColumn TYPE = required("type", STRING, "Organization type", "Тип организации")
            .with("enum", List.of("preschool", "school", "vocational", "additional", "higher"));

    /** year, region, campaign, revision, organization, ИНН, КПП: how every per-campaign row starts. */
    static final List<DatasetColumn> CAMPAIGN_ROW_KEY = List.of(YEAR, REGION_CODE, CAMPAIGN_ID, REVISION, ORGANIZATION_ID, INN, KPP);

    private CommonColumns() {
    }
}
