package ru.noko.catalog;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.platform.database.PublishedData;
import ru.noko.platform.database.Sql;
import ru.noko.platform.security.AuditLog;
import ru.noko.platform.security.Caller;
import ru.noko.platform.web.ApiProblemException;
import ru.noko.platform.web.FieldProblem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves an organization to another region: the one catalogue change operators cannot make, since
 * an organization belongs to its region and publishing never moves it. The ОКТМО of the old region
 * cannot stay; it becomes the given municipality of the new region, or none.
 */
@Singleton
public class OrganizationMoves {

    private record Placement(String inn, String kpp, String regionCode, String oktmo) {
    }

    private final Sql sql;
    private final RegionRepository regions;
    private final OrganizationRepository organizations;
    private final AuditLog audit;
    private final PublishedData publishedData;

    OrganizationMoves(Sql sql, RegionRepository regions, OrganizationRepository organizations, AuditLog audit,
                      PublishedData publishedData) {
        this.sql = sql;
        this.regions = regions;
        this.organizations = organizations;
        this.audit = audit;
        this.publishedData = publishedData;
    }

    /** The caller must be an admin; the move is audited with the region and ОКТМО before and after. */
    @Transactional
    public Organization move(Caller admin, long id, String regionCode, String oktmo, String reason) {
        Placement before = sql.one("SELECT inn, kpp, region_code, oktmo FROM organization WHERE id = ? FOR UPDATE",
                List.of(id), row -> new Placement(row.getString(1), row.getString(2), row.getString(3), row.getString(4)))
                .orElseThrow(() -> ApiProblemException.notFound("No organization with id " + id));
        List<FieldProblem> problems = new ArrayList<>();
        if (regions.findByCode(regionCode).isEmpty()) {
            problems.add(FieldProblem.ofField("region_code", regionCode, "unknown_region", "Неизвестный код региона " + regionCode));
        } else if (oktmo != null) {
            Optional<String> municipalityRegion = sql.one("SELECT region_code FROM municipality WHERE oktmo = ?",
                    List.of(oktmo), row -> row.getString(1));
            if (municipalityRegion.isEmpty()) {
                problems.add(FieldProblem.ofField("oktmo", oktmo, "unknown_municipality",
                        "В каталоге нет муниципального образования с ОКТМО " + oktmo));
            } else if (!municipalityRegion.get().equals(regionCode)) {
                problems.add(FieldProblem.ofField("oktmo", oktmo, "municipality_of_other_region",
                        "Муниципальное образование с ОКТМО " + oktmo + " относится к региону " + municipalityRegion.get()
                                + ", а не " + regionCode));
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblemException.invalid("The move is invalid", problems);
        }
        if (!before.regionCode().equals(regionCode)) {
            sql.update("UPDATE organization SET region_code = ?, oktmo = ?, updated_at = now() WHERE id = ?",
                    Arrays.asList(regionCode, oktmo, id));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("inn", before.inn());
            details.put("kpp", before.kpp());
            details.put("reason", reason);
            details.put("before", placement(before.regionCode(), before.oktmo()));
            details.put("after", placement(regionCode, oktmo));
            audit.record(admin, "organization.move", "organization/" + id, details);
            publishedData.catalogueChanged();
        }
        return organizations.findById(id).orElseThrow();
    }

    private static Map<String, Object> placement(String regionCode, String oktmo) {
        Map<String, Object> placement = new LinkedHashMap<>();
        placement.put("region_code", regionCode);
        placement.put("oktmo", oktmo);
        return placement;
    }
}
