package ru.noko.platform.database;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ru.noko.support.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every connection bounds its statements by the short timeouts; a long operation lifts them for
 * its own transaction only, and the connection goes back to the pool bounded again. A small pool
 * (as small as Flyway allows), every connection of it checked at once, so one of them is the one
 * the long operation (and the migrations) used.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementTimeoutsTest {

    private static final int POOL = 3;

    private ApplicationContext context;
    private Sql sql;
    private TransactionOperations<Connection> transactions;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void start() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
        properties.put("datasources.default.maximum-pool-size", Integer.toString(POOL));
        properties.put("noko.public-cache.version-poll", "1h");
        context = ApplicationContext.run(properties, "test");
        sql = context.getBean(Sql.class);
        transactions = context.getBean(TransactionOperations.class);
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void longOperationsLiftTheTimeoutsForTheirTransactionOnly() {
        List<Object> bounded = List.of("2500ms", 3000);
        assertEquals(Collections.nCopies(POOL, bounded), everyConnection(), "the defaults, after migrations and demo data");
        assertEquals(List.of("30min", 30 * 60 * 1000), transactions.executeWrite(status -> {
            sql.allowLongStatements();
            return bounds(status.getConnection());
        }));
        assertEquals(Collections.nCopies(POOL, bounded), everyConnection(), "the connection came back bounded");
    }

    /** The bounds of every pooled connection, held at once (nested transactions of their own). */
    private List<List<Object>> everyConnection() {
        List<List<Object>> found = new ArrayList<>();
        holdAndRead(POOL, found);
        return found;
    }

    private void holdAndRead(int left, List<List<Object>> found) {
        if (left == 0) {
            return;
        }
        transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW), status -> {
            found.add(bounds(status.getConnection()));
            holdAndRead(left - 1, found);
            return null;
        });
    }

    private List<Object> bounds(Connection connection) {
        String statementTimeout = sql.one("SHOW statement_timeout", List.of(), row -> row.getString(1)).orElseThrow();
        try {
            return List.of(statementTimeout, connection.getNetworkTimeout());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
