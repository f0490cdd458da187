package ru.noko.platform.web;

import ru.noko.platform.text.Excerpt;

/**
 * One problem found in a request: a parameter, a body field, or a cell of an uploaded file.
 * Any of field, row, column and value may be null when it does not apply.
 *
 * <p>Every text is bounded here, once, for every producer: field, column, value and code to
 * {@value #MAX_VALUE_LENGTH} characters, the message (which may quote a value) to
 * {@value #MAX_MESSAGE_LENGTH}; a longer text keeps that many characters and gets {@code …} ({@link Excerpt}). So no request, however
 * large its keys or values, can make a problem list large per item; {@link ProblemDocuments} bounds
 * the number of items.
 */
public record FieldProblem(String field, Integer row, String column, String value, String code, String message) {

    public static final int MAX_VALUE_LENGTH = Excerpt.LIMIT;
    public static final int MAX_MESSAGE_LENGTH = 500;

    public FieldProblem {
        field = Excerpt.of(field, MAX_VALUE_LENGTH);
        column = Excerpt.of(column, MAX_VALUE_LENGTH);
        value = Excerpt.of(value, MAX_VALUE_LENGTH);
        code = Excerpt.of(code, MAX_VALUE_LENGTH);
        message = Excerpt.of(message, MAX_MESSAGE_LENGTH);
    }

    public static FieldProblem ofField(String field, String code, String message) {
        return new FieldProblem(field, null, null, null, code, message);
    }

    public static FieldProblem ofField(String field, String value, String code, String message) {
        return new FieldProblem(field, null, null, value, code, message);
    }
}
