package ru.noko.opendata;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.methodology.Criterion;
import ru.noko.methodology.Indicator;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.platform.database.Sql;

import java.io.OutputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one dataset of one release as CSV, row by row from a server-side cursor: memory stays
 * flat however large the dump. The same call produces the served file and its checksum.
 */
@Singleton
public class DatasetWriter {

    private static final int FETCH_SIZE = 2_000;

    private final Sql sql;
    private final MethodologyCatalogue catalogue;

    public DatasetWriter(Sql sql, MethodologyCatalogue catalogue) {
        this.sql = sql;
        this.catalogue = catalogue;
    }

    @Transactional(readOnly = true)
    public void write(Dataset dataset, Release release, OutputStream out) {
        try (CsvSink sink = new CsvSink(out)) {
            sink.row(dataset.header());
            if (dataset instanceof MethodologyDataset) {
                writeMethodology(sink);
            } else {
                writeQuery(dataset, release, sink);
            }
        }
    }

    private void writeQuery(Dataset dataset, Release release, CsvSink sink) {
        String query;
        List<Object> parameters = new ArrayList<>();
        parameters.add(release.id());
        if (dataset instanceof ResultsDataset results) {
            query = ResultsDataset.SQL;
            parameters.add(results.regionCode());
            parameters.add(results.regionCode());
        } else if (dataset instanceof IndicatorsDataset) {
            query = IndicatorsDataset.SQL;
        } else {
            query = OrganizationsDataset.SQL;
        }
        List<DatasetColumn> columns = dataset.columns();
        // a cursor makes PostgreSQL plan for the first rows (cursor_tuple_fraction 0.1); a dump reads them all
        sql.update("SET LOCAL cursor_tuple_fraction = 1.0", List.of());
        sql.jdbc().prepareStatement(query, statement -> {
            statement.setFetchSize(FETCH_SIZE);
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> cells = new ArrayList<>(columns.size());
                while (rows.next()) {
                    cells.clear();
                    for (DatasetColumn column : columns) {
                        String cell = column.type().read(rows, column.name());
                        cells.add(column.type() == ColumnType.STRING ? CsvSink.text(cell) : cell);
                    }
                    sink.row(cells);
                }
            }
            return null;
        });
    }

    private void writeMethodology(CsvSink sink) {
        for (Methodology methodology : catalogue.methodologies()) {
            for (Criterion criterion : methodology.criteria()) {
                for (Indicator indicator : criterion.indicators()) {
                    sink.row(List.of(methodology.code(), criterion.code(), criterion.nameRu(), indicator.code(),
                            indicator.field(), indicator.nameRu(), ColumnType.number(indicator.weight()),
                            indicator.source().code(), String.join("|", indicator.formula().inputs())));
                }
            }
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws java.sql.SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }
}
