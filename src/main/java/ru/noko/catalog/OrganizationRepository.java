package ru.noko.catalog;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.platform.database.Sql;
import ru.noko.platform.web.Page;
import ru.noko.platform.web.PageRequest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Singleton
public class OrganizationRepository {

    private static final String COLUMNS = """
            o.id, o.inn, o.kpp, o.ogrn, o.bus_reg_num, o.name, o.short_name, o.type, o.region_code,
            o.oktmo, m.name AS municipality, o.address, o.website, r.demo
            """;
    private static final String FROM = """
             FROM organization o
             JOIN region r ON r.code = o.region_code
             LEFT JOIN municipality m ON m.oktmo = o.oktmo
            """;

    private final Sql sql;
    /** The schema pg_trgm is installed in, quoted, or empty where it is not; asked once. */
    private volatile Optional<String> trigrams;

    public OrganizationRepository(Sql sql) {
        this.sql = sql;
    }

    @Transactional(readOnly = true)
    public Page<Organization> find(OrganizationQuery query, PageRequest page) {
        List<Object> parameters = new ArrayList<>();
        String where = where(query, parameters);
        return sql.page("SELECT count(*)" + FROM + where, "SELECT " + COLUMNS + FROM + where
                + " ORDER BY " + query.sort().orderBy(), parameters, page, OrganizationRepository::organization);
    }

    /** Every matching organization in order, read through a cursor; {@code sink} runs inside the read transaction. */
    @Transactional(readOnly = true)
    public void stream(OrganizationQuery query, java.util.function.Consumer<Organization> sink) {
        List<Object> parameters = new ArrayList<>();
        String statement = "SELECT " + COLUMNS + FROM + where(query, parameters) + " ORDER BY " + query.sort().orderBy();
        sql.stream(statement, parameters, OrganizationRepository::organization, sink);
    }

    /**
     * Organizations whose name is like the text though it contains no part of it exactly (a typo),
     * most alike first, by pg_trgm word similarity; empty where the extension is not installed (see
     * V30). Scans the names, so it is meant only as the fallback of a search that found nothing.
     */
    @Transactional(readOnly = true)
    public List<Organization> findSimilar(String text, int limit) {
        Optional<String> schema = trigramSchema();
        if (schema.isEmpty()) {
            return List.of();
        }
        String folded = SearchText.fold(text);
        // qualified: the extension may live in a schema that is not on this connection's search_path
        return sql.list("SELECT " + COLUMNS + FROM + " WHERE ? OPERATOR(" + schema.get() + ".<%) o.search_name"
                        + " ORDER BY " + schema.get() + ".word_similarity(?, o.search_name) DESC, o.id LIMIT ?",
                List.of(folded, folded, limit), OrganizationRepository::organization);
    }

    private Optional<String> trigramSchema() {
        Optional<String> known = trigrams;
        if (known == null) {
            known = sql.one("""
                    SELECT quote_ident(n.nspname) FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                     WHERE e.extname = 'pg_trgm'""", List.of(), row -> row.getString(1));
            trigrams = known;
        }
        return known;
    }

    @Transactional(readOnly = true)
    public Optional<Organization> findById(long id) {
        Sql.Query<Organization> query = byId(id);
        return sql.one(query.sql(), query.parameters(), query.mapper());
    }

    /** {@link #findById} as a query to run {@link Sql#together} with others. */
    public static Sql.Query<Organization> byId(long id) {
        return new Sql.Query<>("SELECT " + COLUMNS + FROM + " WHERE o.id = ?", List.of(id), OrganizationRepository::organization);
    }

    private static String where(OrganizationQuery query, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (query.region() != null) {
            conditions.add("o.region_code = ?");
            parameters.add(query.region());
        }
        if (query.municipality() != null) {
            conditions.add("o.oktmo = ?");
            parameters.add(query.municipality());
        }
        if (query.type() != null) {
            conditions.add("o.type = ?");
            parameters.add(query.type().code());
        }
        if (query.inn() != null) {
            conditions.add("o.inn = ?");
            parameters.add(query.inn());
        }
        if (query.text() != null) {
            for (String word : SearchText.fold(query.text()).split(" ")) {
                conditions.add("o.search_name LIKE ? ESCAPE '\\'");
                parameters.add("%" + escapeLike(word) + "%");
            }
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static String escapeLike(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static Organization organization(ResultSet row) throws SQLException {
        return new Organization(row.getLong("id"), row.getString("inn"), row.getString("kpp"), row.getString("ogrn"),
                row.getString("bus_reg_num"), row.getString("name"), row.getString("short_name"),
                OrganizationType.fromCode(row.getString("type")).orElseThrow(), row.getString("region_code"),
                row.getString("oktmo"), row.getString("municipality"), row.getString("address"),
                row.getString("website"), row.getBoolean("demo"));
    }
}
