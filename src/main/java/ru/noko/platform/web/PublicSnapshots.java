package ru.noko.platform.web;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import ru.noko.platform.database.DataVersion;

import java.sql.Connection;
import java.util.function.Supplier;

/**
 * Reads published data and the data version it belongs to from one database snapshot (a read-only
 * REPEATABLE READ transaction whose first statement reads the version, see {@link DataVersion#snapshot}), and moves this node's known
 * version forward when the snapshot's is newer. {@link PublicRead} does this for a controller; a
 * reader that keeps its own cache (widgets) calls {@link #read} for the part that misses it.
 */
@Singleton
public class PublicSnapshots {

    /** What was read and the data version of its snapshot. */
    public record Read<T>(T value, long version) {
    }

    private final TransactionOperations<Connection> transactions;
    private final DataVersion dataVersion;
    private final PublicCache cache;

    PublicSnapshots(TransactionOperations<Connection> transactions, DataVersion dataVersion, PublicCache cache) {
        this.transactions = transactions;
        this.dataVersion = dataVersion;
        this.cache = cache;
    }

    /** Inside a transaction already open, the reader runs in it and the version is read there. */
    public <T> Read<T> read(Supplier<T> reader) {
        if (transactions.findTransactionStatus().isPresent()) {
            return new Read<>(reader.get(), dataVersion.current());
        }
        return transactions.execute(TransactionDefinition.DEFAULT, status -> {
            long version = dataVersion.snapshot();
            cache.seen(version);
            return new Read<>(reader.get(), version);
        });
    }
}
