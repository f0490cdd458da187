package ru.noko.campaigns.staging;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.campaigns.results.PlaceRanking;
import ru.noko.platform.database.Sql;
import ru.noko.platform.web.Page;
import ru.noko.platform.web.PageRequest;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A staged upload ranked as publishing would rank it ({@link PlaceRanking}, the publish's own
 * columns), with the place the service computes beside the file's: the operator's preview.
 */
@Singleton
public class StagedRanking {

    /** Orders of the preview; each ends on the file line, so pages are stable. */
    public enum Sort {
        PLACE("p.place_region, s.line"),
        PLACE_COMPUTED("p.place_computed, s.line"),
        NAME("s.name, s.line"),
        MISMATCH("(s.total_check = 'mismatch') DESC, p.place_region, s.line");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    /**
     * @param criteria           K1..K5, null for a criterion the methodology does not have
     * @param placeOfficial      the file's place, null when it gave none
     * @param indicatorMismatches codes of the indicators whose official value differs from ours
     */
    public record Row(int line, Long organizationId, String inn, String kpp, String name, String type, String oktmo,
                      String municipality, List<Double> criteria, double total, Double publishedTotal,
                      Double totalComputed, String totalCheck, Integer placeOfficial, int placeComputed,
                      int placeRegion, int placeType, Integer placeMunicipality, List<String> indicatorMismatches) {
    }

    private final Sql sql;

    public StagedRanking(Sql sql) {
        this.sql = sql;
    }

    /**
     * @param indicatorCodes the methodology's indicator codes, in the order of the staged indicator arrays
     * @param type           an organization type code, or null for all; places stay the whole upload's
     */
    @Transactional(readOnly = true)
    public Page<Row> page(long jobId, List<String> indicatorCodes, String type, Sort sort, PageRequest page) {
        long total = sql.count("SELECT count(*) FROM staged_result WHERE job_id = ? AND (?::text IS NULL OR type = ?)",
                Arrays.asList(jobId, type, type));
        List<Row> rows = sql.list("""
                SELECT s.line, o.id AS organization_id, s.inn, s.kpp, s.name, s.type, s.oktmo,
                       coalesce(m.name, s.municipality) AS municipality_name, s.k1, s.k2, s.k3, s.k4, s.k5, s.total,
                       s.published_total, s.total_computed, s.total_check, s.place_region AS place_official,
                       p.place_computed, p.place_region, p.place_type, p.place_municipality, s.indicator_checks
                FROM (SELECT line, %s, %s AS place_computed FROM staged_result WHERE job_id = ?) p
                JOIN staged_result s ON s.job_id = ? AND s.line = p.line
                LEFT JOIN organization o ON o.inn = s.inn AND o.kpp = s.kpp
                LEFT JOIN municipality m ON m.oktmo = s.oktmo
                WHERE (?::text IS NULL OR s.type = ?)
                ORDER BY %s
                LIMIT ? OFFSET ?""".formatted(PlaceRanking.placeColumns(), PlaceRanking.computedRegionPlace(), sort.orderBy),
                Arrays.asList(jobId, jobId, type, type, page.perPage(), page.offset()), row -> row(row, indicatorCodes));
        return new Page<>(rows, total, page);
    }

    private static Row row(ResultSet row, List<String> indicatorCodes) throws SQLException {
        List<Double> criteria = new ArrayList<>();
        for (String column : List.of("k1", "k2", "k3", "k4", "k5")) {
            criteria.add(row.getObject(column, Double.class));
        }
        List<String> mismatches = new ArrayList<>();
        Array checks = row.getArray("indicator_checks");
        if (checks != null) {
            Object[] values = (Object[]) checks.getArray();
            for (int i = 0; i < values.length && i < indicatorCodes.size(); i++) {
                if ("mismatch".equals(values[i])) {
                    mismatches.add(indicatorCodes.get(i));
                }
            }
        }
        return new Row(row.getInt("line"), row.getObject("organization_id", Long.class), row.getString("inn"),
                row.getString("kpp"), row.getString("name"), row.getString("type"), row.getString("oktmo"),
                row.getString("municipality_name"), criteria, row.getDouble("total"),
                row.getObject("published_total", Double.class), row.getObject("total_computed", Double.class),
                row.getString("total_check"), Sql.nullableInt(row, "place_official"), row.getInt("place_computed"),
                row.getInt("place_region"), row.getInt("place_type"), Sql.nullableInt(row, "place_municipality"),
                mismatches);
    }
}
