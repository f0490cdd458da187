package ru.noko.campaigns.jobs;

import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.TransactionDefinition;
import jakarta.inject.Singleton;
import ru.noko.campaigns.upload.Importer;
import ru.noko.campaigns.upload.InputLevel;
import ru.noko.campaigns.upload.UploadReport;
import ru.noko.campaigns.upload.UploadTable;
import ru.noko.platform.database.ServiceNode;
import ru.noko.platform.database.Sql;
import ru.noko.platform.text.Excerpt;
import ru.noko.platform.web.FieldProblem;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The import_job table and each job's problems (its validation report). */
@Singleton
public class ImportJobs {

    /** What a finished job read, for its row. */
    public record Detected(String format, String encoding, Boolean bom, Character delimiter) {
    }

    /** The campaign has a queued or running job already (on this node or another). */
    public static final class CampaignBusy extends RuntimeException {
        CampaignBusy(long campaignId) {
            super("Campaign " + campaignId + " has an upload being imported");
        }
    }

    private final Sql sql;
    private final ServiceNode node;

    public ImportJobs(Sql sql, ServiceNode node) {
        this.sql = sql;
        this.node = node;
    }

    /**
     * A queued job of this node. The database lets a campaign have one queued or running job at a
     * time (a unique index over active jobs), so two nodes taking uploads of one campaign at once
     * can never both succeed.
     *
     * @throws CampaignBusy when the campaign has an active job
     */
    @Transactional
    public long create(long campaignId, InputLevel level, boolean dryRun, String sourceName, String format, long bytes,
                       String createdBy) {
        // ON CONFLICT rather than catching the violation: the caller's transaction stays usable
        return sql.one("""
                INSERT INTO import_job (campaign_id, status, input_level, dry_run, source_name, format, bytes, created_by,
                                        node, heartbeat_at)
                VALUES (?, 'queued', ?, ?, ?, ?, ?, ?, ?, clock_timestamp())
                ON CONFLICT (campaign_id) WHERE status IN ('queued', 'running') DO NOTHING
                RETURNING id""",
                Arrays.asList(campaignId, level == null ? null : level.code(), dryRun, sourceName, format, bytes, createdBy,
                        node.id()),
                row -> row.getLong(1)).orElseThrow(() -> new CampaignBusy(campaignId));
    }

    /** Renews the lease of this node's active jobs. */
    @Transactional
    public void heartbeat() {
        sql.update("UPDATE import_job SET heartbeat_at = clock_timestamp() WHERE node = ? AND status IN ('queued', 'running')",
                List.of(node.id()));
    }

    /** @return false when the job is no longer queued (it was cancelled) */
    @Transactional
    public boolean markRunning(long id, Integer estimatedRows) {
        return sql.update("UPDATE import_job SET status = 'running', started_at = clock_timestamp(), rows_total = ? "
                + "WHERE id = ? AND status = 'queued'", Arrays.asList(estimatedRows, id)) == 1;
    }

    /** In a transaction of its own, so progress shows while the import's transaction is still open. */
    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void progress(long id, int rows) {
        sql.update("UPDATE import_job SET rows_processed = ?, rows_total = greatest(rows_total, ?) WHERE id = ?",
                List.of(rows, rows, id));
    }

