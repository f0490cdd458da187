package ru.noko.platform.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** A route that fails the way a bug or a broken database would, with internals in its message. */
@Controller("/test-only")
@Secured(SecurityRule.IS_ANONYMOUS)
@Requires(property = FailingRoute.ENABLED, value = "true")
class FailingRoute {

    static final String ENABLED = "noko.test.failing-route";
    static final String SECRET = "jdbc:postgresql://db.internal:5432/noko?user=noko&password=hunter2";

    @Get("/boom")
    String boom() {
        throw new IllegalStateException("Error preparing SQL statement: SELECT * FROM api_token WHERE token_hash = ? on "
                + SECRET, new java.sql.SQLException("ERROR: relation \"secret_table\" does not exist"));
    }
}
