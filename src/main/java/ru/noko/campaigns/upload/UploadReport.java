package ru.noko.campaigns.upload;

import ru.noko.platform.web.FieldProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * Every problem an upload has: errors block publishing, warnings do not. Counts are exact; at most
 * {@link #LIMIT} of each kind are kept, so a file with a broken column cannot flood the report; each
 * problem's texts are bounded by {@link FieldProblem} itself, so a huge cell cannot either.
 */
public final class UploadReport {

    public static final int LIMIT = 5000;
    /** A job's failure text (an exception's message may quote input) is cut to this length. */
    public static final int MESSAGE_LIMIT = 1000;

    private final List<FieldProblem> errors = new ArrayList<>();
    private final List<FieldProblem> warnings = new ArrayList<>();
    private int errorCount;
    private int warningCount;

    public void error(FieldProblem problem) {
        errorCount++;
        if (errors.size() < LIMIT) {
            errors.add(problem);
        }
    }

    public void warning(FieldProblem problem) {
        warningCount++;
        if (warnings.size() < LIMIT) {
            warnings.add(problem);
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
}
