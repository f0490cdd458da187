package ru.noko.opendata.web;

import ru.noko.opendata.CampaignTakedown;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import ru.noko.api.model.WithdrawnVersionProblem;
import ru.noko.platform.web.ProblemDocuments;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A data file withdrawn by a takedown was asked for: 410 Gone, with the reason, the date and its successor. */
final class VersionWithdrawn extends RuntimeException {

    static final String TYPE = "/docs/problems#version-withdrawn";
    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final transient CampaignTakedown takedown;
    private final String successor;

    VersionWithdrawn(CampaignTakedown takedown, String successor) {
        super("Эта версия данных изъята из открытых данных " + RUSSIAN_DATE.format(takedown.at().withOffsetSameInstant(ZoneOffset.UTC))
                + " по юридическому основанию: " + takedown.reason() + ". Те же данные без изъятых сведений: " + successor);
        this.takedown = takedown;
        this.successor = successor;
    }

    @Singleton
    static class Handler implements ExceptionHandler<VersionWithdrawn, HttpResponse<WithdrawnVersionProblem>> {

        @Override
        public HttpResponse<WithdrawnVersionProblem> handle(HttpRequest request, VersionWithdrawn gone) {
            WithdrawnVersionProblem problem = new WithdrawnVersionProblem(TYPE, "Gone", HttpStatus.GONE.getCode(),
                    gone.getMessage(), gone.takedown.reason(), gone.takedown.at(), gone.successor);
            problem.setInstance(request.getPath());
            return HttpResponse.<WithdrawnVersionProblem>status(HttpStatus.GONE).body(problem)
                    .contentType(ProblemDocuments.PROBLEM_JSON)
                    .header(HttpHeaders.LINK, "<" + gone.successor + ">; rel=\"successor-version\"")
                    .header(HttpHeaders.CACHE_CONTROL, OpenDataController.REVALIDATE);
        }
    }
}
