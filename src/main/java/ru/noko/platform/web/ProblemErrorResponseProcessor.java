package ru.noko.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import ru.noko.api.model.Problem;

import java.util.List;
import java.util.Locale;

/**
 * Renders every error the framework raises itself (validation, conversion, unknown routes, bad
 * JSON, security) as {@code application/problem+json}, never as a stack trace or an HTML page.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        List<FieldProblem> problems = context.getErrors().stream().map(ProblemErrorResponseProcessor::toProblem).toList();
        boolean invalid = status == HttpStatus.BAD_REQUEST;
        String type = invalid ? ProblemTypes.INVALID_REQUEST
                : status == HttpStatus.NOT_FOUND ? ProblemTypes.NOT_FOUND : ProblemTypes.GENERIC;
        String detail = invalid ? "The request has " + problems.size() + " problem(s); see errors."
                : problems.isEmpty() ? null : problems.get(0).message();
        Problem problem = ProblemDocuments.problem(status, type, status.getReason(), detail,
                context.getRequest().getPath(), invalid ? problems : List.of());
        return ProblemDocuments.respond(response, problem);
    }

    private static FieldProblem toProblem(Error error) {
        String field = error.getPath().map(ProblemErrorResponseProcessor::parameterName).orElse(null);
        return FieldProblem.ofField(field, null, error.getMessage());
    }

    /** "listOrganizations.perPage" → "per_page": the name the client sent, not the Java one. */
    static String parameterName(String path) {
        String last = path.substring(Math.max(path.lastIndexOf('.'), path.lastIndexOf('/')) + 1);
        StringBuilder snake = new StringBuilder();
        for (char c : last.toCharArray()) {
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString().toLowerCase(Locale.ROOT);
    }
}
