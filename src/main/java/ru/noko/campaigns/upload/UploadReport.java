package ru.noko.campaigns.upload;

import ru.noko.platform.text.Excerpt;
import ru.noko.platform.web.FieldProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * Every problem an upload has: errors block publishing, warnings do not. Counts are exact; at most
 * {@link #LIMIT} of each kind are kept, so a file with a broken column cannot flood the report, and
 * each kept problem quotes at most {@link Excerpt#LIMIT} characters of a value, column or field
 * (and {@link #MESSAGE_LIMIT} of a message), so a huge cell cannot either.
 */
public final class UploadReport {

    public static final int LIMIT = 5000;
    /** Messages quote values as excerpts already; this bounds whatever else one might carry. */
    public static final int MESSAGE_LIMIT = 1000;

    private final List<FieldProblem> errors = new ArrayList<>();
    private final List<FieldProblem> warnings = new ArrayList<>();
    private int errorCount;
    private int warningCount;

    public void error(FieldProblem problem) {
        errorCount++;
        if (errors.size() < LIMIT) {
            errors.add(bounded(problem));
        }
    }

    public void warning(FieldProblem problem) {
        warningCount++;
        if (warnings.size() < LIMIT) {
            warnings.add(bounded(problem));
        }
    }

    public int errorCount() {
        return errorCount;
    }

    public int warningCount() {
        return warningCount;
    }

    /** The first {@link #LIMIT} errors in the order they were found. */
    public List<FieldProblem> errors() {
        return errors;
    }

    /** The first {@link #LIMIT} warnings in the order they were found. */
    public List<FieldProblem> warnings() {
        return warnings;
    }

    public static FieldProblem cell(int row, String column, String value, String code, String message) {
        return new FieldProblem(column, row, column, value, code, message);
    }

    private static FieldProblem bounded(FieldProblem problem) {
        return new FieldProblem(Excerpt.of(problem.field()), problem.row(), Excerpt.of(problem.column()),
                Excerpt.of(problem.value()), Excerpt.of(problem.code()), Excerpt.of(problem.message(), MESSAGE_LIMIT));
    }
}
