package ru.noko.support;

import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

/**
 * Base of HTTP tests that call the admin API: the service starts with {@link Admin#BOOTSTRAP_TOKEN}
 * as its bootstrap admin token, and {@link #admin} makes calls with it.
 * Subclasses add {@code @MicronautTest(transactional = false)}.
 */
public abstract class AdminApiTestBase extends ApiTestBase {

    protected Admin admin;

    @Override
    public Map<String, String> getProperties() {
        return with(super.getProperties(), "noko.bootstrap-admin-token", Admin.BOOTSTRAP_TOKEN);
    }

    /** Runs after {@link ApiTestBase#createApi()}: JUnit runs a superclass's {@code @BeforeAll} methods first. */
    @BeforeAll
    protected void createAdmin() {
        admin = new Admin(api, Admin.BOOTSTRAP_TOKEN);
    }
}
