package ru.noko.campaigns.jobs;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.noko.campaigns.staging.StagedRows;

import java.util.List;

/**
 * On start: an import that was queued or running when the service died is marked failed (its
 * staging transaction died with the connection, so nothing of it was kept), and staged rows that
 * no usable job owns are deleted. Published data is never touched. Assumes one service instance
 * per database, as the embedded default does. (Spool files the dead service left behind are
 * swept by {@link SpoolDirectory} as it starts.)
 */
@Singleton
class JobRecovery implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(JobRecovery.class);

    private final ImportJobs jobs;
    private final StagedRows staged;

    JobRecovery(ImportJobs jobs, StagedRows staged) {
        this.jobs = jobs;
        this.staged = staged;
    }

    @Override
    @Transactional
    public void onApplicationEvent(StartupEvent event) {
        List<Long> interrupted = jobs.failInterrupted();
        int orphans = staged.deleteOrphans();
        if (!interrupted.isEmpty() || orphans > 0) {
            LOG.warn("Import jobs {} were interrupted by a restart and are marked failed; {} orphaned staged rows deleted",
                    interrupted, orphans);
        }
    }
}
