package ru.noko.opendata;

import java.util.ArrayList;
import java.util.List;

import static ru.noko.opendata.ColumnType.BOOLEAN;
import static ru.noko.opendata.ColumnType.NUMBER;
import static ru.noko.opendata.ColumnType.STRING;
import static ru.noko.opendata.DatasetColumn.optional;
import static ru.noko.opendata.DatasetColumn.required;

/**
 * Indicator values of every published campaign: one row per organization, campaign and indicator.
 * From structure {@link #RECOMPUTED} on, {@code value} is the official value (the source's when it
 * gave one, else ours) with our recomputation from raw inputs and its check beside it.
 */
record IndicatorsDataset() implements Dataset {

    /** The structure that adds our recomputation and its check beside the official value. */
    static final String RECOMPUTED = ResultsDataset.ZERO_RULE;

    /** The release's rows in the given structure; the first structure's query is kept as it was, so its files keep their bytes. */
    static String query(Structure structure) {
        if (structure.version().compareTo(RECOMPUTED) < 0) {
            return QUERY;
        }
        return QUERY.replace("AS zero_rule_applied\n", "AS zero_rule_applied, iv.value_computed,\n"
                + "                   coalesce(iv.value_check, CASE WHEN iv.value IS NULL THEN NULL ELSE 'not_computed' END) AS value_check\n");
    }

    static final String QUERY = """
            SELECT c.year, c.region_code, rc.campaign_id, rc.revision, iv.organization_id, o.inn, o.kpp,
                   iv.indicator_code AS indicator, iv.value,
                   CASE WHEN iv.zero_rule_applied THEN 'true' ELSE 'false' END AS zero_rule_applied
            FROM opendata_release_campaign rc
            JOIN campaign c ON c.id = rc.campaign_id
            JOIN indicator_value iv ON iv.campaign_id = rc.campaign_id AND iv.revision = rc.revision
            JOIN organization o ON o.id = iv.organization_id
            WHERE rc.release_id = %1$d %2$s
            ORDER BY c.year, c.region_code, rc.campaign_id, iv.organization_id,
                     string_to_array(iv.indicator_code, '.')::int[]""";

    @Override
    public String code() {
        return "noko-indicators";
    }

    @Override
    public String title() {
        return "Значения показателей независимой оценки качества условий образовательной деятельности";
    }

    @Override
    public String description() {
        return "Значения 14 показателей НОКО (баллы 0–100, без округления) по каждой организации и каждой "
                + "опубликованной кампании оценки за все годы. Показатель без значения исключён по правилу нулевого знаменателя кампании.";
    }

    @Override
    public String subject() {
        return "НОКО, показатели, независимая оценка качества, образование";
    }

    @Override
    public List<Structure> structures() {
        List<DatasetColumn> recomputed = new ArrayList<>(firstColumns());
        recomputed.addAll(List.of(
                optional("value_computed", NUMBER, "Our recomputation of the indicator from raw inputs, points (empty when the campaign was loaded as a results table, with nothing to recompute from)",
                        "Значение показателя, пересчитанное по исходным данным, баллы (пусто, если кампания загружена таблицей результатов)").points(),
                optional("value_check", STRING, "match: the official value (value) and ours differ by at most 0.01; mismatch: by more; not_given: the source gave no value, value is ours; not_computed: no raw inputs to recompute from",
                        "Сверка: match — официальное и пересчитанное значения различаются не больше чем на 0,01; mismatch — больше; not_given — в источнике значения не было, value рассчитано нами; not_computed — исходных данных для пересчёта нет")
                        .with("enum", List.of("match", "mismatch", "not_given", "not_computed"))));
        return List.of(new Structure(FIRST_STRUCTURE, firstColumns()), new Structure(RECOMPUTED, recomputed));
    }

    @Override
    public List<DatasetColumn> columns() {
        return structure().columns();
    }

    private static List<DatasetColumn> firstColumns() {
        List<DatasetColumn> columns = new ArrayList<>(CommonColumns.CAMPAIGN_ROW_KEY);
        columns.addAll(List.of(
                required("indicator", STRING, "Indicator code, e.g. 1.1", "Код показателя, например 1.1").with("pattern", "^[0-9]\\.[0-9]$"),
                optional("value", NUMBER, "Indicator value, points (empty when excluded)", "Значение показателя, баллы (пусто, если исключён)").points(),
                required("zero_rule_applied", BOOLEAN, "A zero denominator was met and the campaign's rule applied",
                        "Применено правило нулевого знаменателя")));
        return columns;
    }

    @Override
    public List<String> primaryKey() {
        return List.of("campaign_id", "organization_id", "indicator");
    }
}
