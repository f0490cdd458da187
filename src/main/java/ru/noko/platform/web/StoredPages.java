package ru.noko.platform.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.noko.platform.database.ReadReplica;
import ru.noko.platform.database.Sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.HexFormat;
import java.util.UUID;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;

/**
 * Rendered public pages kept in the database for every node (migration V31): the long tail of
 * organization pages is answered from one indexed row instead of being computed again. A page is
 * named by its cache key without the data version, and is found only while it is valid — rendered
 * at a version not older than the last change of its scope, nor than the last change of everything
 * (see {@code DataVersion#bump}). The lookup is one statement that also reads the current version,
 * so the answer and the version it is named by come from one snapshot. Pages are written behind the
 * answers that rendered them, in batches, by one thread of their own; a full queue drops a page
 * (the next request renders it again) rather than slowing an answer.
 */
@Singleton
public class StoredPages {

    /** What a lookup found — a valid page or none — and the data version of its snapshot. */
    public record Found(Optional<PublicCache.Entry> page, long version) {
    }

    /** What an answer's page shows: the scope whose changes make it stale, and its organization, if one. */
    public record Scope(String scope, @Nullable Long organizationId) {
    }

    private record Pending(byte[] keyHash, Scope scope, long version, PublicCache.Entry page) {
    }

    static final String SCOPE = StoredPages.class.getName() + ".scope";
    /**
     * Marks the {@link PageBuilder}'s own requests: they skip the node's memory cache both ways, so
     * that the page is rendered or read from the store (and the memory keeps what visitors ask for).
     */
    static final String BUILDING = "X-Noko-Page-Build";

    /** Whether the request is the page builder's. */
    public static boolean building(HttpRequest<?> request) {
        return request.getHeaders().contains(BUILDING);
    }

    private static final Logger LOG = LoggerFactory.getLogger(StoredPages.class);
    private static final int BATCH = 200;
    private static final String FIND = """
            SELECT v.version, p.content_type, p.content_encoding, p.headers, p.body
            FROM data_version v
            LEFT JOIN stored_page p ON p.key_hash = ? AND p.stored_at > now() - make_interval(secs => ?)
                 AND p.built_version >= (SELECT coalesce(max(s.changed_version), -1) FROM page_scope s
                                         WHERE s.scope IN (p.scope, '*'))
            WHERE v.id = 1""";
    private static final String SAVE = """
            INSERT INTO stored_page AS p (key_hash, scope, organization_id, built_version, content_type,
                                          content_encoding, headers, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (key_hash) DO UPDATE SET scope = EXCLUDED.scope, organization_id = EXCLUDED.organization_id,
                built_version = EXCLUDED.built_version, stored_at = now(), content_type = EXCLUDED.content_type,
                content_encoding = EXCLUDED.content_encoding, headers = EXCLUDED.headers, body = EXCLUDED.body
            WHERE p.built_version <= EXCLUDED.built_version""";

    /**
     * What rendered the pages: the application's jar (its SHA-256), or, run from classes (tests,
     * development), this process. Part of every page's name, so that a deployment never serves
     * what an earlier build rendered.
     */
    private static final String BUILD = buildOf(StoredPages.class);

    private final Sql sql;
    private final PublicBaseUrl baseUrl;
    private final TransactionOperations<Connection> transactions;
    private final ReadReplica replica;
    private final PublicCache cache;
    private final Duration maxAge;
    private final boolean enabled;
    private final BlockingQueue<Pending> pending;
    /** Pages handed to {@link #save} and not yet written (or given up). */
    private final AtomicInteger outstanding = new AtomicInteger();
    private final Thread writer;
    private volatile boolean running = true;

