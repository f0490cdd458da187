package ru.noko.platform.web;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * Hears every node's publish at once: one connection of its own (not the pool's) listens on the
 * channel {@value #CHANNEL}, which a trigger on {@code data_version} notifies when a publishing
 * transaction commits (migration V21); on a notification it reads the version of its own schema. On a broken connection it reconnects with
 * a growing pause and reads the version once, so a change made meanwhile is not missed. Polling in
 * {@link PublicCache} remains as a slow fallback.
 */
@Singleton
class DataVersionListener implements ApplicationEventListener<StartupEvent> {

    static final String CHANNEL = "noko_data_version";
    private static final Logger LOG = LoggerFactory.getLogger(DataVersionListener.class);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final PublicCache cache;
    private final DatasourceConfiguration datasource;
    private final Duration timeout;
    private final Duration firstRetry;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    DataVersionListener(PublicCache cache, @Named("default") DatasourceConfiguration datasource,
                        @Value("${noko.public-cache.listen-timeout:5s}") Duration timeout,
                        @Value("${noko.public-cache.listen-retry:500ms}") Duration firstRetry) {
        this.cache = cache;
        this.datasource = datasource;
        this.timeout = timeout;
        this.firstRetry = firstRetry;
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "data-version-listener");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        Duration retry = firstRetry;
        while (running) {
            try (Connection listening = connect()) {
                connection = listening;
                try (Statement statement = listening.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                readVersion(listening);
                retry = firstRetry;
                PGConnection notifications = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications((int) timeout.toMillis());
                    if (received != null && received.length > 0) {
                        readVersion(listening);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Listening for published-data versions failed ({}); again in {} ms", e.toString(), retry.toMillis());
                try {
                    Thread.sleep(retry.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                retry = retry.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : retry.multipliedBy(2);
            } finally {
                connection = null;
            }
        }
    }

    /**
     * The version as this node's own schema holds it. A notification's payload is not trusted: the
     * channel is the database's, so deployments in other schemas of the same database (a staging
     * copy, parallel test runs) notify it too, with versions of their own.
     */
    private void readVersion(Connection listening) throws SQLException {
        try (Statement statement = listening.createStatement();
             ResultSet row = statement.executeQuery("SELECT version FROM data_version WHERE id = 1")) {
            if (row.next()) {
                cache.seen(row.getLong(1));
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (datasource.getUsername() != null) {
            properties.setProperty("user", datasource.getUsername());
        }
        if (datasource.getPassword() != null) {
            properties.setProperty("password", datasource.getPassword());
        }
        properties.setProperty("ApplicationName", "noko-data-version-listener");
        properties.setProperty("tcpKeepAlive", "true");
        Connection opened = DriverManager.getConnection(datasource.getUrl(), properties);
        opened.setAutoCommit(true);
        return opened;
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                LOG.debug("Closing the listening connection: {}", e.toString());
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
