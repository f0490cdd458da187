package ru.noko.opendata;

import ru.noko.methodology.Criterion;
import ru.noko.methodology.Methodology;

import java.util.ArrayList;
import java.util.List;

import static ru.noko.opendata.ColumnType.DATETIME;
import static ru.noko.opendata.ColumnType.INTEGER;
import static ru.noko.opendata.ColumnType.NUMBER;
import static ru.noko.opendata.ColumnType.STRING;
import static ru.noko.opendata.DatasetColumn.optional;
import static ru.noko.opendata.DatasetColumn.required;

/**
 * Results of every published campaign: one row per organization and campaign, all years. The
 * criteria are described with their names in the methodology catalogue.
 */
record ResultsDataset(String code, String title, String description, String regionCode, List<DatasetColumn> columns)
        implements Dataset {

    /** The criterion columns of {@link #QUERY}, in its order. */
    private static final List<String> CRITERIA = List.of("k1", "k2", "k3", "k4", "k5");

    /** The columns, each criterion named as the methodology names it. */
    static List<DatasetColumn> columns(Methodology methodology) {
        List<DatasetColumn> columns = new ArrayList<>(CommonColumns.CAMPAIGN_ROW_KEY);
        columns.add(required("name", STRING, "Full name as published", "Полное наименование организации"));
        columns.add(CommonColumns.TYPE);
        columns.add(optional("oktmo", STRING, "ОКТМО of the municipality", "Код ОКТМО муниципального образования")
                .with("pattern", "^([0-9]{8}|[0-9]{11})$"));
        for (String field : CRITERIA) {
            Criterion criterion = methodology.criteria().stream().filter(c -> c.field().equals(field)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Methodology " + methodology.code()
                            + " has no criterion " + field + ", a column of the results dataset"));
            columns.add(required(field, NUMBER, "Criterion " + criterion.position() + ": " + criterion.nameEn() + ", points",
                    criterion.code() + " «" + criterion.nameRu() + "», баллы").points());
        }
        columns.addAll(List.of(
                required("total", NUMBER, "Total score, mean of the five criteria (unrounded)", "Итоговый балл, среднее пяти критериев (без округления)").points(),
                required("place_region", INTEGER, "Place in the campaign (competition ranking)", "Место в рейтинге кампании").with("minimum", 1),
                required("place_type", INTEGER, "Place among organizations of the same type", "Место среди организаций того же типа").with("minimum", 1),
                optional("place_municipality", INTEGER, "Place within the municipality", "Место в муниципальном образовании").with("minimum", 1),
                optional("respondents", INTEGER, "Number of survey respondents", "Число опрошенных получателей услуг").with("minimum", 0),
                required("published_at", DATETIME, "When the revision was published (UTC)", "Дата и время публикации редакции (UTC)")));
        return List.copyOf(columns);
    }

    /** The release's rows as CSV text, formatted by PostgreSQL; {@code %4$s} takes further conditions. */
    static final String QUERY = """
            SELECT c.year, c.region_code, rc.campaign_id, rc.revision, r.organization_id, o.inn, o.kpp,
                   %2$s AS name, r.type, r.oktmo, r.k1, r.k2, r.k3, r.k4, r.k5, r.total,
                   r.place_region, r.place_type, r.place_municipality, r.respondents, %3$s AS published_at
            FROM opendata_release_campaign rc
            JOIN campaign c ON c.id = rc.campaign_id
            JOIN campaign_revision cr ON cr.campaign_id = rc.campaign_id AND cr.revision = rc.revision
            JOIN result r ON r.campaign_id = rc.campaign_id AND r.revision = rc.revision
            JOIN organization o ON o.id = r.organization_id
            WHERE rc.release_id = %1$d %4$s
            ORDER BY c.year, c.region_code, rc.campaign_id, r.place_region, r.organization_id""";

    @Override
    public String subject() {
        return "НОКО, независимая оценка качества, образование, школы, детские сады, рейтинг";
    }

    @Override
    public List<String> primaryKey() {
        return List.of("campaign_id", "organization_id");
    }
}
