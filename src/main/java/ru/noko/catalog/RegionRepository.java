package ru.noko.catalog;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.platform.database.Sql;
import ru.noko.platform.security.RegionCodes;
import ru.noko.platform.web.Page;
import ru.noko.platform.web.PageRequest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Singleton
public class RegionRepository implements RegionCodes {

    private static final String REGION_COLUMNS = """
            r.code, r.okato_code, r.name, r.federal_district, r.demo,
            (SELECT count(*) FROM municipality m WHERE m.region_code = r.code) AS municipalities_count,
            (SELECT count(*) FROM organization o WHERE o.region_code = r.code) AS organizations_count
            """;

    private final Sql sql;

    public RegionRepository(Sql sql) {
        this.sql = sql;
    }

    @Transactional(readOnly = true)
    public Page<Region> findAll(PageRequest page) {
        long total = sql.count("SELECT count(*) FROM region", List.of());
        List<Region> rows = sql.list("SELECT " + REGION_COLUMNS + " FROM region r ORDER BY r.code LIMIT ? OFFSET ?",
                List.of(page.perPage(), page.offset()), RegionRepository::region);
        return new Page<>(rows, total, page);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean exists(String code) {
        return sql.count("SELECT count(*) FROM region WHERE code = ?", List.of(code)) > 0;
    }

    /** The name of the organization's region, to run {@link Sql#together} with other queries. */
    public static Sql.Query<String> nameOfRegionOf(long organizationId) {
        return new Sql.Query<>("SELECT g.name FROM organization o JOIN region g ON g.code = o.region_code WHERE o.id = ?",
                List.of(organizationId), row -> row.getString(1));
    }

    @Transactional(readOnly = true)
    public Optional<Region> findByCode(String code) {
        return sql.one("SELECT " + REGION_COLUMNS + " FROM region r WHERE r.code = ?", List.of(code), RegionRepository::region);
    }

    @Transactional(readOnly = true)
    public Page<Municipality> findMunicipalities(String regionCode, PageRequest page) {
        long total = sql.count("SELECT count(*) FROM municipality WHERE region_code = ?", List.of(regionCode));
        List<Municipality> rows = sql.list("""
                        SELECT m.oktmo, m.name, m.kind, m.region_code,
                               (SELECT count(*) FROM organization o WHERE o.oktmo = m.oktmo) AS organizations_count
                        FROM municipality m WHERE m.region_code = ?
                        ORDER BY m.name, m.oktmo LIMIT ? OFFSET ?""",
                List.of(regionCode, page.perPage(), page.offset()),
                row -> new Municipality(row.getString("oktmo"), row.getString("name"), row.getString("kind"),
                        row.getString("region_code"), row.getInt("organizations_count")));
        return new Page<>(rows, total, page);
    }

    private static Region region(ResultSet row) throws SQLException {
        return new Region(row.getString("code"), row.getString("okato_code"), row.getString("name"),
                row.getString("federal_district"), row.getBoolean("demo"),
                row.getInt("municipalities_count"), row.getInt("organizations_count"));
    }
}
