package ru.noko.campaigns.revisions;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.campaigns.staging.StagedRows;
import ru.noko.campaigns.upload.InputLevel;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.platform.database.Sql;
import ru.noko.platform.web.Page;
import ru.noko.platform.web.PageRequest;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Published revisions of a campaign (immutable rows) and what one revision changed against
 * another: organizations added, removed, and values changed, compared in the database.
 */
@Singleton
public class Revisions {

    public record Revision(int revision, InputLevel level, String sourceName, String note, OffsetDateTime publishedAt,
                           int organizations) {
    }

    public record ValueChange(String field, String before, String after) {
    }

    public record OrganizationChange(Long organizationId, String inn, String kpp, String name, String change,
                                     List<ValueChange> fields) {
    }

    public record Summary(int added, int removed, int changed, int unchanged) {
    }

    public record Changes(int revision, Integer fromRevision, Summary summary, Page<OrganizationChange> page) {
    }

    private static final String[] COMPARED = {"name", "type", "oktmo", "k1", "k2", "k3", "k4", "k5", "total",
            "published_total", "place_region"};
    private static final String DIFFERS = """
            (a.name, a.type, a.oktmo, a.k1, a.k2, a.k3, a.k4, a.k5, a.total, a.published_total, a.place_region,
             a.indicator_values)
            IS DISTINCT FROM
            (b.name, b.type, b.oktmo, b.k1, b.k2, b.k3, b.k4, b.k5, b.total, b.published_total, b.place_region,
             b.indicator_values)""";

    private final Sql sql;
    private final MethodologyCatalogue catalogue;

    public Revisions(Sql sql, MethodologyCatalogue catalogue) {
        this.sql = sql;
        this.catalogue = catalogue;
    }

    @Transactional(readOnly = true)
    public List<Revision> list(long campaignId) {
        return sql.list("""
                SELECT revision, input_level, source_name, note, published_at,
                       coalesce(organizations, (SELECT count(*) FROM result r WHERE r.campaign_id = cr.campaign_id
                                                AND r.revision = cr.revision)) AS organizations
                FROM campaign_revision cr WHERE campaign_id = ? ORDER BY revision DESC""", List.of(campaignId),
                row -> new Revision(row.getInt(1), InputLevel.fromCode(row.getString(2)).orElseThrow(), row.getString(3),
                        row.getString(4), row.getObject(5, OffsetDateTime.class), row.getInt(6)));
    }

