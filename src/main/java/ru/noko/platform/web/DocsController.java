package ru.noko.platform.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;

/** {@code /docs} opens Swagger UI over the service's own contract, {@code /openapi.yaml}. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class DocsController {

    @Get("/docs")
    HttpResponse<?> docs() {
        return HttpResponse.seeOther(URI.create("/docs/index.html"));
    }
}
