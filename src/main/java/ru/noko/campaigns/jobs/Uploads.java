package ru.noko.campaigns.jobs;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
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
    private final Path spoolDirectory;

    public Uploads(ImportJobs jobs, StagedRows staged, ru.noko.platform.database.Sql sql, MethodologyCatalogue catalogue,
                   TransactionOperations<Connection> transactions,
                   @Value("${noko.import.threads:2}") int threads,
                   @Value("${noko.import.wait-for-result:10s}") Duration waitForResult,
                   @Nullable @Value("${noko.import.spool-dir:}") String spoolDir) {
        this.jobs = jobs;
        this.staged = staged;
        this.sql = sql;
        this.catalogue = catalogue;
        this.transactions = transactions;
        this.waitForResult = waitForResult;
        AtomicInteger counter = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(32), task -> {
            Thread thread = new Thread(task, "import-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            this.spoolDirectory = Files.createDirectories(spoolDir == null || spoolDir.isBlank()
                    ? Path.of(System.getProperty("java.io.tmpdir"), "noko-uploads") : Path.of(spoolDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh file to spool an upload body into. */
    public Path newSpoolFile() {
        try {
            return Files.createTempFile(spoolDirectory, "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Queues the import of a spooled file and waits a little for it, so small files come back with
     * their report at once. The file is deleted when the job ends.
     */
    public ImportJob submit(long jobId, Campaign campaign, Path file, String format, InputLevel level, boolean dryRun) {
        Future<?> future;
        try {
            future = executor.submit(() -> run(jobId, campaign, file, format, level, dryRun));
        } catch (RejectedExecutionException e) {
            jobs.fail(jobId, "Очередь загрузок переполнена; повторите позже");
            delete(file);
            throw new Busy("Too many uploads are queued; try again later");
        }
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

    private void run(long jobId, Campaign campaign, Path file, String format, InputLevel level, boolean dryRun) {
        PhaseTimer timer = new PhaseTimer();
        try (UploadTable table = open(file, format, campaign)) {
            timer.lap("open");
            jobs.markRunning(jobId, table.estimatedRows());
            ImportJobs.Detected detected = new ImportJobs.Detected(table.format(), table.encoding(),
                    "csv".equals(table.format()) ? table.bom() : null, table.delimiter());
            Staged result = transactions.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW),
                    status -> {
                        Staged s = stage(status.getConnection(), jobId, campaign, table, level,
                                rows -> jobs.progress(jobId, rows), timer);
                        if (dryRun || s.report().errorCount() > 0) {
                            status.setRollbackOnly();
                        } else {
                            staged.deleteSuperseded(campaign.id(), jobId, s.outcome().level() == InputLevel.EXPERT);
                            timer.lap("supersede");
                            jobs.finish(jobId, detected, s.outcome(), s.report());
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
        } catch (UnreadableUpload e) {
            jobs.fail(jobId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Import job {} failed", jobId, e);
            jobs.fail(jobId, "Внутренняя ошибка при загрузке: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            delete(file);
        }
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
        }, new PhaseTimer());
        if (result.report().errorCount() > 0) {
            throw new IllegalStateException(sourceName + " has errors: " + result.report().errors());
        }
        jobs.finish(jobId, new ImportJobs.Detected(table.format(), table.encoding(), null, table.delimiter()),
                result.outcome(), result.report());
        return jobId;
    }

    private record Staged(Importer.Outcome outcome, UploadReport report) {
    }

    private Staged stage(Connection connection, long jobId, Campaign campaign, UploadTable table, InputLevel level,
                         IntConsumer progress, PhaseTimer timer) {
        CampaignScope scope = scope(campaign);
        UploadReport report = new UploadReport();
        Importer.Outcome outcome;
        try (StagingWriter writer = new StagingWriter(connection, jobId)) {
            outcome = new Importer(fields(scope.methodology())).run(scope, table, level, () -> jobs.checklist(campaign.id())
                    .map(checklist -> staged.checklist(checklist.id())).orElse(Map.of()), writer, progress, report);
            writer.finish();
        }
        timer.lap("read+check+stage");
        // staging is never analyzed by autovacuum in time: give the planner the job's real size
        sql.update("ANALYZE staged_result", java.util.List.of());
        timer.lap("analyze");
        if (outcome.level().publishable()) {
            for (StagedRows.AlreadyAssessed other : staged.alreadyAssessed(jobId, campaign.id(), campaign.year(),
                    UploadReport.LIMIT)) {
                report.warning(new FieldProblem("inn", other.line(), "inn", other.inn(), "assessed_this_year",
                        "Организация (ИНН " + other.inn() + ", КПП " + other.kpp() + ") уже оценена в " + campaign.year()
                                + " году в кампании «" + other.campaignTitle() + "» (№ " + other.campaignId() + ")"));
            }
        }
        timer.lap("already-assessed");
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

    private UploadTable open(Path file, String format, Campaign campaign) {
        UploadFields fields = fields(catalogue.find(campaign.methodologyCode()).orElseThrow());
        return "json".equals(format) ? new JsonUploadTable(file, fields)
                : new ru.noko.campaigns.upload.PrefetchingUploadTable(new CsvUploadTable(file, fields));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete spooled upload {}", file, e);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
