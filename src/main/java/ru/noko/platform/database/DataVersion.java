package ru.noko.platform.database;

import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/** The published-data version: bumped in the publishing transaction, read by caches and ETags. */
@Singleton
public class DataVersion {

    private final Sql sql;

    public DataVersion(Sql sql) {
        this.sql = sql;
    }

    public long bump() {
        return sql.one("UPDATE data_version SET version = version + 1, changed_at = now() WHERE id = 1 RETURNING version",
                List.of(), row -> row.getLong(1)).orElseThrow();
    }

    public long current() {
        return sql.count("SELECT version FROM data_version WHERE id = 1", List.of());
    }

    /**
     * Makes the current transaction a read-only REPEATABLE READ snapshot and reads the version in
     * it, in one round trip (with the transaction's BEGIN): everything the transaction reads next
     * belongs to this version. Must be the transaction's first statement.
     */
    public long snapshot() {
        return sql.jdbc().execute(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; "
                        + "SELECT version FROM data_version WHERE id = 1");
                if (!statement.getMoreResults()) {
                    throw new IllegalStateException("the data version was not read");
                }
                try (ResultSet row = statement.getResultSet()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }
}