    /**
     * @param revision the revision described
     * @param from     the revision compared with; null for the one before (none for the first: all added)
     * @return empty when {@code revision} or {@code from} does not exist
     */
    @Transactional(readOnly = true)
    public Optional<Changes> changes(long campaignId, String methodologyCode, int revision, Integer from, PageRequest page) {
        List<Revision> revisions = list(campaignId);
        if (revisions.stream().noneMatch(r -> r.revision() == revision)
                || (from != null && revisions.stream().noneMatch(r -> r.revision() == from))) {
            return Optional.empty();
        }
        Integer base = from != null ? from : revisions.stream().map(Revision::revision).filter(r -> r < revision)
                .max(Integer::compare).orElse(null);
        int baseRevision = base == null ? -1 : base;
        String pair = """
                WITH a AS (SELECT * FROM result WHERE campaign_id = ? AND revision = ?),
                     b AS (SELECT * FROM result WHERE campaign_id = ? AND revision = ?)
                """;
        List<Object> parameters = List.of(campaignId, baseRevision, campaignId, revision);
        Summary summary = sql.one(pair + """
                SELECT count(*) FILTER (WHERE a.organization_id IS NULL),
                       count(*) FILTER (WHERE b.organization_id IS NULL),
                       count(*) FILTER (WHERE a.organization_id IS NOT NULL AND b.organization_id IS NOT NULL AND %s),
                       count(*) FILTER (WHERE a.organization_id IS NOT NULL AND b.organization_id IS NOT NULL AND NOT (%s))
                FROM a FULL JOIN b ON a.organization_id = b.organization_id""".formatted(DIFFERS, DIFFERS), parameters,
                row -> new Summary(row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4))).orElseThrow();
        List<Object> pageParameters = new ArrayList<>(parameters);
        pageParameters.add(page.perPage());
        pageParameters.add(page.offset());
        Map<String, String> fieldByCode = new HashMap<>();
        catalogue.find(methodologyCode).ifPresent(m -> m.indicators().forEach(i -> fieldByCode.put(i.code(), i.field())));
        List<OrganizationChange> rows = sql.list(pair + """
                SELECT o.id, o.inn, o.kpp, coalesce(b.name, a.name) AS current_name,
                       CASE WHEN a.organization_id IS NULL THEN 'added' WHEN b.organization_id IS NULL THEN 'removed'
                            ELSE 'changed' END AS change,
                       a.name AS a_name, a.type AS a_type, a.oktmo AS a_oktmo, a.k1 AS a_k1, a.k2 AS a_k2, a.k3 AS a_k3,
                       a.k4 AS a_k4, a.k5 AS a_k5, a.total AS a_total, a.published_total AS a_published_total,
                       a.place_region AS a_place_region, a.indicator_values AS a_indicators,
                       b.name AS b_name, b.type AS b_type, b.oktmo AS b_oktmo, b.k1 AS b_k1, b.k2 AS b_k2, b.k3 AS b_k3,
                       b.k4 AS b_k4, b.k5 AS b_k5, b.total AS b_total, b.published_total AS b_published_total,
                       b.place_region AS b_place_region, b.indicator_values AS b_indicators,
                       (SELECT indicator_codes FROM campaign_revision WHERE campaign_id = ? AND revision = ?) AS codes
                FROM a FULL JOIN b ON a.organization_id = b.organization_id
                JOIN organization o ON o.id = coalesce(b.organization_id, a.organization_id)
                WHERE a.organization_id IS NULL OR b.organization_id IS NULL OR %s
                ORDER BY change, current_name, o.id
                LIMIT ? OFFSET ?""".formatted(DIFFERS), withCodes(pageParameters, campaignId, revision),
                row -> change(row, fieldByCode));
        long total = summary.added() + summary.removed() + summary.changed();
        return Optional.of(new Changes(revision, base, summary, new Page<>(rows, total, page)));
    }

    private static final String[] STAGED_COMPARED = {"name", "k1", "k2", "k3", "k4", "k5", "total", "place_region"};

    /**
     * What publishing the staged upload {@code jobId} would change against the published {@code revision}
     * (none when null: everything is added), in the rows of {@link #changes}: organizations matched by ИНН
     * and КПП and compared as {@link StagedRows#changesAgainst} counts them, so {@code summary} is its count.
     * An added organization new to the catalogue has no id (null).
     */
    @Transactional(readOnly = true)
    public Page<OrganizationChange> pendingChanges(long jobId, long campaignId, Integer revision, StagedRows.Changes summary,
                                                   PageRequest page) {
        String columns = String.join(", ", java.util.Arrays.stream(STAGED_COMPARED)
                .map(f -> "p." + f + " AS a_" + f + ", s." + f + " AS b_" + f).toList());
        List<OrganizationChange> rows = sql.list("""
                WITH s AS (SELECT inn, kpp, name, k1, k2, k3, k4, k5, total, place_region FROM staged_result WHERE job_id = ?),
                     p AS (SELECT o.id, o.inn, o.kpp, r.name, r.k1, r.k2, r.k3, r.k4, r.k5, r.total, r.place_region
                           FROM result r JOIN organization o ON o.id = r.organization_id
                           WHERE r.campaign_id = ? AND r.revision = ?)
                SELECT coalesce(p.id, o.id) AS id, coalesce(s.inn, p.inn) AS inn, coalesce(s.kpp, p.kpp) AS kpp,
                       coalesce(s.name, p.name) AS current_name,
                       CASE WHEN p.inn IS NULL THEN 'added' WHEN s.inn IS NULL THEN 'removed' ELSE 'changed' END AS change,
                       %s
                FROM s FULL JOIN p ON s.inn = p.inn AND s.kpp = p.kpp
                LEFT JOIN organization o ON p.inn IS NULL AND o.inn = s.inn AND o.kpp = s.kpp
                WHERE p.inn IS NULL OR s.inn IS NULL OR %s
                ORDER BY change, current_name, inn, kpp
                LIMIT ? OFFSET ?""".formatted(columns, StagedRows.STAGED_DIFFERS),
                java.util.Arrays.asList(jobId, campaignId, revision == null ? -1 : revision, page.perPage(), page.offset()),
                Revisions::pendingChange);
        return new Page<>(rows, summary.added() + summary.removed() + summary.changed(), page);
    }

    private static OrganizationChange pendingChange(ResultSet row) throws SQLException {
        String change = row.getString("change");
        List<ValueChange> fields = new ArrayList<>();
        if ("changed".equals(change)) {
            for (String field : STAGED_COMPARED) {
                String before = text(row.getObject("a_" + field));
                String after = text(row.getObject("b_" + field));
                // a place the file leaves out is computed at publishing: not a change
                boolean computedLater = field.equals("place_region") && after == null;
                if (!computedLater && !Objects.equals(before, after)) {
                    fields.add(new ValueChange(field, before, after));
                }
            }
        }
        return new OrganizationChange(row.getObject("id", Long.class), row.getString("inn"), row.getString("kpp"),
                row.getString("current_name"), change, fields);
    }

    private static List<Object> withCodes(List<Object> parameters, long campaignId, int revision) {
        List<Object> all = new ArrayList<>(parameters.subList(0, 4));
        all.add(campaignId);
        all.add(revision);
        all.addAll(parameters.subList(4, parameters.size()));
        return all;
    }

    private static OrganizationChange change(ResultSet row, Map<String, String> fieldByCode) throws SQLException {
        String change = row.getString("change");
        List<ValueChange> fields = new ArrayList<>();
        if ("changed".equals(change)) {
            for (String field : COMPARED) {
                String before = text(row.getObject("a_" + field));
                String after = text(row.getObject("b_" + field));
                if (!Objects.equals(before, after)) {
                    fields.add(new ValueChange(field, before, after));
                }
            }
            Object[] before = array(row.getArray("a_indicators"));
            Object[] after = array(row.getArray("b_indicators"));
            Object[] codes = array(row.getArray("codes"));
            for (int i = 0; i < codes.length; i++) {
                String a = text(i < before.length ? before[i] : null);
                String b = text(i < after.length ? after[i] : null);
                if (!Objects.equals(a, b)) {
                    String code = String.valueOf(codes[i]);
                    fields.add(new ValueChange(fieldByCode.getOrDefault(code, "i" + code.replace('.', '_')), a, b));
                }
            }
        }
        return new OrganizationChange(row.getLong("id"), row.getString("inn"), row.getString("kpp"),
                row.getString("current_name"), change, fields);
    }

    private static Object[] array(Array array) throws SQLException {
        return array == null ? new Object[0] : (Object[]) array.getArray();
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

}
