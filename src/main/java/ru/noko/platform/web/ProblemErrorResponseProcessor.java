package ru.noko.platform.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.noko.api.model.Problem;
import ru.noko.platform.database.DatabaseFailures;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders every error the framework raises itself (validation, conversion, unknown routes, bad
 * JSON, security, unexpected exceptions) as {@code application/problem+json}, never as a stack
 * trace or an HTML page.
 *
 * <p>A server error says only that it happened and gives an id; the id is logged with the stack
 * trace, so that an operator can find it while a stranger learns nothing about the internals
 * (exception messages may carry SQL, URLs, class names). Messages of the JSON parser are replaced
 * by one of ours for the same reason.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    static final String INTERNAL_ERROR = "Внутренняя ошибка сервера (internal error)";
    static final String DATABASE_UNAVAILABLE = "База данных временно недоступна; повторите запрос позже (database unavailable)";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);
    private static final Pattern LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");
    private static final Pattern VIOLATION = Pattern.compile("([A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)+): (.+)", Pattern.DOTALL);

    private final long retryAfterSeconds;

    ProblemErrorResponseProcessor(@Value("${noko.database.retry-after:5s}") Duration retryAfter) {
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
    }

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        if (status.getCode() >= 500 && context.getRootCause().map(DatabaseFailures::unavailable).orElse(false)) {
            return databaseUnavailable(context, response);
        }
        if (status.getCode() >= 500) {
            return ProblemDocuments.respond(response, internalError(context, status));
        }
        List<FieldProblem> problems = context.getErrors().stream().map(ProblemErrorResponseProcessor::toProblem).toList();
        boolean invalid = status == HttpStatus.BAD_REQUEST;
        String type = invalid ? ProblemTypes.INVALID_REQUEST
                : status == HttpStatus.NOT_FOUND ? ProblemTypes.NOT_FOUND
                : status == HttpStatus.REQUEST_ENTITY_TOO_LARGE ? ProblemTypes.TOO_LARGE : ProblemTypes.GENERIC;
        String detail = invalid ? "The request has " + problems.size() + " problem(s); see errors."
                : problems.isEmpty() ? null : problems.get(0).message();
        Problem problem = ProblemDocuments.problem(status, type, status.getReason(), detail,
                context.getRequest().getPath(), invalid ? problems : List.of());
        return ProblemDocuments.respond(response, problem);
    }

    /**
     * The database is stopped, hung or restarting: a 503 the client may retry, nothing about the
     * internals; the pool reconnects by itself once the database is back.
     */
    private MutableHttpResponse<Problem> databaseUnavailable(ErrorContext context, MutableHttpResponse<?> response) {
        Throwable cause = context.getRootCause().orElseThrow();
        LOG.warn("Database unavailable answering {} {}: {}", context.getRequest().getMethodName(),
                context.getRequest().getPath(), cause.toString());
        Problem problem = ProblemDocuments.problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.DATABASE_UNAVAILABLE,
                "Service Unavailable", DATABASE_UNAVAILABLE, context.getRequest().getPath(), List.of());
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        return ProblemDocuments.respond(response, problem);
    }

    private static Problem internalError(ErrorContext context, HttpStatus status) {
        UUID id = UUID.randomUUID();
        LOG.error("Internal error {} answering {} {}", id, context.getRequest().getMethodName(),
                context.getRequest().getPath(), context.getRootCause().orElse(null));
        return ProblemDocuments.problem(status, ProblemTypes.GENERIC, status.getReason(),
                INTERNAL_ERROR + ", id " + id, "urn:uuid:" + id, List.of());
    }

    private static FieldProblem toProblem(Error error) {
        String field = error.getPath().map(ProblemErrorResponseProcessor::parameterName).orElse(null);
        String message = error.getMessage();
        if (isJsonError(message)) {
            return FieldProblem.ofField(field == null ? "body" : field, "invalid_json", jsonMessage(message));
        }
        // a constraint of a body property arrives without a path, as "input.regionalOrderNumber: size must be …"
        Matcher violation = message == null || field != null ? null : VIOLATION.matcher(message);
        if (violation != null && violation.matches()) {
            return FieldProblem.ofField(parameterName(violation.group(1)), null, violation.group(2));
        }
        return FieldProblem.ofField(field, null, message);
    }

    /** Parser errors name parser internals (features, constraints classes); they get a message of ours. */
    private static boolean isJsonError(String message) {
        return message != null && (message.startsWith("Invalid JSON") || message.contains("StreamReadConstraints")
                || message.contains("[Source:") || message.contains("Unexpected token"));
    }

    static String jsonMessage(String parserMessage) {
        String reason = parserMessage.contains("nesting depth") ? "слишком глубокая вложенность"
                : parserMessage.contains("Number value length") ? "слишком длинное число"
                : parserMessage.contains("String value length") || parserMessage.contains("Name length")
                ? "слишком длинная строка"
                : parserMessage.contains("expected START_OBJECT") ? "ожидался JSON-объект" : "синтаксическая ошибка";
        Matcher location = LOCATION.matcher(parserMessage);
        String where = location.find() ? " (строка " + location.group(1) + ", позиция " + location.group(2) + ")" : "";
        return "Тело запроса — некорректный JSON: " + reason + where;
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
