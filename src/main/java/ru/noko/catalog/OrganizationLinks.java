package ru.noko.catalog;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.platform.database.PublishedData;
import ru.noko.platform.database.Sql;
import ru.noko.platform.security.AuditLog;
import ru.noko.platform.security.Caller;
import ru.noko.platform.web.ApiProblemException;
import ru.noko.platform.web.FieldProblem;
import ru.noko.platform.web.Page;
import ru.noko.platform.web.PageRequest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Predecessor / successor links between organizations across reorganisations. An operator token
 * links only organizations that both lie in its regions; an organization of another region is
 * answered exactly as a missing one, so a token learns nothing about other regions.
 */
@Singleton
public class OrganizationLinks {

    /** How far a history follows links back: real chains are a few links long; the bound keeps any chain finite. */
    public static final int MAX_DEPTH = 16;

    /** "Not after today" anywhere in Russia: the date in its easternmost time zone. */
    private static final ZoneId EASTERNMOST = ZoneId.of("Asia/Kamchatka");

    /** A link to record. */
    public record NewLink(long predecessorId, long successorId, String kind, LocalDate effectiveDate, String note) {
    }

    private static final String SELECT = """
            SELECT l.id, l.kind, l.effective_date, l.note, l.created_at, l.created_by,
                   p.id AS p_id, p.name AS p_name, p.inn AS p_inn, p.region_code AS p_region,
                   s.id AS s_id, s.name AS s_name, s.inn AS s_inn, s.region_code AS s_region
            FROM organization_link l
            JOIN organization p ON p.id = l.predecessor_id
            JOIN organization s ON s.id = l.successor_id
            """;

    private final Sql sql;
    private final AuditLog audit;
    private final PublishedData publishedData;

    OrganizationLinks(Sql sql, AuditLog audit, PublishedData publishedData) {
        this.sql = sql;
        this.audit = audit;
        this.publishedData = publishedData;
    }

