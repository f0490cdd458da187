package ru.noko.platform.web;

import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * A request that cannot be served, with everything that is wrong with it. Rendered as an
 * RFC 9457 problem document by {@link ApiProblemExceptionHandler}.
 */
public class ApiProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final transient List<FieldProblem> problems;

    public ApiProblemException(HttpStatus status, String type, String title, String detail, List<FieldProblem> problems) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.problems = List.copyOf(problems);
    }

    public static ApiProblemException notFound(String detail) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not Found", detail, List.of());
    }

    public static ApiProblemException invalid(String detail, List<FieldProblem> problems) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request", detail, problems);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
