package ru.noko.campaigns.jobs;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.noko.campaigns.Campaign;
import ru.noko.campaigns.staging.StagedRows;
import ru.noko.campaigns.staging.StagingWriter;
import ru.noko.campaigns.upload.CampaignScope;
import ru.noko.campaigns.upload.CsvUploadTable;
import ru.noko.campaigns.upload.Importer;
import ru.noko.campaigns.upload.InputLevel;
import ru.noko.campaigns.upload.JsonUploadTable;
import ru.noko.campaigns.upload.PrefetchingUploadTable;
import ru.noko.campaigns.upload.UploadFields;
import ru.noko.campaigns.upload.UploadReport;
import ru.noko.campaigns.upload.UnreadableUpload;
import ru.noko.campaigns.upload.UploadTable;
import ru.noko.methodology.CalculationSettings;
import ru.noko.methodology.DenominatorVariant;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.methodology.ZeroDenominatorRule;
import ru.noko.platform.logging.PhaseTimer;
import ru.noko.platform.web.FieldProblem;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs uploads as import jobs on a bounded pool. A job reads the spooled file row by row, checks
 * every row, and COPYs the checked rows into staging inside one transaction; the job row turns
 * {@code succeeded} in that same transaction. A dry run or a file with errors rolls the staging
 * back and keeps only the job and its report. A crash mid-import rolls back with the connection;
 * on the next start {@link JobRecovery} marks the job failed.
 * <p>
 * A job can be cancelled ({@link JobCancellation}): the job row is marked first, then the worker
 * is told; it checks between batches of rows and before committing (where the row's status
 * decides: {@link ImportJobs#finish} records nothing for a cancelled job), and rolls back.
 */
@Singleton
public class Uploads {

    /** The queue of uploads is full. */
    public static final class Busy extends RuntimeException {
        Busy(String message) {
            super(message);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);

    private final ImportJobs jobs;
    private final StagedRows staged;
    private final ru.noko.platform.database.Sql sql;
    private final MethodologyCatalogue catalogue;
    private final TransactionOperations<Connection> transactions;
    private final Map<String, String> aliases = UploadFields.seedAliases();
    private final ThreadPoolExecutor executor;
    private final Duration waitForResult;
    private final SpoolDirectory spool;
    private final Map<Long, ImportRun> runs = new ConcurrentHashMap<>();
    private volatile ImportProbe probe = ImportProbe.NONE;

    public Uploads(ImportJobs jobs, StagedRows staged, ru.noko.platform.database.Sql sql, MethodologyCatalogue catalogue,
                   TransactionOperations<Connection> transactions,
                   @Value("${noko.import.threads:2}") int threads,
                   @Value("${noko.import.wait-for-result:10s}") Duration waitForResult,
                   SpoolDirectory spool) {
        this.jobs = jobs;
        this.staged = staged;
        this.sql = sql;
        this.catalogue = catalogue;
        this.transactions = transactions;
        this.waitForResult = waitForResult;
        this.spool = spool;
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(32), task -> {
            Thread thread = new Thread(task, "import-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A fresh private file to spool an upload body into; close it when no job takes it over. */
    public SpoolFile newSpoolFile() {
        return spool.newFile();
    }

    /** For tests of this package only. */
    void probe(ImportProbe probe) {
        this.probe = probe;
    }

    /**
     * Queues the import of a spooled file and waits a little for it, so small files come back with
     * their report at once. Once queued, the job owns the file and deletes it when it ends.
     */
    public ImportJob submit(long jobId, Campaign campaign, SpoolFile file, String format, InputLevel level, boolean dryRun) {
        ImportRun run = new ImportRun(jobId, file.path());
        runs.put(jobId, run);
        Future<?> future;
        try {
            future = executor.submit(() -> run(run, campaign, format, level, dryRun));
        } catch (RejectedExecutionException e) {
            runs.remove(jobId);
            jobs.fail(jobId, "Очередь загрузок переполнена; повторите позже");
            throw new Busy("Too many uploads are queued; try again later");
        }
        file.handOver();
        try {
            future.get(waitForResult.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // still running: the caller answers 202 and the client polls the job
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("Import job {} failed", jobId, e.getCause());
        }
        return jobs.find(jobId).orElseThrow();
    }

    /**
     * Stops this service's work on a job already marked cancelled: the worker notices at its next
     * batch of rows (or at once when it waits), rolls its staging back and deletes the file.
     *
     * @return true when the job is no longer worked on here (within {@code wait})
     */
    boolean stop(long jobId, Duration wait) {
        ImportRun run = runs.get(jobId);
        if (run == null) {
            return true;
        }
        if (!run.cancel()) {
            // still queued: its turn will find it cancelled; nothing needs its file any more
            delete(run.file());
            runs.remove(jobId, run);
            return true;
        }
        return run.awaitEnd(wait);
    }

    /** Whether a worker of this service is still on the job (for tests). */
    boolean working(long jobId) {
        return runs.containsKey(jobId);
    }

    /**
     * Runs on a worker of the pool. Whatever happens, an {@link Error} in the worker or its reader
     * included, the job ends (succeeded, failed or cancelled) and its file is deleted, so neither
     * the job nor its campaign is left waiting.
     */
    private void run(ImportRun run, Campaign campaign, String format, InputLevel level, boolean dryRun) {
        long jobId = run.jobId();
        try {
            if (run.start()) {
                importFile(run, campaign, run.file(), format, level, dryRun);
            }
        } catch (Throwable e) {
            ended(run, e);
        } finally {
            runs.remove(jobId, run);
            delete(run.file());
            run.end();
        }
    }

    private void importFile(ImportRun run, Campaign campaign, Path file, String format, InputLevel level, boolean dryRun) {
        long jobId = run.jobId();
        PhaseTimer timer = new PhaseTimer();
        try (UploadTable table = open(file, format, campaign, jobId)) {
            timer.lap("open");
            if (!jobs.markRunning(jobId, table.estimatedRows())) {
                throw new ImportRun.Cancelled(jobId);
            }
            ImportJobs.Detected detected = new ImportJobs.Detected(table.format(), table.encoding(),
                    "csv".equals(table.format()) ? table.bom() : null, table.delimiter());
            UploadTable rows = new GuardedUploadTable(table, run, probe);
            Staged result = transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW),
                    status -> {
                        sql.allowLongStatements();
                        Staged s = stage(status.getConnection(), jobId, campaign, rows, level,
                                count -> jobs.progress(jobId, count), timer, run::check);
                        if (dryRun || s.report().errorCount() > 0) {
                            status.setRollbackOnly();
                        } else {
                            staged.deleteSuperseded(campaign.id(), jobId, s.outcome().level() == InputLevel.EXPERT);
                            timer.lap("supersede");
                            if (!jobs.finish(jobId, detected, s.outcome(), s.report())) {
                                throw new ImportRun.Cancelled(jobId);
                            }
                            timer.lap("report");
                        }
                        return s;
                    });
            timer.lap("commit");
            if (dryRun || result.report().errorCount() > 0) {
                jobs.finish(jobId, detected, result.outcome(), result.report());
            }
            LOG.info("Import job {} of campaign {}: {} rows, {} errors, {} warnings{}; {}", jobId, campaign.id(),
                    result.outcome().rows(), result.report().errorCount(), result.report().warningCount(),
                    dryRun ? " (dry run)" : "", timer);
        }
    }

    /** A job that did not get to its end: cancelled (its staging is gone) or failed with the reason. */
    private void ended(ImportRun run, Throwable e) {
        long jobId = run.jobId();
        Thread.interrupted(); // a cancel's interrupt must not break the clean-up's own database calls
        try {
            if (e instanceof ImportRun.Cancelled || run.cancelled()) {
                // the staging transaction rolled back; this only guards against rows committed some other way
                transactions.executeWrite(status -> {
                    sql.allowLongStatements();
                    return staged.delete(jobId);
                });
                LOG.info("Import job {} was cancelled", jobId);
            } else if (e instanceof UnreadableUpload || e.getCause() instanceof UnreadableUpload) {
                jobs.fail(jobId, (e instanceof UnreadableUpload ? e : e.getCause()).getMessage());
            } else {
                LOG.error("Import job {} failed", jobId, e);
                jobs.fail(jobId, failure(e));
            }
        } catch (Throwable cleanup) {
            LOG.error("Import job {} ended by {} and could not be recorded", jobId, e, cleanup);
        }
    }

    /** What the job's failure says to the operator. */
    private static String failure(Throwable e) {
        boolean reader = e instanceof PrefetchingUploadTable.ReaderFailed && e.getCause() != null;
        Throwable cause = reader ? e.getCause() : e;
        String where = reader ? "при чтении файла" : "при загрузке";
        String what = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        if (cause instanceof OutOfMemoryError) {
            return "Не хватило памяти " + where + " (" + what + "); загрузите файл ещё раз позже или разделите его на части";
        }
        return "Внутренняя ошибка " + where + ": " + what;
    }

    /**
     * Imports rows in the caller's transaction, no job thread (the demo loader; tests).
     *
     * @return the id of the succeeded job
     * @throws IllegalStateException when the rows have errors
     */
    public long importNow(Campaign campaign, UploadTable table, InputLevel level, String sourceName, String createdBy) {
        long jobId = jobs.create(campaign.id(), level, false, sourceName, table.format(), 0, createdBy);
        jobs.markRunning(jobId, table.estimatedRows());
        Connection connection = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("importNow needs a transaction"))
                .getConnection() instanceof Connection c ? c : null;
        Staged result = stage(connection, jobId, campaign, table, level, rows -> {
        }, new PhaseTimer(), () -> {
        });
        if (result.report().errorCount() > 0) {
            throw new IllegalStateException(sourceName + " has errors: " + result.report().errors());
        }
        jobs.finish(jobId, new ImportJobs.Detected(table.format(), table.encoding(), null, table.delimiter()),
                result.outcome(), result.report());
        return jobId;
    }

    private record Staged(Importer.Outcome outcome, UploadReport report) {
    }

    /** @param checkpoint throws when the job must stop (it was cancelled), between the steps after the rows */
    private Staged stage(Connection connection, long jobId, Campaign campaign, UploadTable table, InputLevel level,
                         IntConsumer progress, PhaseTimer timer, Runnable checkpoint) {
        CampaignScope scope = scope(campaign);
        UploadReport report = new UploadReport();
        Importer.Outcome outcome;
        try (StagingWriter writer = new StagingWriter(connection, jobId)) {
            outcome = new Importer(fields(scope.methodology())).run(scope, table, level, () -> jobs.checklist(campaign.id())
                    .map(checklist -> staged.checklist(checklist.id())).orElse(Map.of()), writer, progress, report);
            writer.finish();
        }
        timer.lap("read+check+stage");
        checkpoint.run();
        // staging is never analyzed by autovacuum in time: give the planner the job's real size
        sql.update("ANALYZE staged_result", java.util.List.of());
        timer.lap("analyze");
        // every row, not only the first LIMIT: the error count of a report is exact
        for (StagedRows.OtherRegion other : staged.inOtherRegions(jobId, campaign.regionCode(), Integer.MAX_VALUE)) {
            report.error(other.problem(campaign.regionCode()));
        }
        timer.lap("other-regions");
        checkpoint.run();
        if (outcome.level().publishable()) {
            for (StagedRows.AlreadyAssessed other : staged.alreadyAssessed(jobId, campaign.id(), campaign.year(),
                    UploadReport.LIMIT)) {
                report.warning(new FieldProblem("inn", other.line(), "inn", other.inn(), "assessed_this_year",
                        "Организация (ИНН " + other.inn() + ", КПП " + other.kpp() + ") уже оценена в " + campaign.year()
                                + " году в кампании «" + other.campaignTitle() + "» (№ " + other.campaignId() + ")"));
            }
        }
        timer.lap("already-assessed");
        checkpoint.run();
        return new Staged(outcome, report);
    }

    public UploadFields fields(Methodology methodology) {
        return new UploadFields(methodology, aliases);
    }

    public CampaignScope scope(Campaign campaign) {
        Methodology methodology = catalogue.find(campaign.methodologyCode()).orElseThrow();
        return new CampaignScope(campaign.id(), campaign.regionCode(), campaign.okatoCode(), campaign.year(),
                campaign.types(), methodology, new CalculationSettings(
                DenominatorVariant.fromCode(campaign.variant()).orElseThrow(),
                ZeroDenominatorRule.fromCode(campaign.zeroRule()).orElseThrow()));
    }

    private UploadTable open(Path file, String format, Campaign campaign, long jobId) {
        UploadFields fields = fields(catalogue.find(campaign.methodologyCode()).orElseThrow());
        return "json".equals(format) ? probe.source(jobId, new JsonUploadTable(file, fields))
                : new PrefetchingUploadTable(probe.source(jobId, new CsvUploadTable(file, fields)));
    }

    private static void delete(Path file) {
        SpoolDirectory.delete(file);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
