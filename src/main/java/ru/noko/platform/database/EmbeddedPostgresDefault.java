package ru.noko.platform.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import io.micronaut.core.util.StringUtils;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts an embedded PostgreSQL and points the default datasource at it, but only when no
 * datasource URL is configured: {@code DATASOURCES_DEFAULT_URL} always wins.
 * <p>
 * A {@link BeanInitializedEventListener} runs before the datasource's own {@code @PostConstruct},
 * which would otherwise fail on the missing URL.
 * <p>
 * The server asks every connection for a password, kept in the data directory (see {@link PasswordProtectedStart}).
 */
@Singleton
@Requires(property = "noko.embedded-postgres.enabled", notEquals = StringUtils.FALSE, defaultValue = StringUtils.TRUE)
class EmbeddedPostgresDefault implements BeanInitializedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresDefault.class);

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;
    private String password;

    public EmbeddedPostgresDefault(@Value("${noko.data-dir}") String dataDirectory,
                                   @Value("${noko.embedded-postgres.port:0}") int port) {
        this.dataDirectory = Path.of(dataDirectory).toAbsolutePath();
        this.port = port;
    }

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        if (!"default".equals(datasource.getName()) || StringUtils.hasText(datasource.getConfiguredUrl())) {
            return datasource;
        }
        EmbeddedPostgres server = start();
        datasource.setUrl(server.getJdbcUrl("postgres", "postgres"));
        datasource.setUsername("postgres");
        datasource.setPassword(password);
        datasource.setDriverClassName("org.postgresql.Driver");
        return datasource;
    }

    synchronized EmbeddedPostgres start() {
        if (postgres == null) {
            try {
                Files.createDirectories(dataDirectory);
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        // the library's defaults suit throwaway test databases (no fsync, commits
                        // acknowledged before they are on disk); this one keeps the service's data
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("max_connections", "100");
                if (port > 0) {
                    builder.setPort(port);
                }
                PasswordProtectedStart.Started started = PasswordProtectedStart.start(builder, dataDirectory);
                postgres = started.server();
                password = started.password();
                LOG.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDirectory, e);
            }
        }
        return postgres;
    }

    @PreDestroy
    synchronized void stop() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
