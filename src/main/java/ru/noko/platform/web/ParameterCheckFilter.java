package ru.noko.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.List;

/**
 * Rejects a request whose parameters break the contract, naming every bad one, before binding:
 * values against their schemas, unknown or repeated query parameters of public operations, and
 * NUL characters anywhere. Runs after the CORS filter, so that browsers may read the problem
 * document too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ParameterCheckFilter implements Ordered {

    private final ContractParameters contract;

    ParameterCheckFilter(ContractParameters contract) {
        this.contract = contract;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        RequestParameters parameters = RequestParameters.of(request);
        if (parameters == null) {
            return null;
        }
        List<FieldProblem> problems = contract.check(request.getMethodName(), parameters.template(),
                parameters.query(), parameters.path());
        if (problems.isEmpty()) {
            return null;
        }
        String detail = "The request has " + problems.size() + " invalid parameter(s); see errors.";
        return ProblemDocuments.respond(HttpResponse.status(HttpStatus.BAD_REQUEST), ProblemDocuments.problem(
                HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request", detail, request.getPath(), problems));
    }
}
