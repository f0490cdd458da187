package ru.noko.platform.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.noko.platform.database.PublishedDataChanged;
import ru.noko.platform.database.Sql;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Renders organizations' pages before anybody asks for them: after published data changes (on this
 * node at once, on the others at their next round), it claims organizations whose pages are older
 * than the last change of their region (or were built by another build of the service), asks this node's own server for each of their
 * {@link StoredPageRoutes} as a browser would (gzip accepted), which keeps the answers in
 * {@link StoredPages}, and records them as built. Claims are rows in {@code page_build} with a
 * deadline, so nodes share the work and a node that dies leaves nothing locked for long. Runs only
 * where a public base URL is configured: otherwise an answer's links depend on who asks.
 */
@Singleton
class PageBuilder implements ApplicationEventListener<PublishedDataChanged> {

    private static final Logger LOG = LoggerFactory.getLogger(PageBuilder.class);
    private static final String CLAIM = """
            WITH everywhere AS (SELECT coalesce(max(changed_version) FILTER (WHERE scope = '*'), 0) AS version FROM page_scope),
            due AS (
                SELECT o.id FROM organization o
                CROSS JOIN everywhere e
                LEFT JOIN page_scope s ON s.scope = o.region_code
                LEFT JOIN page_build b ON b.organization_id = o.id
                WHERE (b.organization_id IS NULL OR b.built_version < greatest(coalesce(s.changed_version, 0), e.version)
                       OR b.build IS DISTINCT FROM ?)
                  AND (b.claimed_until IS NULL OR b.claimed_until < now())
                ORDER BY o.id
                LIMIT ?)
            INSERT INTO page_build AS b (organization_id, built_version, claimed_until)
            SELECT id, -1, now() + make_interval(secs => ?) FROM due
            ON CONFLICT (organization_id) DO UPDATE SET claimed_until = EXCLUDED.claimed_until
            WHERE b.claimed_until IS NULL OR b.claimed_until < now()
            RETURNING organization_id, (SELECT version FROM data_version WHERE id = 1)""";

    private record Claimed(long organizationId, long version) {
    }

    private final Sql sql;
    private final StoredPageWriter writer;
    private final List<StoredPageRoutes> routes;
    private final Provider<EmbeddedServer> server;
    private final boolean enabled;
    private final int batch;
    private final int concurrency;
    private final Duration claim;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "page-builder");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile boolean stopped;

    PageBuilder(Sql sql, StoredPages storedPages, StoredPageWriter writer, List<StoredPageRoutes> routes, Provider<EmbeddedServer> server,
                PublicBaseUrl baseUrl,
                @Value("${noko.stored-pages.build:true}") boolean build,
                @Value("${noko.stored-pages.build-batch:200}") int batch,
                @Value("${noko.stored-pages.build-concurrency:2}") int concurrency,
                @Value("${noko.stored-pages.build-claim:2m}") Duration claim) {
        this.sql = sql;
        this.writer = writer;
        this.routes = routes;
        this.server = server;
        this.enabled = build && storedPages.enabled() && baseUrl.configured() && !routes.isEmpty();
        this.batch = Math.max(1, batch);
        this.concurrency = Math.max(1, concurrency);
        this.claim = claim;
        if (build && storedPages.enabled() && !baseUrl.configured()) {
            LOG.info("Pages are stored as visitors ask for them; set NOKO_PUBLIC_BASE_URL to have them built ahead after every publish");
        }
    }

    @Override
    public void onApplicationEvent(PublishedDataChanged event) {
        start();
    }

    /** Another node's publish, or pages nobody built yet (a new node, data loaded by other means). */
    @Scheduled(fixedDelay = "${noko.stored-pages.build-every:1m}", initialDelay = "${noko.stored-pages.build-first:10s}")
    void round() {
        start();
    }

    /** Starts a round unless one is waiting to start; a round under way finishes and the next one begins. */
    void start() {
        if (enabled && !stopped && scheduled.compareAndSet(false, true)) {
            runner.execute(() -> {
                scheduled.set(false);
                build();
            });
        }
    }

    private void build() {
        long started = System.nanoTime();
        int organizations = 0;
        int failed = 0;
        try {
            while (!stopped) {
                List<Claimed> claimed = sql.list(CLAIM, List.of(RenderingBuild.ID, batch, claim.toSeconds()),
                        row -> new Claimed(row.getLong(1), row.getLong(2)));
                if (claimed.isEmpty()) {
                    break;
                }
                List<Long> built = new ArrayList<>();
                failed += render(claimed, built);
                writer.flush(Duration.ofSeconds(30));
                long version = claimed.get(0).version();
                sql.update("UPDATE page_build SET built_version = ?, build = ?, claimed_until = NULL WHERE organization_id = ANY (?)",
                        List.of(version, RenderingBuild.ID, built.toArray(Long[]::new)));
                // a failed organization keeps its claim until the deadline: the next round tries it again, not this one
                organizations += built.size();
            }
        } catch (RuntimeException e) {
            LOG.warn("Building stored pages stopped: {}", e.toString());
        }
        if (organizations > 0 || failed > 0) {
            LOG.info("Built the stored pages of {} organizations in {} ms ({} failed)", organizations,
                    Duration.ofNanos(System.nanoTime() - started).toMillis(), failed);
        }
    }

    /** Asks for every page of the claimed organizations, a few at a time; returns how many organizations failed. */
    private int render(List<Claimed> claimed, List<Long> built) {
        String base = server.get().getURL().toString().replaceAll("/+$", "");
        Semaphore slots = new Semaphore(concurrency);
        List<CompletableFuture<Boolean>> pending = new ArrayList<>();
        for (Claimed organization : claimed) {
            List<CompletableFuture<Boolean>> pages = new ArrayList<>();
            for (StoredPageRoutes route : routes) {
                for (String path : route.paths(organization.organizationId())) {
                    slots.acquireUninterruptibly();
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(30))
                            .header("Accept-Encoding", "gzip")
                            .header("Accept", "*/*")
                            .header(StoredPages.BUILDING, "1")
                            .GET().build();
                    pages.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                            .handle((response, error) -> {
                                slots.release();
                                return error == null && response.statusCode() == 200;
                            }));
                }
            }
            pending.add(CompletableFuture.allOf(pages.toArray(CompletableFuture[]::new))
                    .thenApply(done -> pages.stream().allMatch(CompletableFuture::join)));
        }
        int failed = 0;
        for (int i = 0; i < claimed.size(); i++) {
            if (pending.get(i).join()) {
                built.add(claimed.get(i).organizationId());
            } else {
                failed++;
            }
        }
        return failed;
    }

    @PreDestroy
    void stop() {
        stopped = true;
        runner.shutdownNow();
    }
}
