package ru.noko.explorer;

import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import ru.noko.support.ApiTestBase;

import java.util.List;
import java.util.Map;

/** The service on a random port and the {@link ExplorerFixture}; subclasses add {@code @MicronautTest(transactional = false)}. */
abstract class ExplorerTestBase extends ApiTestBase {

    @Inject
    ApplicationContext context;

    ExplorerFixture fixture;

    @Override
    public Map<String, String> getProperties() {
        return with(super.getProperties(), "micronaut.server.port", "-1");
    }

    @BeforeAll
    protected void createFixture() {
        fixture = ExplorerFixture.get(context);
    }

    /** One page of every kind, on the demo data and on the uploaded region. */
    List<String> everyPage() {
        return List.of("/", "/?q=школа", "/regions", "/regions/" + ExplorerFixture.DEMO_REGION,
                "/regions/" + ExplorerFixture.DEMO_REGION + "/ratings?year=2025&type=school",
                "/organizations/" + fixture.demoSchoolId, "/methodology",
                "/regions/" + ExplorerFixture.REGION, "/regions/" + ExplorerFixture.REGION + "/ratings",
                "/organizations/" + fixture.xssId, "/organizations/" + fixture.retractedId,
                "/organizations/" + fixture.resultsOnlyId, "/municipalities/" + ExplorerFixture.MUNICIPALITY,
                "/compare?organizations=" + fixture.xssId + "," + fixture.otherId + "," + fixture.demoSchoolId);
    }
}
