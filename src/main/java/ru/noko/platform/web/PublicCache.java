package ru.noko.platform.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.noko.platform.database.DataVersion;

import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rendered bodies of public GET responses (Caffeine, bounded by bytes) and the version of the
 * published data they belong to. The version lives in memory so that serving a cached response
 * never touches the database; it is moved forward
 * <ul>
 *   <li>at once by {@link #invalidateAll()}, which whoever changes published data calls (after
 *       its transaction commits — a call inside a transaction is deferred to the commit);</li>
 *   <li>at once by {@link DataVersionListener}, which hears every node's publish through
 *       PostgreSQL {@code NOTIFY};</li>
 *   <li>by every uncached public read ({@link PublicRead}), which reads the version in its own snapshot;</li>
 *   <li>by polling {@code data_version} now and then, a fallback for a lost notification.</li>
 * </ul>
 * ETags and cache keys include the version, so entries of an older version are never served.
 * <p>
 * While the database is unavailable (the last poll failed) the cached bodies keep being served, and
 * an entry read then lives a full {@code expire-after-write} period again instead of expiring: the
 * version cannot have changed without the database, so what is cached is still what is published.
 */
@Singleton
public class PublicCache implements ApplicationEventListener<StartupEvent> {

    /** One rendered response, its body already in its content coding ({@code contentEncoding}; null: none). */
    public record Entry(String contentType, @Nullable String contentEncoding, byte[] body, Map<String, String> headers) {

        public Entry(String contentType, byte[] body, Map<String, String> headers) {
            this(contentType, null, body, headers);
        }

        /**
         * A rendered body as it is kept and sent: compressed once, now, when the client takes gzip
         * ({@code coding}, see {@link ContentCodings#of}) and the body is long enough to gain from it.
         */
        public static Entry encoded(String contentType, byte[] body, String coding, Map<String, String> headers) {
            if ("gzip".equals(coding) && body.length >= COMPRESS_FROM) {
                return new Entry(contentType, "gzip", ContentCodings.gzip(body), headers);
            }
            return new Entry(contentType, null, body, headers);
        }
    }

    /** A body at least this long is worth compressing. */
    private static final int COMPRESS_FROM = 512;

    private static final Logger LOG = LoggerFactory.getLogger(PublicCache.class);

    private final Cache<String, Entry> bodies;
    private final AtomicLong version = new AtomicLong(-1);
    private volatile boolean databaseAvailable = true;
    private final DataVersion dataVersion;
    private final TransactionOperations<Connection> transactions;

    public PublicCache(DataVersion dataVersion, TransactionOperations<Connection> transactions,
                       @Value("${noko.public-cache.max-megabytes:64}") long maxMegabytes,
                       @Value("${noko.public-cache.expire-after-write:1h}") Duration expireAfterWrite) {
        this.dataVersion = dataVersion;
        this.transactions = transactions;
        long lifetime = expireAfterWrite.toNanos();
        this.bodies = Caffeine.newBuilder()
                .maximumWeight(maxMegabytes * 1024 * 1024)
                .weigher(PublicCache::weight)
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long now) {
                        return lifetime;
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long now, long remaining) {
                        return lifetime;
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long now, long remaining) {
                        return databaseAvailable ? remaining : lifetime;
                    }
                })
                .build();
    }


    /** Roughly the bytes an entry holds: key, body and the headers stored with it. */
    static int weight(String key, Entry entry) {
        long weight = key.length() + (long) entry.body().length + entry.contentType().length();
        for (Map.Entry<String, String> header : entry.headers().entrySet()) {
            weight += header.getKey().length() + header.getValue().length();
        }
        return (int) Math.min(Integer.MAX_VALUE, weight);
    }

    /** The version of the published data as this node last saw it. */
    public long version() {
        long current = version.get();
        return current >= 0 ? current : refresh();
    }

    public Entry get(String key) {
        return bodies.getIfPresent(key);
    }

    public void put(String key, Entry entry) {
        bodies.put(key, entry);
    }

    /**
     * Published data changed (publish, retract, correction): forget every cached body and take
     * the new version. Inside a transaction this happens once it commits, so that no reader can
     * cache the old data under the new version; after a rollback nothing happens.
     */
    public void invalidateAll() {
        Optional<? extends TransactionStatus<?>> transaction = transactions.findTransactionStatus();
        if (transaction.isPresent() && !transaction.get().isCompleted()) {
            transaction.get().registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    refreshAndClear();
                }
            });
        } else {
            refreshAndClear();
        }
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        refresh();
    }

    /**
     * A version read from the database (a snapshot, a notification): when it is newer than the one
     * this node knew, the cache is cleared and the version taken.
     */
    public void seen(long current) {
        long previous = version.getAndAccumulate(current, Math::max);
        if (current > previous) {
            bodies.invalidateAll();
            if (previous >= 0) {
                LOG.info("Published data version {} → {}: public cache cleared", previous, current);
            }
        }
    }

    @Scheduled(fixedDelay = "${noko.public-cache.version-poll:15s}", initialDelay = "${noko.public-cache.version-poll:15s}")
    void poll() {
        try {
            refresh();
            if (!databaseAvailable) {
                databaseAvailable = true;
                LOG.info("The database answers again");
            }
        } catch (RuntimeException e) {
            if (databaseAvailable) {
                databaseAvailable = false;
                LOG.warn("Could not read the data version; cached public responses are served until the database answers: {}",
                        e.toString());
            }
        }
    }

    private void refreshAndClear() {
        bodies.invalidateAll();
        refresh();
        bodies.invalidateAll();
    }

    /** Reads the version in a transaction of its own (the caller's, if any, has committed). */
    private long refresh() {
        long current = transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW),
                status -> dataVersion.current());
        seen(current);
        return version.get();
    }
}
