package ru.noko.support;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

/**
 * Base of tests that talk to the running service over HTTP: the shared test database and a
 * contract-checking client. Subclasses add {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTestBase implements TestPropertyProvider {

    @Inject
    @Client("/")
    protected HttpClient client;

    protected Api api;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.properties();
    }

    /** {@code properties} with one more set, for subclasses that start the service differently. */
    protected static Map<String, String> with(Map<String, String> properties, String name, String value) {
        Map<String, String> all = new HashMap<>(properties);
        all.put(name, value);
        return all;
    }

    /** Protected, so it is inherited: JUnit runs it before the {@code @BeforeAll} methods of subclasses. */
    @BeforeAll
    protected void createApi() {
        api = new Api(client);
    }
}
