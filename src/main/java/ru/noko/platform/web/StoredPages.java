package ru.noko.platform.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.noko.platform.database.ReadReplica;
import ru.noko.platform.database.Sql;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Rendered public pages kept in the database for every node (migration V31): the long tail of
 * organization pages is answered from one indexed row instead of being computed again. A page is
 * named by its cache key without the data version, and is found only while it is valid — rendered
 * at a version not older than the last change of its scope, nor than the last change of everything
 * (see {@code DataVersion#bump}). The lookup is one statement that also reads the current version,
 * so the answer and the version it is named by come from one snapshot. Pages are written behind the
 * answers that rendered them ({@link StoredPageWriter}).
 */
@Singleton
public class StoredPages {

    /** What a lookup found — a valid page or none — and the data version of its snapshot. */
    public record Found(Optional<PublicCache.Entry> page, long version) {
    }

    /** What an answer's page shows: the scope whose changes make it stale, and its organization, if one. */
    public record Scope(String scope, @Nullable Long organizationId) {
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
    private static final String FIND = """
            SELECT v.version, p.content_type, p.content_encoding, p.headers, p.body
            FROM data_version v
            LEFT JOIN stored_page p ON p.key_hash = ? AND p.stored_at > now() - make_interval(secs => ?)
                 AND p.built_version >= (SELECT coalesce(max(s.changed_version), -1) FROM page_scope s
                                         WHERE s.scope IN (p.scope, '*'))
            WHERE v.id = 1""";
    private final Sql sql;
    private final PublicBaseUrl baseUrl;
    private final ReadReplica replica;
    private final PublicCache cache;
    private final Duration maxAge;
    private final boolean enabled;
    private final StoredPageWriter writer;

    StoredPages(Sql sql, PublicBaseUrl baseUrl, StoredPageWriter writer, ReadReplica replica, PublicCache cache,
                @Value("${noko.stored-pages.enabled:true}") boolean enabled,
                @Value("${noko.stored-pages.max-age:1d}") Duration maxAge) {
        this.sql = sql;
        this.baseUrl = baseUrl;
        this.writer = writer;
        this.replica = replica;
        this.cache = cache;
        this.enabled = enabled;
        this.maxAge = maxAge;
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * The valid page stored under the key, if any, with the data version of the snapshot it was
     * found in (which this node takes as seen). Runs outside any transaction, on the read replica
     * when one is configured.
     */
    public Found find(HttpRequest<?> request, String key) {
        byte[] hash = hash(name(request, key));
        long known = cache.version();
        return replica.read(() -> {
            Found found = sql.one(FIND, List.of(hash, maxAge.toSeconds()), row -> {
                byte[] body = row.getBytes("body");
                Optional<PublicCache.Entry> page = body == null ? Optional.empty() : Optional.of(new PublicCache.Entry(
                        row.getString("content_type"), row.getString("content_encoding"), body,
                        StoredPageWriter.headers(row.getString("headers"))));
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
        if (enabled && !writer.offer(hash(name(request, key)), scope, version, page)) {
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

    /** What a page is named by: the build that renders it, the base of its links, its cache key. */
    private String name(HttpRequest<?> request, String key) {
        return RenderingBuild.ID + "\n" + baseUrl.of(request) + "\n" + key;
    }

    static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