    @Transactional
    public OrganizationLink create(Caller caller, NewLink link) {
        // one writer at a time, so two links made together cannot close a cycle or repeat a pair
        sql.update("LOCK TABLE organization_link IN SHARE ROW EXCLUSIVE MODE", List.of());
        List<FieldProblem> problems = new ArrayList<>();
        boolean predecessorKnown = requireVisible(caller, link.predecessorId(), "predecessor_id", problems);
        boolean successorKnown = requireVisible(caller, link.successorId(), "successor_id", problems);
        if (link.predecessorId() == link.successorId()) {
            problems.add(FieldProblem.ofField("successor_id", String.valueOf(link.successorId()), "self_link",
                    "Организация не может быть преемником самой себя"));
        } else if (predecessorKnown && successorKnown) {
            sql.one("""
                    SELECT id FROM organization_link
                    WHERE least(predecessor_id, successor_id) = least(?, ?)
                      AND greatest(predecessor_id, successor_id) = greatest(?, ?)""",
                    List.of(link.predecessorId(), link.successorId(), link.predecessorId(), link.successorId()),
                    row -> row.getLong(1)).ifPresentOrElse(
                    existing -> problems.add(FieldProblem.ofField("successor_id", String.valueOf(link.successorId()),
                            "duplicate_link", "Эти организации уже связаны (связь " + existing + ")")),
                    () -> {
                        if (reaches(link.successorId(), link.predecessorId())) {
                            problems.add(FieldProblem.ofField("successor_id", String.valueOf(link.successorId()), "link_cycle",
                                    "Связь замкнула бы цикл: организация " + link.predecessorId()
                                            + " уже продолжает организацию " + link.successorId() + " (напрямую или через другие связи)"));
                        }
                    });
        }
        LocalDate today = LocalDate.now(EASTERNMOST);
        if (link.effectiveDate().isAfter(today)) {
            problems.add(FieldProblem.ofField("effective_date", link.effectiveDate().toString(), "future_date",
                    "Дата реорганизации " + link.effectiveDate() + " ещё не наступила"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblemException.invalid("The link is invalid", problems);
        }
        String note = link.note() == null || link.note().isBlank() ? null : link.note().strip();
        long id = sql.one("""
                INSERT INTO organization_link (predecessor_id, successor_id, kind, effective_date, note, created_by)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""",
                Arrays.asList(link.predecessorId(), link.successorId(), link.kind(), link.effectiveDate(), note, caller.name()),
                row -> row.getLong(1)).orElseThrow();
        OrganizationLink created = byId(id).orElseThrow();
        audit.record(caller, "organization_link.create", target(id), details(created));
        publishedData.linksChanged();
        return created;
    }

    /** Removes the link; a link the caller may not manage answers as a missing one. */
    @Transactional
    public void delete(Caller caller, long id) {
        OrganizationLink link = find(caller, id);
        sql.update("DELETE FROM organization_link WHERE id = ?", List.of(id));
        audit.record(caller, "organization_link.delete", target(id), details(link));
        publishedData.linksChanged();
    }

    @Transactional(readOnly = true)
    public OrganizationLink find(Caller caller, long id) {
        return byId(id).filter(link -> mayManage(caller, link))
                .orElseThrow(() -> ApiProblemException.notFound("No organization link with id " + id));
    }

    /** Links newest first, of one organization when given; an operator sees those within its regions. */
    @Transactional(readOnly = true)
    public Page<OrganizationLink> list(Caller caller, Long organizationId, PageRequest page) {
        List<Object> parameters = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        if (organizationId != null) {
            String region = sql.one("SELECT region_code FROM organization WHERE id = ?", List.of(organizationId),
                    row -> row.getString(1)).orElse(null);
            if (region == null || !caller.mayManage(region)) {
                throw ApiProblemException.notFound("No organization with id " + organizationId);
            }
            conditions.add("(l.predecessor_id = ? OR l.successor_id = ?)");
            parameters.add(organizationId);
            parameters.add(organizationId);
        }
        if (!caller.admin()) {
            String regions = "{" + String.join(",", caller.regions()) + "}";
            conditions.add("p.region_code = ANY (?::text[]) AND s.region_code = ANY (?::text[])");
            parameters.add(regions);
            parameters.add(regions);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return sql.page("SELECT count(*) FROM organization_link l JOIN organization p ON p.id = l.predecessor_id"
                        + " JOIN organization s ON s.id = l.successor_id" + where,
                SELECT + where + " ORDER BY l.id DESC", parameters, page, OrganizationLinks::link);
    }

    /** The organizations the given one directly continues, oldest link first. */
    @Transactional(readOnly = true)
    public List<LinkedOrganization> predecessorsOf(long organizationId) {
        Sql.Query<LinkedOrganization> query = predecessors(organizationId);
        return sql.list(query.sql(), query.parameters(), query.mapper());
    }

    /** {@link #predecessorsOf} as a query to run {@link Sql#together} with others. */
    public static Sql.Query<LinkedOrganization> predecessors(long organizationId) {
        return new Sql.Query<>(SELECT + " WHERE l.successor_id = ? ORDER BY l.effective_date, l.id", List.of(organizationId),
                row -> link(row).predecessor());
    }

    /** The organizations that directly continue the given one, oldest link first. */
    @Transactional(readOnly = true)
    public List<LinkedOrganization> successorsOf(long organizationId) {
        Sql.Query<LinkedOrganization> query = successors(organizationId);
        return sql.list(query.sql(), query.parameters(), query.mapper());
    }

    /** {@link #successorsOf} as a query to run {@link Sql#together} with others. */
    public static Sql.Query<LinkedOrganization> successors(long organizationId) {
        return new Sql.Query<>(SELECT + " WHERE l.predecessor_id = ? ORDER BY l.effective_date, l.id", List.of(organizationId),
                row -> link(row).successor());
    }

    /**
     * Every organization the given one continues, through chains of links up to {@link #MAX_DEPTH}
     * long, each once (by its shortest chain); the organization itself never, even if links were to
     * close a cycle.
     */
    @Transactional(readOnly = true)
    public List<Predecessor> predecessorChain(long organizationId) {
        Sql.Query<Predecessor> query = chain(organizationId);
        return sql.list(query.sql(), query.parameters(), query.mapper());
    }

    /** {@link #predecessorChain} as a query to run {@link Sql#together} with others. */
    public static Sql.Query<Predecessor> chain(long organizationId) {
        return new Sql.Query<>(CHAIN, List.of(organizationId, MAX_DEPTH),
                row -> new Predecessor(row.getLong("organization_id"), row.getString("kind"),
                        row.getObject("effective_date", LocalDate.class), row.getInt("depth")));
    }

    /**
     * A subquery of the ids of an organization and of every organization it continues (as
     * {@link #predecessorChain}); it takes {@link #lineageParameters}.
     */
    public static String lineageIds() {
        return "SELECT ?::bigint UNION ALL SELECT organization_id FROM (" + CHAIN + ") c";
    }

    public static List<Object> lineageParameters(long organizationId) {
        return List.of(organizationId, organizationId, MAX_DEPTH);
    }

    private static final String CHAIN = """
            WITH RECURSIVE chain (organization_id, kind, effective_date, depth, path) AS (
                SELECT predecessor_id, kind, effective_date, 1, ARRAY[successor_id, predecessor_id]
                FROM organization_link WHERE successor_id = ?
                UNION ALL
                SELECT l.predecessor_id, l.kind, l.effective_date, c.depth + 1, c.path || l.predecessor_id
                FROM chain c JOIN organization_link l ON l.successor_id = c.organization_id
                WHERE c.depth < ? AND l.predecessor_id <> ALL (c.path))
            SELECT DISTINCT ON (organization_id) organization_id, kind, effective_date, depth FROM chain
            ORDER BY organization_id, depth, effective_date DESC""";

    private Optional<OrganizationLink> byId(long id) {
        return sql.one(SELECT + " WHERE l.id = ?", List.of(id), OrganizationLinks::link);
    }

    /** Whether {@code to} continues {@code from}, directly or through other links. */
    private boolean reaches(long from, long to) {
        return sql.one("""
                WITH RECURSIVE later (id) AS (
                    SELECT successor_id FROM organization_link WHERE predecessor_id = ?
                    UNION
                    SELECT l.successor_id FROM later JOIN organization_link l ON l.predecessor_id = later.id)
                SELECT 1 FROM later WHERE id = ?""", List.of(from, to), row -> true).isPresent();
    }

    private boolean requireVisible(Caller caller, long organizationId, String field, List<FieldProblem> problems) {
        Optional<String> region = sql.one("SELECT region_code FROM organization WHERE id = ?", List.of(organizationId),
                row -> row.getString(1));
        if (region.isPresent() && caller.mayManage(region.get())) {
            return true;
        }
        problems.add(FieldProblem.ofField(field, String.valueOf(organizationId), "unknown_organization",
                "Нет организации с id " + organizationId));
        return false;
    }

    private static boolean mayManage(Caller caller, OrganizationLink link) {
        return caller.mayManage(link.predecessor().regionCode()) && caller.mayManage(link.successor().regionCode());
    }

    private static String target(long id) {
        return "organization-link/" + id;
    }

    private static Map<String, Object> details(OrganizationLink link) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("predecessor", party(link.predecessor()));
        details.put("successor", party(link.successor()));
        details.put("kind", link.kind());
        details.put("effective_date", link.effectiveDate().toString());
        details.put("note", link.note());
        return details;
    }

    private static Map<String, Object> party(LinkedOrganization organization) {
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("id", organization.id());
        party.put("inn", organization.inn());
        party.put("name", organization.name());
        party.put("region_code", organization.regionCode());
        return party;
    }

    private static OrganizationLink link(ResultSet row) throws SQLException {
        String kind = row.getString("kind");
        LocalDate date = row.getObject("effective_date", LocalDate.class);
        String note = row.getString("note");
        return new OrganizationLink(row.getLong("id"),
                new LinkedOrganization(row.getLong("p_id"), row.getString("p_name"), row.getString("p_inn"),
                        row.getString("p_region"), kind, date, note),
                new LinkedOrganization(row.getLong("s_id"), row.getString("s_name"), row.getString("s_inn"),
                        row.getString("s_region"), kind, date, note),
                kind, date, note, row.getObject("created_at", OffsetDateTime.class), row.getString("created_by"));
    }
}
