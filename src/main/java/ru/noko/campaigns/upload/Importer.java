package ru.noko.campaigns.upload;

import ru.noko.methodology.Methodology;

import ru.noko.platform.web.FieldProblem;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Reads an upload row by row and checks it at its level; every checked row goes to the sink as it
 * is read, so memory does not grow with the file (except for respondent answers, which are counted
 * per organization). Every problem goes to the report. Pure: no database, no framework.
 */
public final class Importer {

    /** What was read. */
    public record Outcome(InputLevel level, boolean levelDetected, int rows, int organizations,
                          Character decimalSeparator, List<UploadTable.Column> columns) {
    }

    /** Rows between two progress reports. */
    public static final int PROGRESS_EVERY = 1000;

    private final UploadFields fields;

    public Importer(UploadFields fields) {
        this.fields = fields;
    }

    /**
     * @param requested the level the operator named, or null to detect it from the columns
     * @param checklistSource the campaign's expert checklist by "inn/kpp"; read only for {@link InputLevel#ANSWERS},
     *                        before any row reaches the sink
     */
    public Outcome run(CampaignScope scope, UploadTable table, InputLevel requested, Supplier<Map<String, StagedRow>> checklistSource,
                       RowSink sink, IntConsumer progress, UploadReport report) {
        UploadTable.SourceRow first = table.next();
        List<UploadTable.Column> columns = table.columns();
        Set<String> present = new HashSet<>();
        columns.stream().filter(c -> c.field() != null).forEach(c -> present.add(c.field()));
        InputLevel level = requested != null ? requested : fields.detectLevel(present);
        if (table.tooManyColumns()) {
            report.error(tooManyColumns(table));
            return new Outcome(level, requested == null, 0, 0, null, columns);
        }
        if (columns.isEmpty()) {
            report.error(new FieldProblem(null, 1, null, null, "empty_file", "Файл пуст: нет строки заголовков"));
            return new Outcome(level, requested == null, 0, 0, null, columns);
        }
        if (level != InputLevel.RESULTS && !scope.methodology().computable()) {
            Methodology methodology = scope.methodology();
            report.error(new FieldProblem("level", null, null, level.code(), "no_formulas",
                    "Методика " + methodology.code() + " («" + methodology.title() + "») известна только по опубликованным"
                            + " результатам: формул расчета по исходным данным для нее нет. Загрузите таблицу результатов"
                            + " (level=results) — критерии и итоговый балл так, как их опубликовал регион"));
            return new Outcome(level, requested == null, 0, 0, null, columns);
        }
        checkHeaders(columns, 0, 1, report);
        int checkedColumns = columns.size();
        int columnCount = table.columnCount();
        Set<String> missing = new LinkedHashSet<>();
        for (String required : RowChecks.requiredColumns(level, fields, scope)) {
            if (!present.contains(required)) {
                missing.add(required);
                report.error(new FieldProblem(required, 1, required, null, "missing_column",
                        "В файле нет обязательного столбца «" + required + "» (уровень " + level.code() + ")"));
            }
        }
        Map<String, StagedRow> checklist = level == InputLevel.ANSWERS ? checklistSource.get() : Map.of();
        if (level == InputLevel.ANSWERS && checklist.isEmpty()) {
            report.error(new FieldProblem(null, null, null, null, "no_checklist",
                    "Анкеты респондентов сводятся с экспертным листом: сначала загрузите его (level=expert)"));
        }
        RowChecks checks = RowChecks.of(level, scope, fields, missing, report, sink, checklist);
        int rows = 0;
        for (UploadTable.SourceRow row = first; row != null; row = table.next()) {
            if (table.columnCount() != columnCount) {
                // a JSON object with keys not seen before
                List<UploadTable.Column> now = table.columns();
                checkHeaders(now, checkedColumns, row.row(), report);
                checkedColumns = now.size();
                columnCount = table.columnCount();
            }
            checks.accept(row);
            rows++;
            if (rows % PROGRESS_EVERY == 0) {
                progress.accept(rows);
            }
        }
        if (table.tooManyColumns()) {
            checkHeaders(table.columns(), checkedColumns, null, report);
            report.error(tooManyColumns(table));
        }
        checks.finish();
        progress.accept(rows);
        List<UploadTable.Column> finalColumns = table.columns();
        for (UploadTable.Column column : finalColumns) {
            if (column.field() == null && !column.headerTooLong() && column.header() != null && !column.header().isBlank()) {
                report.warning(new FieldProblem(column.header(), 1, column.header(), null, "ignored_column",
                        "Столбец «" + column.header() + "» не распознан и не загружается"));
            }
        }
        if (rows == 0) {
            report.error(new FieldProblem(null, null, null, null, "no_rows", "В файле нет ни одной строки данных"));
        }
        return new Outcome(level, requested == null, rows, checks.staged(), checks.decimalSeparator(), finalColumns);
    }

    /** Headers over {@link UploadTable#MAX_HEADER_LENGTH} characters among {@code columns} from index {@code from}. */
    private static void checkHeaders(List<UploadTable.Column> columns, int from, Integer row, UploadReport report) {
        for (int i = from; i < columns.size(); i++) {
            UploadTable.Column column = columns.get(i);
            if (column.headerTooLong()) {
                report.error(new FieldProblem(null, row, null, column.header(), "header_too_long",
                        "Заголовок столбца № " + column.position() + " длиннее " + UploadTable.MAX_HEADER_LENGTH
                                + " символов; такой столбец не распознаётся"));
            }
        }
    }

    private static FieldProblem tooManyColumns(UploadTable table) {
        boolean csv = "csv".equals(table.format());
        return new FieldProblem(null, csv ? 1 : null, null, null, "too_many_columns",
                (csv ? "В файле " + table.columnCount() + " столбцов" : "В файле больше " + UploadTable.MAX_COLUMNS + " разных полей")
                        + ", а допускается не более " + UploadTable.MAX_COLUMNS + "; файл не загружается");
    }
}
