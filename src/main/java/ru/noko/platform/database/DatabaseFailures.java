package ru.noko.platform.database;

import io.micronaut.data.connection.exceptions.ConnectionException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Whether a failure means "the database is unavailable" (stopped, hung, restarting, or too slow for
 * the statement timeout) rather than a fault of ours: such a request is answered 503 with
 * {@code Retry-After}, not 500.
 */
public final class DatabaseFailures {

    /** admin_shutdown, crash_shutdown, cannot_connect_now, query_canceled (the statement timeout). */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "57014");
    private static final int MAX_DEPTH = 20;

    private DatabaseFailures() {
    }

    public static boolean unavailable(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            // ConnectionException: a pooled connection died before it could be prepared (the server stopped)
            if (current instanceof SQLTransientConnectionException || current instanceof ConnectionException
                    || current instanceof SocketTimeoutException || current instanceof ConnectException) {
                return true;
            }
            if (current instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || UNAVAILABLE_STATES.contains(sql.getSQLState()))) {
                return true;
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return false;
    }
}
