package ru.noko.widgets;

import io.micronaut.context.ApplicationContext;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import ru.noko.support.ApiTestBase;

import java.util.Map;

/**
 * Base of the widget tests over HTTP: the service on a random port and the published
 * {@link WidgetFixture}. Subclasses add {@code @MicronautTest(transactional = false)}.
 */
abstract class WidgetTestBase extends ApiTestBase {

    @Inject
    ApplicationContext context;

    WidgetFixture fixture;

    @Override
    public Map<String, String> getProperties() {
        return with(super.getProperties(), "micronaut.server.port", "-1");
    }

    @BeforeAll
    protected void createFixture() {
        fixture = WidgetFixture.get(context);
    }
}
