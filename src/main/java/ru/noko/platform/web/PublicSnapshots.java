package ru.noko.platform.web;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import ru.noko.platform.database.DataVersion;
import ru.noko.platform.database.ReadReplica;

import java.sql.Connection;
import java.util.function.Supplier;

/**
 * Reads published data and the data version it belongs to from one database snapshot (a read-only
 * REPEATABLE READ transaction whose first statement reads the version, see {@link DataVersion#snapshot}), and moves this node's known
 * version forward when the snapshot's is newer. With a read replica the snapshot is the replica's
 * ({@link ReadReplica}). {@link PublicRead} does this for a controller; a
 * reader that keeps its own cache (widgets) calls {@link #read} for the part that misses it.
 */
@Singleton
public class PublicSnapshots {

    /** What was read and the data version of its snapshot. */
    public record Read<T>(T value, long version) {
    }

    /** The data version of the snapshot the current thread reads in, while it reads. */
    private static final ThreadLocal<Long> SNAPSHOT = new ThreadLocal<>();

    private final TransactionOperations<Connection> transactions;
    private final DataVersion dataVersion;
    private final PublicCache cache;
    private final ReadReplica replica;

    PublicSnapshots(TransactionOperations<Connection> transactions, DataVersion dataVersion, PublicCache cache,
                    ReadReplica replica) {
        this.transactions = transactions;
        this.dataVersion = dataVersion;
        this.cache = cache;
        this.replica = replica;
    }

    /**
     * The data version of the public snapshot this thread is reading in, if it is in one: what is
     * derived from published data alone may be kept in memory under it (it can never change).
     */
    public static java.util.OptionalLong snapshotVersion() {
        Long version = SNAPSHOT.get();
        return version == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(version);
    }

    /** Inside a transaction already open, the reader runs in it and the version is read there. */
    public <T> Read<T> read(Supplier<T> reader) {
        if (transactions.findTransactionStatus().isPresent()) {
            return new Read<>(reader.get(), dataVersion.current());
        }
        // on the read replica when one is configured (else, or when it fails or lags, on the primary); the
        // version is the replica's own, so a lagging replica's answer is never named by the newer version
        long known = cache.version();
        return replica.read(() -> transactions.execute(TransactionDefinition.DEFAULT, status -> {
            long version = dataVersion.snapshot();
            replica.checkLag(version, known);
            cache.seen(version);
            SNAPSHOT.set(version);
            try {
                return new Read<>(reader.get(), version);
            } finally {
                SNAPSHOT.remove();
            }
        }));
    }
}
