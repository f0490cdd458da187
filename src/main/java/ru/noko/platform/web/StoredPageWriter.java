package ru.noko.platform.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes rendered pages into {@code stored_page} behind the answers that rendered them: one thread
 * of its own takes them from a bounded queue and writes them in batches, each in one transaction
 * that does not wait for the disk (a lost page is only rendered again). A full queue drops a page
 * rather than slowing an answer.
 */
@Singleton
class StoredPageWriter {

    private record Pending(byte[] keyHash, StoredPages.Scope scope, long version, PublicCache.Entry page) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(StoredPageWriter.class);
    private static final int BATCH = 200;
    private static final String SAVE = """
            INSERT INTO stored_page AS p (key_hash, scope, organization_id, built_version, content_type,
                                          content_encoding, headers, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (key_hash) DO UPDATE SET scope = EXCLUDED.scope, organization_id = EXCLUDED.organization_id,
                built_version = EXCLUDED.built_version, stored_at = now(), content_type = EXCLUDED.content_type,
                content_encoding = EXCLUDED.content_encoding, headers = EXCLUDED.headers, body = EXCLUDED.body
            WHERE p.built_version <= EXCLUDED.built_version""";

    private final TransactionOperations<Connection> transactions;
    private final BlockingQueue<Pending> pending;
    /** Pages offered and not yet written (or given up). */
    private final AtomicInteger outstanding = new AtomicInteger();
    private final Thread writer;
    private volatile boolean running = true;

    StoredPageWriter(TransactionOperations<Connection> transactions, @Value("${noko.stored-pages.queue:2000}") int queue) {
        this.transactions = transactions;
        this.pending = new ArrayBlockingQueue<>(Math.max(1, queue));
        this.writer = new Thread(this::write, "stored-pages-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues a page; false when the queue is full. */
    boolean offer(byte[] keyHash, StoredPages.Scope scope, long version, PublicCache.Entry page) {
        outstanding.incrementAndGet();
        if (pending.offer(new Pending(keyHash, scope, version, page))) {
            return true;
        }
        outstanding.decrementAndGet();
        return false;
    }

    /** Waits (bounded) until every page offered so far is written: for the page builder. */
    boolean flush(Duration timeout) {
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
                    insert.setString(7, headerLines(page.page().headers()));
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

    /** Header lines as stored: {@code name: value}, one a line (values never hold a line break). */
    static String headerLines(Map<String, String> headers) {
        StringBuilder text = new StringBuilder();
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        return text.toString();
    }

    /** {@link #headerLines} read back. */
    static Map<String, String> headers(String lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (lines != null) {
            for (String line : lines.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    headers.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
        }
        return headers;
    }
}
