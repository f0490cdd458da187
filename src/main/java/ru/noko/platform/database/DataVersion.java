package ru.noko.platform.database;

import jakarta.inject.Singleton;

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
}
