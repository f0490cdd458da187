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
 *
 * <p>Structures: {@value Dataset#FIRST_STRUCTURE} had one {@code total}, our mean of the criteria;
 * from {@link #OFFICIAL_TOTALS} {@code total} and {@code place_region} are the operator's official
 * values and our recomputation stands beside them ({@code total_computed}, {@code total_check});
 * from {@link #ZERO_RULE} each row also names the indicators the zero-denominator rule decided, and
 * values follow their campaign's methodology: the 2014 scheme has no K3 (empty, never 0) and counts
 * points up to its own maxima (a total up to 160), so scores are bounded below only.
 */
record ResultsDataset(String code, String title, String description, String regionCode, List<Structure> structures)
        implements Dataset {

    /** The structure with official totals and places first and our recomputation beside them. */
    static final String OFFICIAL_TOTALS = "20261202";

    /** The structure that adds {@code zero_rule_indicators} (and, in the indicators set, our recomputation). */
    static final String ZERO_RULE = "20261207";

    /** The criterion columns of the queries, in their order. */
    private static final List<String> CRITERIA = List.of("k1", "k2", "k3", "k4", "k5");

    /** Every structure of the dataset, each criterion named as the methodology names it. */
    static List<Structure> structures(Methodology methodology) {
        return List.of(new Structure(FIRST_STRUCTURE, firstColumns(methodology)),
                new Structure(OFFICIAL_TOTALS, officialTotalsColumns(methodology)),
                new Structure(ZERO_RULE, zeroRuleColumns(methodology)));
    }

    @Override
    public List<DatasetColumn> columns() {
        return structure().columns();
    }

    private static List<DatasetColumn> firstColumns(Methodology methodology) {
        List<DatasetColumn> columns = identityAndCriteria(methodology);
        columns.addAll(List.of(
                required("total", NUMBER, "Total score, mean of the five criteria (unrounded)", "Итоговый балл, среднее пяти критериев (без округления)").points(),
                required("place_region", INTEGER, "Place in the campaign (competition ranking)", "Место в рейтинге кампании").with("minimum", 1)));
        columns.addAll(places());
        return List.copyOf(columns);
    }

    private static List<DatasetColumn> officialTotalsColumns(Methodology methodology) {
        List<DatasetColumn> columns = identityAndCriteria(methodology);
        columns.addAll(officialTotals());
        columns.addAll(places());
        return List.copyOf(columns);
    }

    private static List<DatasetColumn> officialTotals() {
        return List.of(
                required("total", NUMBER, "Total score as the operator published it (the official value); when the source gave none, the mean of the five criteria (unrounded)",
                        "Итоговый балл, как его опубликовал оператор (официальное значение); если в источнике его не было — среднее пяти критериев (без округления)").points(),
                required("total_computed", NUMBER, "Our recomputation of the total: the mean of the five criteria (unrounded)",
                        "Пересчитанный итоговый балл: среднее пяти критериев (без округления)").points(),
                totalCheck(), officialPlace());
    }

    private static DatasetColumn totalCheck() {
        return required("total_check", STRING, "match: the official and the recomputed total differ by at most 0.01; mismatch: by more; not_given: the source gave no total",
                "Сверка: match — официальный и пересчитанный баллы различаются не больше чем на 0,01; mismatch — больше; not_given — в источнике балла не было")
                .with("enum", List.of("match", "mismatch", "not_given"));
    }

    private static DatasetColumn officialPlace() {
        return required("place_region", INTEGER, "Place in the campaign: the official place when the source gave one, else competition ranking on total",
                "Место в рейтинге кампании: официальное, если оно было в источнике, иначе по итоговому баллу").with("minimum", 1);
    }

    private static List<DatasetColumn> zeroRuleColumns(Methodology methodology) {
        List<DatasetColumn> columns = new ArrayList<>(CommonColumns.CAMPAIGN_ROW_KEY);
        columns.addAll(identity());
        for (String field : CRITERIA) {
            Criterion criterion = criterion(methodology, field);
            DatasetColumn column = field.equals("k3")
                    ? optional(field, NUMBER, "Criterion " + criterion.position() + ": " + criterion.nameEn()
                                    + ", points; empty for a methodology without it (the 2014 scheme)",
                            criterion.code() + " «" + criterion.nameRu() + "», баллы")
                    : required(field, NUMBER, "Criterion " + criterion.position() + ": " + criterion.nameEn()
                                    + ", points on the campaign's methodology's scale (0..100, or the 2014 scheme's points)",
                            criterion.code() + " «" + criterion.nameRu() + "», баллы");
            columns.add(column.with("minimum", 0));
        }
        columns.addAll(List.of(
                required("total", NUMBER, "Total score as the operator published it (the official value); when the source gave none, ours by the campaign's methodology: the mean of its criteria, or their sum in the 2014 points scheme (unrounded)",
                        "Итоговый балл, как его опубликовал оператор (официальное значение); если в источнике его не было — по методике кампании: среднее критериев или их сумма в баллах методики 2014 года (без округления)").with("minimum", 0),
                required("total_computed", NUMBER, "Our recomputation of the total by the campaign's methodology (unrounded)",
                        "Пересчитанный итоговый балл по методике кампании (без округления)").with("minimum", 0),
                totalCheck(), officialPlace()));
        columns.addAll(places());
        columns.add(optional("zero_rule_indicators", STRING,
                "Indicators whose denominator was zero, so that the campaign's zero-denominator rule (our choice, not law) decided their value; codes joined with |, empty when the rule was not used",
                "Показатели с нулевым знаменателем (нет ответивших), значение которых определило правило кампании (выбор сервиса, не норма); коды через |, пусто, если правило не применялось")
                .with("pattern", "^[0-9]\\.[0-9](\\|[0-9]\\.[0-9])*$"));
        return List.copyOf(columns);
    }

    private static List<DatasetColumn> identity() {
        return List.of(required("name", STRING, "Full name as published", "Полное наименование организации"),
                CommonColumns.TYPE,
                optional("oktmo", STRING, "ОКТМО of the municipality", "Код ОКТМО муниципального образования")
                        .with("pattern", "^([0-9]{8}|[0-9]{11})$"));
    }

    private static Criterion criterion(Methodology methodology, String field) {
        return methodology.criteria().stream().filter(c -> c.field().equals(field)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Methodology " + methodology.code()
                        + " has no criterion " + field + ", a column of the results dataset"));
    }

    private static List<DatasetColumn> identityAndCriteria(Methodology methodology) {
        List<DatasetColumn> columns = new ArrayList<>(CommonColumns.CAMPAIGN_ROW_KEY);
        columns.addAll(identity());
        for (String field : CRITERIA) {
            Criterion criterion = criterion(methodology, field);
            columns.add(required(field, NUMBER, "Criterion " + criterion.position() + ": " + criterion.nameEn() + ", points",
                    criterion.code() + " «" + criterion.nameRu() + "», баллы").points());
        }
        return columns;
    }

    private static List<DatasetColumn> places() {
        return List.of(
                required("place_type", INTEGER, "Place among organizations of the same type", "Место среди организаций того же типа").with("minimum", 1),
                optional("place_municipality", INTEGER, "Place within the municipality", "Место в муниципальном образовании").with("minimum", 1),
                optional("respondents", INTEGER, "Number of survey respondents", "Число опрошенных получателей услуг").with("minimum", 0),
                required("published_at", DATETIME, "When the revision was published (UTC)", "Дата и время публикации редакции (UTC)"));
    }

    /**
     * The release's rows of the given structure as CSV text, formatted by PostgreSQL; {@code %4$s}
     * takes further conditions. The first structure's query is kept as it was, so its files keep their bytes.
     */
    static String query(Structure structure) {
        String totals = structure.version().equals(FIRST_STRUCTURE) ? "r.total" : "r.total, r.total_computed, r.total_check";
        String zeroRule = structure.version().compareTo(ZERO_RULE) >= 0
                ? ", nullif(array_to_string(r.zero_rule_indicators, '|'), '') AS zero_rule_indicators" : "";
        return """
            SELECT c.year, c.region_code, rc.campaign_id, rc.revision, r.organization_id, o.inn, o.kpp,
                   %2$s AS name, r.type, r.oktmo, r.k1, r.k2, r.k3, r.k4, r.k5, TOTALS,
                   r.place_region, r.place_type, r.place_municipality, r.respondents, %3$s AS published_at ZERO_RULE
            FROM opendata_release_campaign rc
            JOIN campaign c ON c.id = rc.campaign_id
            JOIN campaign_revision cr ON cr.campaign_id = rc.campaign_id AND cr.revision = rc.revision
            JOIN result r ON r.campaign_id = rc.campaign_id AND r.revision = rc.revision
            JOIN organization o ON o.id = r.organization_id
            WHERE rc.release_id = %1$d %4$s
            ORDER BY c.year, c.region_code, rc.campaign_id, r.place_region, r.organization_id""".replace("TOTALS", totals).replace(" ZERO_RULE", zeroRule);
    }

    @Override
    public String subject() {
        return "НОКО, независимая оценка качества, образование, школы, детские сады, рейтинг";
    }

    @Override
    public List<String> primaryKey() {
        return List.of("campaign_id", "organization_id");
    }
}