    StoredPages(Sql sql, PublicBaseUrl baseUrl, TransactionOperations<Connection> transactions, ReadReplica replica, PublicCache cache,
                @Value("${noko.stored-pages.enabled:true}") boolean enabled,
                @Value("${noko.stored-pages.max-age:1d}") Duration maxAge,
                @Value("${noko.stored-pages.queue:2000}") int queue) {
        this.sql = sql;
        this.baseUrl = baseUrl;
        this.transactions = transactions;
        this.replica = replica;
        this.cache = cache;
        this.enabled = enabled;
        this.maxAge = maxAge;
        this.pending = new ArrayBlockingQueue<>(Math.max(1, queue));
        this.writer = new Thread(this::write, "stored-pages-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * The valid page stored under the key (with the base of the answer's absolute links, which
     * depends on the request where no public base URL is configured), if any, with the data version of the snapshot it was
     * found in (which this node takes as seen). Runs outside any transaction, on the read replica
     * when one is configured.
     */
    public Found find(HttpRequest<?> request, String key) {
        byte[] hash = hash(name(request, key));
        long known = cache.version();
        return replica.read(() -> {
            Found found = sql.one(FIND, List.of(hash, maxAge.toSeconds()), row -> {
                byte[] body = row.getBytes("body");
                Optional<PublicCache.Entry> page = body == null ? Optional.empty() : Optional.of(new PublicCache.Entry(row.getString("content_type"),
                        row.getString("content_encoding"), body, headers(row.getString("headers"))));
                return new Found(page, row.getLong("version"));
            }).orElseThrow(() -> new IllegalStateException("data_version has no row"));
            replica.checkLag(found.version(), known);
            cache.seen(found.version());
            return found;
        });
    }

    /**
     * Keeps a page rendered in a snapshot of {@code version}, valid until its scope changes, written
     * behind the answer.
     */
    public void save(HttpRequest<?> request, String key, Scope scope, long version, PublicCache.Entry page) {
        if (!enabled || !offer(new Pending(hash(name(request, key)), scope, version, page))) {
            LOG.debug("Stored-page queue full: {} not kept", key);
        }
    }

    /**
     * Names the scope of the answer the current request is rendering — a region code, and the
     * organization it is about — so that a {@link PublicRead#stored} answer is kept (see
     * {@link #save}); without it nothing is kept.
     */
    public static void scope(String region, @Nullable Long organizationId) {
        ServerRequestContext.currentRequest().ifPresent(request -> request.setAttribute(SCOPE, new Scope(region, organizationId)));
    }

    /** Pages nobody asked for during twice their lifetime go; they would never be found valid again. */
    @Scheduled(fixedDelay = "${noko.stored-pages.prune-every:1h}", initialDelay = "5m")
    void prune() {
        try {
            int removed = sql.update("DELETE FROM stored_page WHERE stored_at < now() - make_interval(secs => ?)",
                    List.of(maxAge.toSeconds() * 2));
            if (removed > 0) {
                LOG.info("Removed {} stored pages older than {}", removed, maxAge.multipliedBy(2));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not remove old stored pages: {}", e.toString());
        }
    }

    /** Waits (bounded) until every page handed to {@link #save} so far is written: for tests and the builder. */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outstanding.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void write() {
        List<Pending> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                Pending first = pending.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                pending.drainTo(batch, BATCH - 1);
                writeBatch(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Could not keep {} rendered pages: {}", batch.size(), e.toString());
            } finally {
                outstanding.addAndGet(-batch.size());
                batch.clear();
            }
        }
    }

    /** One transaction without waiting for the disk: a lost page is only rendered again. */
    private void writeBatch(List<Pending> batch) {
        transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL synchronous_commit = off");
            }
            try (PreparedStatement insert = connection.prepareStatement(SAVE)) {
                for (Pending page : batch) {
                    insert.setBytes(1, page.keyHash());
                    insert.setString(2, page.scope().scope());
                    insert.setObject(3, page.scope().organizationId());
                    insert.setLong(4, page.version());
                    insert.setString(5, page.page().contentType());
                    insert.setString(6, page.page().contentEncoding());
                    insert.setString(7, headerText(page.page().headers()));
                    insert.setBytes(8, page.page().body());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @PreDestroy
    void stop() {
        flush(Duration.ofSeconds(5));
        running = false;
        writer.interrupt();
    }

    /** The build whose rendering the stored pages are: see {@link #BUILD}. */
    public static String build() {
        return BUILD;
    }

    private String name(HttpRequest<?> request, String key) {
        return BUILD + "\n" + baseUrl.of(request) + "\n" + key;
    }

    private boolean offer(Pending page) {
        outstanding.incrementAndGet();
        if (pending.offer(page)) {
            return true;
        }
        outstanding.decrementAndGet();
        return false;
    }

    private static String buildOf(Class<?> type) {
        try {
            Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                try (InputStream in = new DigestInputStream(Files.newInputStream(location), sha256)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                return "jar:" + HexFormat.of().formatHex(sha256.digest());
            }
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            LOG.debug("The application's jar could not be read: {}", e.toString());
        }
        return "process:" + UUID.randomUUID();
    }

    static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Header lines as stored: {@code name: value}, one a line (values never hold a line break). */
    static String headerText(Map<String, String> headers) {
        StringBuilder text = new StringBuilder();
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        return text.toString();
    }

    static Map<String, String> headers(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    headers.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
        }
        return headers;
    }
}
