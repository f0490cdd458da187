package ru.noko.campaigns.staging;

import jakarta.inject.Singleton;
import ru.noko.campaigns.OrganizationIdentity;
import ru.noko.campaigns.upload.StagedRow;
import ru.noko.catalog.OrganizationType;
import ru.noko.platform.database.Sql;
import ru.noko.platform.web.FieldProblem;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and clears the staging table. Callers own the transaction. */
@Singleton
public class StagedRows {

    /** An organization of an upload that another published campaign already assessed that year. */
    public record AlreadyAssessed(int line, String inn, String kpp, long campaignId, String campaignTitle) {
    }

    /**
     * An organization of an upload that the catalogue holds under another region than the
     * campaign's: an operator may neither publish results for it nor change it.
     */
    public record OtherRegion(int line, String inn, String kpp, String regionCode, String regionName) {

        /** The row's error, in Russian, for the validation report and the refusal to publish. */
        public FieldProblem problem(String campaignRegion) {
            return new FieldProblem("inn", line, "inn", inn, CODE, "Организация с ИНН " + inn + " и КПП " + kpp
                    + " уже есть в каталоге региона " + regionCode + (regionName == null ? "" : " (" + regionName + ")")
                    + "; кампания региона " + campaignRegion + " не может публиковать её результаты и менять её данные."
                    + " Если организация действительно относится к региону " + campaignRegion
                    + ", администратор может перенести её в этот регион");
        }
    }

    public static final String CODE = "organization_of_other_region";

    private final Sql sql;

    public StagedRows(Sql sql) {
        this.sql = sql;
    }

    public long count(long jobId) {
        return sql.count("SELECT count(*) FROM staged_result WHERE job_id = ?", List.of(jobId));
    }

    public int delete(long jobId) {
        return sql.update("DELETE FROM staged_result WHERE job_id = ?", List.of(jobId));
    }

    /** Staged rows of other jobs of the campaign of the same kind (publishable or expert checklist), now superseded. */
    public void deleteSuperseded(long campaignId, long jobId, boolean expert) {
        sql.update("""
                DELETE FROM staged_result WHERE job_id IN (
                    SELECT id FROM import_job WHERE campaign_id = ? AND id <> ?
                      AND (input_level = 'expert') = ?)""", List.of(campaignId, jobId, expert));
    }

    /**
     * Staged rows nobody will publish: of jobs that did not end well (after a crash) or that are
     * already published.
     */
    public int deleteOrphans() {
        return sql.update("""
                DELETE FROM staged_result s WHERE NOT EXISTS (
                    SELECT 1 FROM import_job j WHERE j.id = s.job_id AND j.status = 'succeeded'
                      AND j.errors_count = 0 AND NOT j.dry_run AND j.published_revision IS NULL)""", List.of());
    }

    /** The expert checklist of a job, by "inn/kpp". */
    public Map<String, StagedRow> checklist(long jobId) {
        Map<String, StagedRow> rows = new LinkedHashMap<>();
        sql.list("SELECT * FROM staged_result WHERE job_id = ? ORDER BY line", List.of(jobId), row -> {
            StagedRow staged = new StagedRow(row.getInt("line"), identity(row), row.getString("municipality"), null, null,
                    null, null, longOrNull(row, "recipients"), null, null, List.of(), longs(row.getArray("raw_values")),
                    null, null);
            rows.put(staged.key(), staged);
            return null;
        });
        return rows;
    }

    /** The first rows of an upload by total, as they would be published. */
    public List<StagedRow> preview(long jobId, int limit) {
        return sql.list("SELECT * FROM staged_result WHERE job_id = ? ORDER BY total DESC NULLS LAST, line LIMIT ?",
                List.of(jobId, limit), row -> new StagedRow(row.getInt("line"), identity(row), row.getString("municipality"),
                        row.getObject("k1") == null ? null : new double[]{orNaN(row, "k1"), orNaN(row, "k2"),
                                orNaN(row, "k3"), orNaN(row, "k4"), orNaN(row, "k5")},
                        row.getObject("total_computed", Double.class), row.getObject("published_total", Double.class),
                        row.getObject("place_region", Integer.class), longOrNull(row, "recipients"),
                        longOrNull(row, "respondents"), null, List.of(), null, null, null));
    }

    /** What publishing a staged upload would change against a published revision, counted by organization. */
    public record Changes(int added, int removed, int changed, int unchanged) {
    }

