package ru.noko.platform.database;

import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** The published-data version: bumped in the publishing transaction, read by caches and ETags. */
@Singleton
public class DataVersion {

    private final Sql sql;

    public DataVersion(Sql sql) {
        this.sql = sql;
    }

    /** Scope of a change whose reach is not known by region: every stored page becomes stale. */
    public static final String EVERYWHERE = "*";

    /**
     * A new version, recorded as the last change of the given scopes (region codes; empty means
     * {@link #EVERYWHERE}), so that stored pages of other scopes stay valid.
     */
    public long bump(Collection<String> scopes) {
        long version = sql.one("UPDATE data_version SET version = version + 1, changed_at = now() WHERE id = 1 RETURNING version",
                List.of(), row -> row.getLong(1)).orElseThrow();
        String changed = scopes.isEmpty() ? EVERYWHERE : String.join(",", new TreeSet<>(scopes));
        sql.update("""
                INSERT INTO page_scope (scope, changed_version) SELECT unnest(string_to_array(?, ',')), ?
                ON CONFLICT (scope) DO UPDATE SET changed_version = EXCLUDED.changed_version""", List.of(changed, version));
        return version;
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
