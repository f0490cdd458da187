package ru.noko.campaigns.jobs;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.noko.campaigns.staging.StagedRows;

import java.time.Duration;
import java.util.List;

/**
 * Import jobs of nodes that are gone. Every node renews the lease of its own queued and running
 * jobs every {@code noko.import.heartbeat}; a job whose lease is older than {@code noko.import.lease}
 * belongs to a node that crashed or was stopped (its staging transaction died with its
 * connection, so nothing of it was kept) and is marked failed — at start and at every heartbeat,
 * so a campaign is not left blocked when no node restarts. Staged rows that no usable job owns
 * are deleted at start. A job a live node is running is never touched; published data never is.
 * (Spool files a dead service left behind are swept by {@link SpoolDirectory} as it starts.)
 */
@Singleton
class JobRecovery implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(JobRecovery.class);

    private final ImportJobs jobs;
    private final StagedRows staged;
    private final Duration lease;

    JobRecovery(ImportJobs jobs, StagedRows staged, @Value("${noko.import.lease:30s}") Duration lease) {
        this.jobs = jobs;
        this.staged = staged;
        this.lease = lease;
    }

    @Override
    @Transactional
    public void onApplicationEvent(StartupEvent event) {
        List<Long> abandoned = jobs.failAbandoned(lease);
        int orphans = staged.deleteOrphans();
        if (!abandoned.isEmpty() || orphans > 0) {
            LOG.warn("Import jobs {} of nodes that are gone are marked failed; {} orphaned staged rows deleted",
                    abandoned, orphans);
        }
    }

    @Scheduled(fixedDelay = "${noko.import.heartbeat:5s}", initialDelay = "${noko.import.heartbeat:5s}")
    void heartbeat() {
        try {
            jobs.heartbeat();
            List<Long> abandoned = jobs.failAbandoned(lease);
            if (!abandoned.isEmpty()) {
                LOG.warn("Import jobs {} of nodes that are gone are marked failed", abandoned);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not renew the import jobs' lease: {}", e.toString());
        }
    }
}