    /**
     * Records the outcome and the report of a running job.
     *
     * @return false, recording nothing, when the job is no longer running (it was cancelled): the
     * caller's transaction must then not commit the job's staging
     */
    @Transactional
    public boolean finish(long id, Detected detected, Importer.Outcome outcome, UploadReport report) {
        List<UploadTable.Column> columns = outcome.columns();
        int updated = sql.jdbc().prepareStatement("""
                UPDATE import_job SET status = 'succeeded', finished_at = clock_timestamp(), input_level = ?, level_detected = ?,
                    format = ?, encoding = ?, bom = ?, delimiter = ?, decimal_separator = ?, column_headers = ?,
                    column_fields = ?, rows_total = ?, rows_processed = ?, organizations = ?, errors_count = ?,
                    warnings_count = ?
                WHERE id = ? AND status = 'running'""", statement -> {
            statement.setString(1, outcome.level().code());
            statement.setBoolean(2, outcome.levelDetected());
            statement.setString(3, detected.format());
            statement.setString(4, detected.encoding());
            if (detected.bom() == null) {
                statement.setNull(5, Types.BOOLEAN);
            } else {
                statement.setBoolean(5, detected.bom());
            }
            statement.setString(6, detected.delimiter() == null ? null : String.valueOf(detected.delimiter()));
            statement.setString(7, outcome.decimalSeparator() == null ? null : String.valueOf(outcome.decimalSeparator()));
            statement.setArray(8, statement.getConnection().createArrayOf("text",
                    columns.stream().map(UploadTable.Column::header).toArray()));
            statement.setArray(9, statement.getConnection().createArrayOf("text",
                    columns.stream().map(UploadTable.Column::field).toArray()));
            statement.setInt(10, outcome.rows());
            statement.setInt(11, outcome.rows());
            statement.setInt(12, report.errorCount() == 0 ? outcome.organizations() : 0);
            statement.setInt(13, report.errorCount());
            statement.setInt(14, report.warningCount());
            statement.setLong(15, id);
            return statement.executeUpdate();
        });
        if (updated == 0) {
            return false;
        }
        // one statement over arrays: a report holds up to ten thousand problems
        List<FieldProblem> problems = new java.util.ArrayList<>(report.errors());
        problems.addAll(report.warnings());
        int errors = report.errors().size();
        sql.jdbc().prepareStatement("""
                INSERT INTO import_problem (job_id, position, severity, row_number, column_name, value, code, message)
                SELECT ?, p.position, CASE WHEN p.position <= ? THEN 'error' ELSE 'warning' END,
                       p.row_number, p.column_name, p.value, p.code, p.message
                FROM unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::text[])
                     WITH ORDINALITY AS p(row_number, column_name, value, code, message, position)""", statement -> {
            var connection = statement.getConnection();
            statement.setLong(1, id);
            statement.setInt(2, errors);
            statement.setArray(3, connection.createArrayOf("int4", problems.stream().map(FieldProblem::row).toArray()));
            statement.setArray(4, connection.createArrayOf("text",
                    problems.stream().map(p -> p.column() != null ? p.column() : p.field()).toArray()));
            statement.setArray(5, connection.createArrayOf("text", problems.stream().map(FieldProblem::value).toArray()));
            statement.setArray(6, connection.createArrayOf("text",
                    problems.stream().map(p -> p.code() == null ? "invalid" : p.code()).toArray()));
            statement.setArray(7, connection.createArrayOf("text", problems.stream().map(FieldProblem::message).toArray()));
            return statement.executeUpdate();
        });
        return true;
    }

    /**
     * Marks a job that has not finished failed; a finished (or cancelled) job keeps its status.
     *
     * @param failure why, in a sentence; a longer text (an exception's message quoting input) is cut
     */
    @Transactional
    public void fail(long id, String failure) {
        sql.update("UPDATE import_job SET status = 'failed', finished_at = clock_timestamp(), failure = ? "
                + "WHERE id = ? AND status IN ('queued', 'running')",
                Arrays.asList(Excerpt.of(failure, UploadReport.MESSAGE_LIMIT), id));
    }

    /**
     * Marks a queued or running job cancelled. Waits for a job that is committing its staging right
     * now (the row is locked until it has), so a job is either cancelled or finished, never both.
     *
     * @return false when the job had already finished
     */
    @Transactional
    public boolean cancel(long id, String reason) {
        return sql.update("UPDATE import_job SET status = 'cancelled', finished_at = clock_timestamp(), failure = ? "
                + "WHERE id = ? AND status IN ('queued', 'running')", Arrays.asList(reason, id)) == 1;
    }

