package ru.noko.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks real responses against api-spec/openapi.yaml, so the contract and the code cannot drift:
 * status codes, headers, content types and bodies must all be what the spec says.
 */
public final class ContractValidator {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForSpecificationUrl(Path.of("api-spec/openapi.yaml").toAbsolutePath().toUri().toString())
            .build();

    private ContractValidator() {
    }

    public static void assertConforms(HttpRequest<?> request, HttpResponse<String> response) {
        check(request, response, true);
    }

    /** Status, headers and content type of a binary answer (an XLSX workbook); the body is the test's to read. */
    public static void assertConformsExceptBody(HttpRequest<?> request, HttpResponse<?> response) {
        check(request, response, false);
    }

    private static void check(HttpRequest<?> request, HttpResponse<?> response, boolean withBody) {
        SimpleResponse.Builder res = SimpleResponse.Builder.status(response.code());
        response.getHeaders().forEach((name, values) -> res.withHeader(name, values));
        if (withBody) {
            response.getBody(String.class).ifPresent(res::withBody);
        } else if (response.body() instanceof byte[] bytes && bytes.length > 0) {
            res.withBody(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        // only the response: tests send deliberately invalid requests to check the errors
        ValidationReport report = VALIDATOR.validateResponse(request.getPath(),
                Request.Method.valueOf(request.getMethodName()), res.build());
        if (report.hasErrors()) {
            fail("Response of " + request.getMethodName() + " " + request.getUri() + " (" + response.code()
                    + ") breaks the contract:\n" + report.getMessages());
        }
    }
}
