package ru.noko.platform.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import ru.noko.api.model.Problem;

@Singleton
class ApiProblemExceptionHandler implements ExceptionHandler<ApiProblemException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ApiProblemException exception) {
        Problem problem = ProblemDocuments.problem(exception.status(), exception.type(), exception.title(),
                exception.getMessage(), request.getPath(), exception.problems());
        return ProblemDocuments.respond(HttpResponse.status(exception.status()), problem);
    }
}
