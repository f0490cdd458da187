package ru.noko.platform.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import ru.noko.api.model.Problem;
import ru.noko.api.model.ProblemItem;

import java.util.List;

/** Builds RFC 9457 problem responses from problems found anywhere in the service. */
public final class ProblemDocuments {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private ProblemDocuments() {
    }

    public static Problem problem(HttpStatus status, String type, String title, String detail, String instance,
                                  List<FieldProblem> problems) {
        Problem problem = new Problem(type, title, status.getCode());
        problem.setDetail(detail);
        problem.setInstance(instance);
        if (!problems.isEmpty()) {
            problem.setErrors(problems.stream().map(ProblemDocuments::item).toList());
        }
        return problem;
    }

    public static MutableHttpResponse<Problem> respond(MutableHttpResponse<?> base, Problem problem) {
        return base.status(problem.getStatus()).body(problem).contentType(PROBLEM_JSON);
    }

    private static ProblemItem item(FieldProblem p) {
        ProblemItem item = new ProblemItem(p.message());
        item.setField(p.field());
        item.setRow(p.row());
        item.setColumn(p.column());
        item.setValue(p.value());
        item.setCode(p.code());
        return item;
    }
}
