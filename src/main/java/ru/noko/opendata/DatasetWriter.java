package ru.noko.opendata;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import ru.noko.methodology.Criterion;
import ru.noko.methodology.Indicator;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.methodology.Score;
import ru.noko.platform.csv.CsvDialect;
import ru.noko.platform.csv.CsvWriter;
import ru.noko.platform.csv.FormulaGuard;
import ru.noko.platform.database.Sql;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes one dataset of one release as CSV. Database datasets are produced by PostgreSQL itself
 * ({@code COPY (query) TO STDOUT}) and streamed through: memory stays flat however large the dump,
 * and the service keeps up with the database. The same call makes the served file and its checksum.
 */
@Singleton
class DatasetWriter {

    /** Free text from uploaded files: a leading = + - @ would run as a spreadsheet formula. */
    private static final String NEUTRALISED_NAME = FormulaGuard.sql("r.name");
    private static final String UTC_DATETIME =
            "to_char(cr.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";

    private final Sql sql;
    private final MethodologyCatalogue catalogue;

    public DatasetWriter(Sql sql, MethodologyCatalogue catalogue) {
        this.sql = sql;
        this.catalogue = catalogue;
    }

    @Transactional(readOnly = true)
    public void write(Dataset dataset, Edition edition, OutputStream out) {
        sql.allowLongStatements();
        if (dataset instanceof MethodologyDataset) {
            CsvWriter csv = new CsvWriter(out, CsvDialect.RFC4180);
            csv.row(dataset.structureOf(edition.release()).header());
            writeMethodology(csv);
            csv.flush(); // the stream is the caller's: a checksum or a response
            return;
        }
        CrlfOutputStream crlf = new CrlfOutputStream(out);
        // every PostgreSQL since 12 prints float8 as the shortest exact decimal at this setting
        sql.update("SET LOCAL extra_float_digits = 1", List.of());
        sql.jdbc().execute(connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyOut("COPY (" + query(dataset, edition) + ") TO STDOUT WITH (FORMAT csv, HEADER)", crlf);
                crlf.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    /**
     * COPY takes no bind parameters: the only values inlined are ids and a checked region code. A
     * later edition leaves out the campaigns taken down up to the takedown that made it; the first
     * edition leaves out nothing, so its bytes are what they always were.
     */
    private static String query(Dataset dataset, Edition edition) {
        long release = edition.release().id();
        String excluded = edition.excludedUpTo() == 0 ? ""
                : "AND rc.campaign_id NOT IN (SELECT campaign_id FROM opendata_takedown WHERE id <= " + edition.excludedUpTo() + ")";
        if (dataset instanceof ResultsDataset results) {
            String region = results.regionCode() == null ? "" : "AND rc.region_code = '" + checkedRegion(results.regionCode()) + "'";
            return ResultsDataset.query(results.structureOf(edition.release()))
                    .formatted(release, NEUTRALISED_NAME, UTC_DATETIME, region + " " + excluded);
        }
        if (dataset instanceof IndicatorsDataset indicators) {
            return IndicatorsDataset.query(indicators.structureOf(edition.release())).formatted(release, excluded);
        }
        return OrganizationsDataset.query(dataset.structureOf(edition.release())).formatted(release, NEUTRALISED_NAME, excluded);
    }

    private static String checkedRegion(String code) {
        if (!code.matches("[0-9]{2}")) {
            throw new IllegalArgumentException("Not a region code: " + code);
        }
        return code;
    }

    private void writeMethodology(CsvWriter csv) {
        for (Methodology methodology : catalogue.methodologies()) {
            for (Criterion criterion : methodology.criteria()) {
                for (Indicator indicator : criterion.indicators()) {
                    csv.row(List.of(methodology.code(), criterion.code(), criterion.nameRu(), indicator.code(),
                            indicator.field(), indicator.nameRu(), new Score(indicator.weight()).exact(),
                            indicator.source().code(), String.join("|", indicator.formula().inputs())));
                }
            }
        }
    }
}
