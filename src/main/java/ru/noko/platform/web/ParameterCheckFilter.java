package ru.noko.platform.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.UriRouteMatch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rejects a request whose parameters break the contract, naming every bad one, before binding.
 * Runs after the CORS filter, so that browsers may read the problem document too.
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
        RouteMatch<?> match = request.getAttribute(io.micronaut.http.HttpAttributes.ROUTE_MATCH, RouteMatch.class).orElse(null);
        if (!(match instanceof UriRouteMatch<?, ?> uriMatch)) {
            return null;
        }
        Map<String, List<String>> values = new HashMap<>();
        request.getParameters().forEach((name, given) -> values.put(name, given));
        uriMatch.getVariableValues().forEach((name, value) -> values.put(name, List.of(String.valueOf(value))));
        List<FieldProblem> problems = contract.check(request.getMethodName(),
                uriMatch.getRouteInfo().getUriMatchTemplate().toString(), values);
        if (problems.isEmpty()) {
            return null;
        }
        String detail = "The request has " + problems.size() + " invalid parameter(s); see errors.";
        return ProblemDocuments.respond(HttpResponse.status(HttpStatus.BAD_REQUEST), ProblemDocuments.problem(
                HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, "Invalid request", detail, request.getPath(), problems));
    }
}