    /**
     * Whether a staged row {@code s} differs from the published result {@code p} of the same organization:
     * its name, a criterion, the total or (when the file gives one) the place. Counted here, listed by
     * {@code Revisions.pendingChanges}.
     */
    public static final String STAGED_DIFFERS = """
            ((s.name, s.k1, s.k2, s.k3, s.k4, s.k5, s.total) IS DISTINCT FROM
             (p.name, p.k1, p.k2, p.k3, p.k4, p.k5, p.total)
             OR (s.place_region IS NOT NULL AND s.place_region IS DISTINCT FROM p.place_region))""";

    /**
     * The staged rows of {@code jobId} against the results of {@code revision} (none when null), matched by ИНН
     * and КПП: organizations added, removed, with a different name, criterion, total or (when the file gives
     * one) place, and unchanged. A place the file leaves out is computed at publishing, so it is not compared.
     */
    public Changes changesAgainst(long jobId, long campaignId, Integer revision) {
        return sql.one("""
                WITH s AS (SELECT inn, kpp, name, k1, k2, k3, k4, k5, total, place_region FROM staged_result WHERE job_id = ?),
                     p AS (SELECT o.inn, o.kpp, r.name, r.k1, r.k2, r.k3, r.k4, r.k5, r.total, r.place_region
                           FROM result r JOIN organization o ON o.id = r.organization_id
                           WHERE r.campaign_id = ? AND r.revision = ?)
                SELECT count(*) FILTER (WHERE p.inn IS NULL) AS added,
                       count(*) FILTER (WHERE s.inn IS NULL) AS removed,
                       count(*) FILTER (WHERE s.inn IS NOT NULL AND p.inn IS NOT NULL AND %s) AS changed,
                       count(*) FILTER (WHERE s.inn IS NOT NULL AND p.inn IS NOT NULL) AS matched
                FROM s FULL JOIN p ON s.inn = p.inn AND s.kpp = p.kpp""".formatted(STAGED_DIFFERS),
                java.util.Arrays.asList(jobId, campaignId, revision == null ? -1 : revision),
                row -> new Changes(row.getInt("added"), row.getInt("removed"), row.getInt("changed"),
                        row.getInt("matched") - row.getInt("changed"))).orElseThrow();
    }

    /** Organizations of a staged upload that another published campaign assessed in the same year. */
    public List<AlreadyAssessed> alreadyAssessed(long jobId, long campaignId, int year, int limit) {
        return sql.list("""
                SELECT s.line, s.inn, s.kpp, r.campaign_id, r.title
                FROM staged_result s
                JOIN organization o ON o.inn = s.inn AND o.kpp = s.kpp
                JOIN published_result r ON r.organization_id = o.id
                WHERE s.job_id = ? AND r.campaign_id <> ? AND r.year = ?
                ORDER BY s.line LIMIT ?""", List.of(jobId, campaignId, year, limit),
                row -> new AlreadyAssessed(row.getInt(1), row.getString(2), row.getString(3), row.getLong(4), row.getString(5)));
    }

    /**
     * Staged organizations the catalogue holds under another region than {@code regionCode}, in
     * file order: one join of the staged rows against the catalogue, whatever the size of the upload.
     */
    public List<OtherRegion> inOtherRegions(long jobId, String regionCode, int limit) {
        return sql.list("""
                SELECT s.line, s.inn, s.kpp, o.region_code, r.name
                FROM staged_result s
                JOIN organization o ON o.inn = s.inn AND o.kpp = s.kpp
                LEFT JOIN region r ON r.code = o.region_code
                WHERE s.job_id = ? AND o.region_code <> ?
                ORDER BY s.line LIMIT ?""", List.of(jobId, regionCode, limit),
                row -> new OtherRegion(row.getInt(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5)));
    }

    private static OrganizationIdentity identity(ResultSet row) throws SQLException {
        String type = row.getString("type");
        return new OrganizationIdentity(row.getString("inn"), row.getString("kpp"), row.getString("ogrn"),
                row.getString("bus_reg_num"), row.getString("name"), row.getString("short_name"),
                type == null ? null : OrganizationType.fromCode(type).orElse(null), row.getString("oktmo"),
                row.getString("address"), row.getString("website"));
    }

    private static Long longOrNull(ResultSet row, String column) throws SQLException {
        Object value = row.getObject(column);
        return value == null ? null : ((Number) value).longValue();
    }

    private static Long[] longs(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        Long[] longs = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            longs[i] = values[i] == null ? null : ((Number) values[i]).longValue();
        }
        return longs;
    }

    static List<Object> list(Object... values) {
        return new ArrayList<>(java.util.Arrays.asList(values));
    }

    /** A criterion the methodology does not have is NULL in the table and NaN in a staged row. */
    private static double orNaN(java.sql.ResultSet row, String column) throws java.sql.SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? Double.NaN : value;
    }
}