    @Transactional
    public void markPublished(long id, int revision) {
        sql.update("UPDATE import_job SET published_revision = ? WHERE id = ?", List.of(revision, id));
    }

    /**
     * Jobs whose node is gone (it crashed or was stopped; its lease ran out without renewal):
     * marked failed. A job a live node is running renews its lease and is never touched.
     */
    @Transactional
    public List<Long> failAbandoned(Duration lease) {
        return sql.list("""
                UPDATE import_job SET status = 'failed', finished_at = clock_timestamp(),
                    failure = 'Прервано перезапуском или остановкой сервиса; загрузите файл ещё раз'
                WHERE status IN ('queued', 'running') AND node IS DISTINCT FROM ?
                  AND (heartbeat_at IS NULL OR heartbeat_at < clock_timestamp() - make_interval(secs => ?))
                RETURNING id""", List.of(node.id(), lease.toMillis() / 1000.0), row -> row.getLong(1));
    }

    @Transactional(readOnly = true)
    public Optional<ImportJob> find(long id) {
        return sql.one("SELECT * FROM import_job WHERE id = ?", List.of(id), ImportJobs::job);
    }

    /** The campaign's latest upload that publishing would publish (not a dry run, not a checklist). */
    @Transactional(readOnly = true)
    public Optional<ImportJob> current(long campaignId) {
        return sql.one("""
                SELECT * FROM import_job WHERE campaign_id = ? AND NOT dry_run AND coalesce(input_level, '') <> 'expert'
                ORDER BY id DESC LIMIT 1""", List.of(campaignId), ImportJobs::job);
    }

    /** The campaign's latest expert checklist upload that succeeded without errors. */
    @Transactional(readOnly = true)
    public Optional<ImportJob> checklist(long campaignId) {
        return sql.one("""
                SELECT * FROM import_job WHERE campaign_id = ? AND NOT dry_run AND input_level = 'expert'
                  AND status = 'succeeded' AND errors_count = 0
                ORDER BY id DESC LIMIT 1""", List.of(campaignId), ImportJobs::job);
    }

    /** Errors or warnings of a job in file order, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<FieldProblem> problems(long id, String severity, int limit) {
        return sql.list("""
                SELECT row_number, column_name, value, code, message FROM import_problem
                WHERE job_id = ? AND severity = ? ORDER BY position LIMIT ?""", List.of(id, severity, limit),
                row -> new FieldProblem(row.getString(2), row.getObject(1, Integer.class), row.getString(2),
                        row.getString(3), row.getString(4), row.getString(5)));
    }

    private static ImportJob job(ResultSet row) throws SQLException {
        List<String> headers = texts(row.getArray("column_headers"));
        List<String> fields = texts(row.getArray("column_fields"));
        List<UploadTable.Column> columns = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            columns.add(new UploadTable.Column(headers.get(i), i < fields.size() ? fields.get(i) : null, i + 1));
        }
        String level = row.getString("input_level");
        return new ImportJob(row.getLong("id"), row.getLong("campaign_id"), row.getString("status"),
                level == null ? null : InputLevel.fromCode(level).orElse(null), row.getBoolean("dry_run"),
                row.getString("source_name"), row.getString("format"), row.getString("encoding"),
                row.getObject("bom", Boolean.class), row.getString("delimiter"), row.getString("decimal_separator"),
                row.getObject("level_detected", Boolean.class), columns, row.getObject("bytes", Long.class),
                row.getObject("rows_total", Integer.class), row.getInt("rows_processed"), row.getInt("organizations"),
                row.getInt("errors_count"), row.getInt("warnings_count"), row.getString("failure"),
                row.getObject("published_revision", Integer.class), row.getString("created_by"),
                row.getObject("created_at", OffsetDateTime.class), row.getObject("started_at", OffsetDateTime.class),
                row.getObject("finished_at", OffsetDateTime.class));
    }

    private static List<String> texts(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            values.add(value == null ? null : String.valueOf(value));
        }
        return values;
    }

}
