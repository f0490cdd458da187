package ru.noko.platform.web;

/**
 * One problem found in a request: a parameter, a body field, or a cell of an uploaded file.
 * Any of field, row, column and value may be null when it does not apply.
 */
public record FieldProblem(String field, Integer row, String column, String value, String code, String message) {

    public static FieldProblem ofField(String field, String code, String message) {
        return new FieldProblem(field, null, null, null, code, message);
    }

    public static FieldProblem ofField(String field, String value, String code, String message) {
        return new FieldProblem(field, null, null, value, code, message);
    }
}
