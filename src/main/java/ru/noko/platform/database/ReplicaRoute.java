package ru.noko.platform.database;

import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.util.function.Supplier;

/**
 * The read replica's pool for the reads this thread runs now, if any: {@link ReplicaRouting} hands
 * out its connections in place of the primary's while {@link ReadReplica} runs a public read.
 * A bean of its own without dependencies, so that wrapping the default datasource needs no other.
 */
@Singleton
final class ReplicaRoute {

    private final ThreadLocal<DataSource> current = new ThreadLocal<>();

    <T> T through(DataSource replica, Supplier<T> read) {
        current.set(replica);
        try {
            return read.get();
        } finally {
            current.remove();
        }
    }

    DataSource current() {
        return current.get();
    }
}
