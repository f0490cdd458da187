package ru.noko.platform.database;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Where public reads run. With a read replica configured ({@code datasources.replica}, set by
 * {@code NOKO_READ_REPLICA_URL}) {@link #read} runs a public read on it: every connection the read
 * borrows from the default datasource is the replica's ({@link ReplicaRouting}). Admin reads, writes,
 * migrations and the version listener never come here and stay on the primary.
 * <p>
 * A replica failure never fails a public read: when the replica cannot be reached or fails during
 * the read, or lags behind the data version this node knows for longer than {@code max-lag}, the read
 * runs again on the primary, and public reads stay on the primary for {@code recheck} before the
 * replica is tried again (both said in the log). A replica answer less behind than that is served
 * under the replica's own version, which the caches never keep as the newer one.
 */
@Singleton
public class ReadReplica {

    private static final Logger LOG = LoggerFactory.getLogger(ReadReplica.class);

    /** The replica is too far behind: the read goes to the primary. */
    private static final class Behind extends RuntimeException {
        Behind() {
            super(null, null, false, false);
        }
    }

    @Nullable
    private final DataSource replica;
    private final ReplicaRoute route;
    private final long maxLag;
    private final long recheck;
    private final LongSupplier clock;
    private final AtomicBoolean onPrimary = new AtomicBoolean();
    private volatile long primaryUntil;
    private long behindOf = -1;
    private long behindSince;

    @Inject
    ReadReplica(@Nullable @Named("replica") DataSource replica, ReplicaRoute route,
                @Value("${noko.read-replica.max-lag:10s}") Duration maxLag,
                @Value("${noko.read-replica.recheck:10s}") Duration recheck) {
        this(replica == null ? null : DelegatingDataSource.unwrapDataSource(replica), route, maxLag, recheck, System::nanoTime);
    }

    ReadReplica(@Nullable DataSource replica, ReplicaRoute route, Duration maxLag, Duration recheck, LongSupplier clock) {
        this.replica = replica;
        this.route = route;
        this.maxLag = maxLag.toNanos();
        this.recheck = recheck.toNanos();
        this.clock = clock;
        this.primaryUntil = clock.getAsLong();
        if (replica != null) {
            LOG.info("Public reads go to the read replica (datasources.replica); admin reads and writes to the primary");
        }
    }

    /**
     * Runs a public read on the replica when one is configured and usable, else on the primary. The
     * read may run twice (once more on the primary after a replica failure): it must only read.
     */
    public <T> T read(Supplier<T> read) {
        if (replica == null || route.current() != null || clock.getAsLong() - primaryUntil < 0) {
            return read.get();
        }
        T value;
        try {
            value = route.through(replica, read);
        } catch (RuntimeException e) {
            boolean behind = behind(e);
            if (!behind && !DatabaseFailures.unavailable(e)) {
                throw e;
            }
            if (!behind) {
                toPrimary("the read replica is unavailable (" + rootCause(e) + ")");
            }
            return read.get();
        }
        if (onPrimary.compareAndSet(true, false)) {
            LOG.info("The read replica answers again: public reads go to it");
        }
        return value;
    }

    /** Whether this thread's reads run on the replica now. */
    public boolean onReplica() {
        return route.current() != null;
    }

    /**
     * A public read on the replica found the replica at {@code replicaVersion} of the published data
     * while this node knows {@code known} (the primary's, at least). Behind for longer than
     * {@code max-lag} (counted from the first read that found it behind this version), it throws,
     * and {@link #read} runs the read on the primary.
     */
    public void checkLag(long replicaVersion, long known) {
        if (!onReplica()) {
            return;
        }
        long now = clock.getAsLong();
        synchronized (this) {
            if (replicaVersion >= known) {
                behindOf = -1;
                return;
            }
            if (behindOf != known) {
                behindOf = known;
                behindSince = now;
            }
            if (now - behindSince <= maxLag) {
                return;
            }
        }
        toPrimary("the read replica lags: data version " + replicaVersion + " while the primary has " + known
                + " for more than " + Duration.ofNanos(maxLag).toMillis() + " ms");
        throw new Behind();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        return root;
    }

    private static boolean behind(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause() == current ? null : current.getCause()) {
            if (current instanceof Behind) {
                return true;
            }
        }
        return false;
    }

    private void toPrimary(String reason) {
        primaryUntil = clock.getAsLong() + recheck;
        if (onPrimary.compareAndSet(false, true)) {
            LOG.warn("Public reads go to the primary: {}; the replica is tried again in {} ms", reason,
                    Duration.ofNanos(recheck).toMillis());
        }
    }
}
