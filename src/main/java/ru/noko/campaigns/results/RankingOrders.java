package ru.noko.campaigns.results;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The order of a published ranking — the organization ids a query of results matches, sorted as it
 * asks — kept in memory under the data version it was read at: published data of one version never
 * changes, so a page of a large ranking is then read as its fifty rows by id, without sorting the
 * whole campaign and counting it again for every page.
 */
@Singleton
public class RankingOrders {

    /** The version, the query's WHERE and ORDER BY, and its parameters. */
    record Key(long version, String where, List<Object> parameters, String orderBy) {
    }

    private static final long MAX_IDS = 4_000_000;

    private final Cache<Key, long[]> orders = Caffeine.newBuilder()
            .maximumWeight(MAX_IDS)
            .weigher((Key key, long[] ids) -> ids.length + 16)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    long[] order(Key key, Supplier<long[]> read) {
        return orders.get(key, k -> read.get());
    }
}
