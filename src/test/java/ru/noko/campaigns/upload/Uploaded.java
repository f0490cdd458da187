package ru.noko.campaigns.upload;

import ru.noko.catalog.OrganizationType;
import ru.noko.methodology.CalculationSettings;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.platform.web.FieldProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A file run through the real tables and {@link Importer}, without a database: what it staged and reported. */
record Uploaded(Importer.Outcome outcome, UploadReport report, List<StagedRow> staged) {

    static final Methodology METHODOLOGY = MethodologyCatalogue.fromClasspath().defaultMethodology();
    static final UploadFields FIELDS = new UploadFields(METHODOLOGY, UploadFields.seedAliases());
    static final CampaignScope SCHOOLS = new CampaignScope(1, "59", "57", 2024, List.of(OrganizationType.SCHOOL),
            METHODOLOGY, CalculationSettings.defaults(METHODOLOGY));

    /** Opens the table as the upload job does; {@link UnreadableUpload} when it is not one. */
    static UploadTable open(Path file, String format) {
        return "json".equals(format) ? new JsonUploadTable(file, FIELDS) : new CsvUploadTable(file, FIELDS);
    }

    static Uploaded run(Path file, String format, InputLevel level) {
        return run(file, format, level, Map.of());
    }

    static Uploaded run(Path file, String format, InputLevel level, Map<String, StagedRow> checklist) {
        UploadReport report = new UploadReport();
        List<StagedRow> staged = new ArrayList<>();
        try (UploadTable table = open(file, format)) {
            Importer.Outcome outcome = new Importer(FIELDS).run(SCHOOLS, table, level, () -> checklist, staged::add,
                    rows -> { }, report);
            return new Uploaded(outcome, report, staged);
        }
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<FieldProblem> problems() {
        return Stream.concat(report.errors().stream(), report.warnings().stream()).toList();
    }

    List<FieldProblem> errors(String code) {
        return report.errors().stream().filter(p -> code.equals(p.code())).toList();
    }
}
