package ru.noko.campaigns;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import ru.noko.campaigns.results.RankingOrders;
import ru.noko.campaigns.results.ResultQuery;
import ru.noko.campaigns.results.ResultRow;
import ru.noko.campaigns.results.ResultTable;
import ru.noko.platform.database.Sql;
import ru.noko.platform.web.Page;
import ru.noko.platform.web.PageRequest;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A test's pause point inside a public read: the next page of results read by a service started
 * with {@code noko.test.hold-result-pages=true} waits, after the read has looked up its campaign and
 * before it counts and reads the rows, until the test lets it go.
 */
@Singleton
@Replaces(ResultTable.class)
@Requires(property = "noko.test.hold-result-pages", value = "true")
class HeldResultPages extends ResultTable {

    /** {@code reached} counts down when a read waits; the read goes on when {@code release} does. */
    record Hold(CountDownLatch reached, CountDownLatch release) {
        Hold() {
            this(new CountDownLatch(1), new CountDownLatch(1));
        }
    }

    static final AtomicReference<Hold> NEXT = new AtomicReference<>();

    HeldResultPages(Sql sql, RankingOrders orders) {
        super(sql, orders);
    }

    @Override
    public Page<ResultRow> page(ResultQuery query, PageRequest page) {
        Hold hold = NEXT.getAndSet(null);
        if (hold != null) {
            hold.reached().countDown();
            try {
                if (!hold.release().await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test did not release the held read within 60 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return super.page(query, page);
    }
}
