package ru.noko.platform.web;

import ru.noko.platform.text.Excerpt;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import ru.noko.api.model.Problem;
import ru.noko.api.model.ProblemItem;

import java.util.List;

/**
 * Builds RFC 9457 problem responses from problems found anywhere in the service.
 *
 * <p>The one place where problem documents are bounded: at most {@value #MAX_ITEMS} items are
 * listed, the first ones found; when there were more, {@code errors_total} and {@code errors_omitted}
 * say how many. Every text of an item is bounded by {@link FieldProblem}; detail and instance here.
 */
public final class ProblemDocuments {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    /** How many problems a document lists at most. */
    public static final int MAX_ITEMS = 100;

    private ProblemDocuments() {
    }

    public static Problem problem(HttpStatus status, String type, String title, String detail, String instance,
                                  List<FieldProblem> problems) {
        Problem problem = new Problem(type, title, status.getCode());
        problem.setDetail(Excerpt.of(detail, FieldProblem.MAX_MESSAGE_LENGTH));
        problem.setInstance(Excerpt.of(instance, FieldProblem.MAX_MESSAGE_LENGTH));
        if (!problems.isEmpty()) {
            problem.setErrors(items(problems));
        }
        if (problems.size() > MAX_ITEMS) {
            problem.setErrorsTotal(problems.size());
            problem.setErrorsOmitted(problems.size() - MAX_ITEMS);
        }
        return problem;
    }

    public static MutableHttpResponse<Problem> respond(MutableHttpResponse<?> base, Problem problem) {
        return base.status(problem.getStatus()).body(problem).contentType(PROBLEM_JSON);
    }

    /** The first {@value #MAX_ITEMS} problems as items of a document; the caller reports how many were left out. */
    public static List<ProblemItem> items(List<FieldProblem> problems) {
        return problems.stream().limit(MAX_ITEMS).map(ProblemDocuments::item).toList();
    }

    /** One problem as the contract writes it (also in job reports, which keep more than {@link #MAX_ITEMS}). */
    public static ProblemItem item(FieldProblem p) {
        ProblemItem item = new ProblemItem(p.message());
        item.setField(p.field());
        item.setRow(p.row());
        item.setColumn(p.column());
        item.setValue(p.value());
        item.setCode(p.code());
        return item;
    }
}
