package ru.noko.platform.database;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Where {@link ReadReplica} sends a public read, on a clock of the test's own. */
class ReadReplicaRoutingTest {

    private static final Duration MAX_LAG = Duration.ofSeconds(10);
    private static final Duration RECHECK = Duration.ofSeconds(5);

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger replicaReads = new AtomicInteger();
    private final ReadReplica replica = new ReadReplica(dummy(), new ReplicaRoute(), MAX_LAG, RECHECK, now::get);

    @Test
    void withoutAReplicaEveryReadIsOnThePrimary() {
        ReadReplica none = new ReadReplica(null, new ReplicaRoute(), MAX_LAG, RECHECK, now::get);
        assertEquals("primary", none.read(() -> none.onReplica() ? "replica" : "primary"));
    }

    @Test
    void aReplicaBehindIsServedUntilTheLagBoundThenThePrimaryUntilTheRecheck() {
        assertEquals("replica", read(5, 5));
        assertEquals("replica", read(5, 6), "behind, but not for long: served under its own version");
        advance(MAX_LAG);
        assertEquals("replica", read(5, 6), "at the bound");
        advance(Duration.ofMillis(1));
        assertEquals("primary", read(5, 6), "past it: read again on the primary");

        int tried = replicaReads.get();
        advance(RECHECK.minusMillis(1));
        assertEquals("primary", read(5, 6));
        assertEquals(tried, replicaReads.get(), "the replica is left alone until the recheck");

        advance(Duration.ofMillis(1));
        assertEquals("primary", read(5, 6), "still behind the same version: straight back to the primary");
        assertEquals(tried + 1, replicaReads.get());

        advance(RECHECK);
        assertEquals("replica", read(6, 6), "caught up");
        assertEquals("replica", read(6, 7), "a new version starts a new lag count");
    }

    @Test
    void aFailingReplicaSendsTheReadToThePrimary() {
        String answer = replica.read(() -> {
            if (replica.onReplica()) {
                throw new IllegalStateException("wrapped", new SQLTransientConnectionException("replica down"));
            }
            return "primary";
        });
        assertEquals("primary", answer);
        int tried = replicaReads.get();
        assertEquals("primary", read(5, 5), "until the recheck");
        assertEquals(tried, replicaReads.get());
        advance(RECHECK);
        assertEquals("replica", read(5, 5));
    }

    @Test
    void aFaultOfTheReadItselfIsNotAReplicaFailure() {
        assertThrows(IllegalArgumentException.class, () -> replica.read(() -> {
            throw new IllegalArgumentException("not found");
        }));
        assertEquals("replica", read(5, 5));
    }

    private String read(long replicaVersion, long known) {
        return replica.read(() -> {
            if (replica.onReplica()) {
                replicaReads.incrementAndGet();
            }
            replica.checkLag(replicaVersion, known);
            return replica.onReplica() ? "replica" : "primary";
        });
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    private static DataSource dummy() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
