package ru.noko.catalog;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.methodology.Criterion;
import ru.noko.methodology.Indicator;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.platform.csv.CsvRecords;
import ru.noko.platform.database.Sql;
import ru.noko.platform.seeds.SeedFiles;
import ru.noko.platform.seeds.StartupSeed;

import java.util.Arrays;
import java.util.List;

/**
 * Seeded first: upserts the regions of the federation and mirrors the methodology catalogue into
 * the database.
 */
@Singleton
class ReferenceData implements StartupSeed {

    private final Sql sql;
    private final MethodologyCatalogue catalogue;

    ReferenceData(Sql sql, MethodologyCatalogue catalogue) {
        this.sql = sql;
        this.catalogue = catalogue;
    }

    @Override
    @Transactional
    public void seed() {
        for (CsvRecords.Row region : SeedFiles.read("regions.csv")) {
            sql.update("""
                    INSERT INTO region (code, okato_code, name, federal_district) VALUES (?, ?, ?, ?)
                    ON CONFLICT (code) DO UPDATE SET okato_code = excluded.okato_code, name = excluded.name,
                                                     federal_district = excluded.federal_district""",
                    List.of(region.get("code"), region.get("okato_code"), region.get("name"), region.get("federal_district")));
        }
        catalogue.methodologies().forEach(this::mirror);
    }

    private void mirror(Methodology methodology) {
        sql.update("""
                INSERT INTO methodology (code, title, legal_basis, valid_from_year, description, scale, total_rule,
                                         first_year, last_year) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET title = excluded.title, legal_basis = excluded.legal_basis,
                    valid_from_year = excluded.valid_from_year, description = excluded.description,
                    scale = excluded.scale, total_rule = excluded.total_rule, first_year = excluded.first_year,
                    last_year = excluded.last_year""",
                Arrays.asList(methodology.code(), methodology.title(), methodology.legalBasis(),
                        methodology.validFromYear(), methodology.description(), methodology.scale().code(),
                        methodology.totalRule().code(), methodology.firstYear(), methodology.lastYear()));
        for (Criterion criterion : methodology.criteria()) {
            sql.update("""
                    INSERT INTO criterion (methodology_code, code, field, position, name_ru, name_en, max_score)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (methodology_code, code) DO UPDATE SET field = excluded.field, position = excluded.position,
                        name_ru = excluded.name_ru, name_en = excluded.name_en, max_score = excluded.max_score""",
                    Arrays.asList(methodology.code(), criterion.code(), criterion.field(), criterion.position(),
                            criterion.nameRu(), criterion.nameEn(), criterion.maxScore()));
            for (Indicator indicator : criterion.indicators()) {
                sql.update("""
                        INSERT INTO indicator (methodology_code, code, criterion_code, field, position, weight, source, name_ru, name_en)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (methodology_code, code) DO UPDATE SET criterion_code = excluded.criterion_code,
                            field = excluded.field, position = excluded.position, weight = excluded.weight,
                            source = excluded.source, name_ru = excluded.name_ru, name_en = excluded.name_en""",
                        Arrays.asList(methodology.code(), indicator.code(), criterion.code(), indicator.field(),
                                indicator.position(), indicator.weight(), indicator.source().code(),
                                indicator.nameRu(), indicator.nameEn()));
            }
        }
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
