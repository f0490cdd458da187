package ru.noko.opendata;

import java.util.ArrayList;
import java.util.List;

import static ru.noko.opendata.ColumnType.INTEGER;
import static ru.noko.opendata.ColumnType.STRING;
import static ru.noko.opendata.DatasetColumn.optional;
import static ru.noko.opendata.DatasetColumn.required;

/**
 * Registry of assessed organizations, as named in their latest published result. Built from the
 * release's immutable result rows (not the editable catalogue), so old versions never change.
 *
 * <p>Structures: {@value Dataset#FIRST_STRUCTURE} identity only; from {@link #LINKS} also the
 * organizations each one continues and is continued by across reorganisations, as the links stood
 * when the release was made (kept with the release, so its file never changes).
 */
record OrganizationsDataset() implements Dataset {

    /** The structure with predecessor and successor links. */
    static final String LINKS = "20261207";

    /** Organization ids joined with {@code ;}. */
    private static final String IDS = "^[0-9]+(;[0-9]+)*$";

    /** The first structure's query, kept as it was so its files keep their bytes. */
    static final String QUERY = """
            SELECT DISTINCT ON (r.organization_id) r.organization_id, o.inn, o.kpp, %2$s AS name, r.type,
                   c.region_code, r.oktmo, c.year AS last_assessed_year
            FROM opendata_release_campaign rc
            JOIN campaign c ON c.id = rc.campaign_id
            JOIN result r ON r.campaign_id = rc.campaign_id AND r.revision = rc.revision
            JOIN organization o ON o.id = r.organization_id
            WHERE rc.release_id = %1$d %3$s
            ORDER BY r.organization_id, c.year DESC, rc.campaign_id DESC""";

    /** The {@link #LINKS} structure's query: ids joined with {@code ;} in ascending order, empty when none. */
    static final String LINKS_QUERY = """
            SELECT DISTINCT ON (r.organization_id) r.organization_id, o.inn, o.kpp, %2$s AS name, r.type,
                   c.region_code, r.oktmo, c.year AS last_assessed_year,
                   (SELECT string_agg(l.predecessor_id::text, ';' ORDER BY l.predecessor_id) FROM opendata_release_link l
                    WHERE l.release_id = %1$d AND l.successor_id = r.organization_id) AS predecessor_ids,
                   (SELECT string_agg(l.successor_id::text, ';' ORDER BY l.successor_id) FROM opendata_release_link l
                    WHERE l.release_id = %1$d AND l.predecessor_id = r.organization_id) AS successor_ids
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
                + "регион, ОКТМО и год последней оценки — по данным последней опубликованной кампании; "
                + "с версии структуры 20261207 также идентификаторы организаций-предшественников и преемников "
                + "(присоединение, переименование, перерегистрация, выделение).";
    }

    @Override
    public String subject() {
        return "образовательные организации, реестр, ИНН, НОКО";
    }

    @Override
    public List<Structure> structures() {
        List<DatasetColumn> withLinks = new ArrayList<>(firstColumns());
        withLinks.add(optional("predecessor_ids", STRING,
                "Ids of the organizations this one continues (merged into it, renamed or re-registered as it), separated by ;",
                "Идентификаторы организаций-предшественников (присоединённых, переименованных, перерегистрированных), через ;")
                .with("pattern", IDS));
        withLinks.add(optional("successor_ids", STRING, "Ids of the organizations that continue this one, separated by ;",
                "Идентификаторы организаций-преемников, через ;").with("pattern", IDS));
        return List.of(new Structure(FIRST_STRUCTURE, firstColumns()), new Structure(LINKS, withLinks));
    }

    @Override
    public List<DatasetColumn> columns() {
        return structure().columns();
    }

    static String query(Structure structure) {
        return structure.version().equals(FIRST_STRUCTURE) ? QUERY : LINKS_QUERY;
    }

    private static List<DatasetColumn> firstColumns() {
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
