package ru.noko.platform.database;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Every connection bounds its statements by a short timeout, on the server ({@code statement_timeout})
 * and on the client (the socket timeout, which alone helps when the server hangs), so that public
 * reads fail fast when the database fails. The operations that legitimately run long — uploads,
 * publishing, open-data dumps, bus.gov.ru exports — lift both for their own transaction only:
 * {@code SET LOCAL} ends with the transaction, and the pool puts the socket timeout back when the
 * connection is returned.
 */
@Singleton
public class LongStatements {

    private final JdbcOperations jdbc;
    private final long millis;

    public LongStatements(JdbcOperations jdbc, @Value("${noko.database.long-statement-timeout:30m}") Duration timeout) {
        this.jdbc = jdbc;
        this.millis = Math.max(1, timeout.toMillis());
    }

    /** Must run inside the transaction whose statements may take long. */
    public void allow() {
        allow(jdbc.getConnection());
    }

    /** The same for a connection the caller holds inside its transaction. */
    public void allow(Connection connection) {
        try {
            connection.setNetworkTimeout(Runnable::run, (int) Math.min(Integer.MAX_VALUE, millis));
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL statement_timeout = " + millis);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lift the statement timeout", e);
        }
    }

    long millis() {
        return millis;
    }
}
