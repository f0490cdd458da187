package ru.noko.campaigns;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.noko.campaigns.jobs.ImportJob;
import ru.noko.campaigns.jobs.ImportJobs;
import ru.noko.campaigns.staging.StagedRows;
import ru.noko.methodology.Indicator;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.platform.database.PublishedData;
import ru.noko.platform.database.PublishedDataChanged;
import ru.noko.platform.database.Sql;
import ru.noko.platform.logging.PhaseTimer;
import ru.noko.campaigns.results.PlaceRanking;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Publishes a staged upload as a new revision of its campaign, in one transaction and with
 * set-based statements whatever the size of the upload: missing municipalities and organizations
 * are added to the catalogue (changed ones updated), the results are written with their places,
 * the campaign points at the new revision, the data version is bumped. Readers see the previous
 * state or the new one, never a mix. Used by operators' uploads and by the demo loader alike. The
 * published job's staged rows are no longer needed; they are cleared after the commit.
 */
@Singleton
public class RevisionPublisher {

    /** The staged rows are gone (a PostgreSQL crash empties the unlogged staging table). */
    public static final class StagingLost extends RuntimeException {
        StagingLost(String message) {
            super(message);
        }
    }

    /**
     * The upload names organizations the catalogue holds under another region than the campaign's
     * (another region published them after the upload was checked, or an admin moved them).
     */
    public static final class OrganizationsOfOtherRegions extends RuntimeException {

        private final transient List<StagedRows.OtherRegion> organizations;

        OrganizationsOfOtherRegions(List<StagedRows.OtherRegion> organizations) {
            super(organizations.size() + " organization(s) of the upload belong to another region");
            this.organizations = List.copyOf(organizations);
        }

        public List<StagedRows.OtherRegion> organizations() {
            return organizations;
        }
    }

    /** How many rows of another region a refusal to publish lists. */
    static final int LISTED_OTHER_REGIONS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(RevisionPublisher.class);

    private final Sql sql;
    private final StagedRows staged;
    private final ImportJobs jobs;
    private final PublishedData publishedData;
    private final CampaignReach reach;
    private final MethodologyCatalogue catalogue;
    private final TransactionOperations<Connection> transactions;
    private final ExecutorService cleanup;

    RevisionPublisher(Sql sql, StagedRows staged, ImportJobs jobs, PublishedData publishedData, CampaignReach reach,
                      MethodologyCatalogue catalogue, TransactionOperations<Connection> transactions) {
        this.reach = reach;
        this.transactions = transactions;
        // a plain thread: Micronaut's executors would carry the finished transaction into the task
        this.cleanup = java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "staging-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        this.sql = sql;
        this.staged = staged;
        this.jobs = jobs;
        this.publishedData = publishedData;
        this.catalogue = catalogue;
    }

    /**
     * @param job         a succeeded, error-free upload of the campaign
     * @param publishedAt when the results became public (now, or the original date of historical data)
     * @return the number of the new revision
     */
    @Transactional
    public int publish(Campaign campaign, ImportJob job, String note, OffsetDateTime publishedAt) {
        sql.allowLongStatements();
        PhaseTimer timer = new PhaseTimer();
        long campaignId = campaign.id();
        long jobId = job.id();
        long rows = staged.count(jobId);
        if (rows != job.organizations()) {
            throw new StagingLost("Upload " + jobId + " staged " + job.organizations() + " organizations but "
                    + rows + " are left; upload the file again");
        }
        Methodology methodology = catalogue.find(campaign.methodologyCode()).orElseThrow();
        int revision = sql.one("SELECT coalesce(max(revision), 0) + 1 FROM campaign_revision WHERE campaign_id = ?",
                List.of(campaignId), row -> row.getInt(1)).orElseThrow();
        Timestamp at = Timestamp.from(publishedAt.toInstant());
        sql.jdbc().prepareStatement("""
                INSERT INTO campaign_revision (campaign_id, revision, input_level, source_name, note, published_at, job_id,
                                               organizations, indicator_codes, raw_input_names)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", statement -> {
            statement.setLong(1, campaignId);
            statement.setInt(2, revision);
            statement.setString(3, job.level().code());
            statement.setString(4, job.sourceName());
            statement.setString(5, note);
            statement.setTimestamp(6, at);
            statement.setLong(7, jobId);
            statement.setLong(8, rows);
            statement.setArray(9, statement.getConnection().createArrayOf("text",
                    methodology.indicators().stream().map(Indicator::code).toArray()));
            statement.setArray(10, statement.getConnection().createArrayOf("text",
                    methodology.rawInputNames().toArray()));
            return statement.executeUpdate();
        });
        timer.lap("revision");
        sql.update("""
                INSERT INTO municipality (oktmo, region_code, name)
                SELECT DISTINCT ON (s.oktmo) s.oktmo, ?, coalesce(s.municipality, 'ОКТМО ' || s.oktmo)
                FROM staged_result s WHERE s.job_id = ? AND s.oktmo IS NOT NULL
                ORDER BY s.oktmo, s.municipality NULLS LAST
                ON CONFLICT (oktmo) DO NOTHING""", List.of(campaign.regionCode(), jobId));
        timer.lap("municipalities");
        // changed organizations are updated and new ones inserted as two joins: an upsert pays a
        // speculative insertion for every row, although most organizations are known and unchanged.
        // An organization belongs to its region: only a campaign of that region changes it, and
        // none moves it (admins do, explicitly). The region is compared with IS NOT DISTINCT FROM,
        // which no index serves, so the rows are found by (ИНН, КПП) whatever the statistics say:
        // with "=" and a region whose organizations were just inserted the planner took the region
        // index and scanned the staged rows once per organization of the region
        sql.update("""
                UPDATE organization o SET
                    ogrn = coalesce(s.ogrn, o.ogrn),
                    bus_reg_num = coalesce(s.bus_reg_num, o.bus_reg_num),
                    name = s.name,
                    short_name = coalesce(s.short_name, o.short_name),
                    type = s.type,
                    oktmo = coalesce(s.oktmo, o.oktmo),
                    address = coalesce(s.address, o.address),
                    website = coalesce(s.website, o.website),
                    search_name = s.search_name,
                    updated_at = now()
                FROM staged_result s
                WHERE s.job_id = ? AND o.inn = s.inn AND o.kpp = s.kpp AND o.region_code IS NOT DISTINCT FROM ?
                  AND (o.ogrn, o.bus_reg_num, o.name, o.short_name, o.type, o.oktmo, o.address, o.website)
                      IS DISTINCT FROM
                      (coalesce(s.ogrn, o.ogrn), coalesce(s.bus_reg_num, o.bus_reg_num), s.name,
                       coalesce(s.short_name, o.short_name), s.type, coalesce(s.oktmo, o.oktmo),
                       coalesce(s.address, o.address), coalesce(s.website, o.website))""",
                List.of(jobId, campaign.regionCode()));
        sql.update("""
                INSERT INTO organization (inn, kpp, ogrn, bus_reg_num, name, short_name, type, region_code, oktmo,
                                          address, website, search_name)
                SELECT inn, kpp, ogrn, bus_reg_num, name, short_name, type, ?, oktmo, address, website, search_name
                FROM staged_result s
                WHERE s.job_id = ? AND NOT EXISTS (SELECT 1 FROM organization o WHERE o.inn = s.inn AND o.kpp = s.kpp)
                ON CONFLICT (inn, kpp) DO NOTHING""", List.of(campaign.regionCode(), jobId));
        // the upload was checked against the catalogue of its time: checked again now, after the
        // insert has waited for any concurrent publish of the same organizations to commit
        List<StagedRows.OtherRegion> foreign = staged.inOtherRegions(jobId, campaign.regionCode(), LISTED_OTHER_REGIONS);
        if (!foreign.isEmpty()) {
            throw new OrganizationsOfOtherRegions(foreign);
        }
        timer.lap("organizations");
        // places are ranked over the narrow (line, total, type, oktmo) rows, then joined back: sorting
        // the full staged rows three times spilled to disk at national scale
        int written = sql.update("""
                INSERT INTO result (campaign_id, revision, organization_id, name, type, oktmo, k1, k2, k3, k4, k5, total,
                                    total_computed, total_check, published_total, place_region, place_type,
                                    place_municipality, recipients, respondents, indicator_values, zero_rule_indicators,
                                    raw_values, indicator_values_computed, indicator_checks)
                SELECT ?, ?, o.id, s.name, s.type, s.oktmo, s.k1, s.k2, s.k3, s.k4, s.k5, s.total, s.total_computed,
                       s.total_check, s.published_total, p.place_region, p.place_type, p.place_municipality,
                       s.recipients, s.respondents, s.indicator_values, s.zero_rule_indicators, s.raw_values,
                       s.indicator_values_computed, s.indicator_checks
                FROM (SELECT line, %s
                      FROM staged_result WHERE job_id = ?) p
                JOIN staged_result s ON s.job_id = ? AND s.line = p.line
                JOIN organization o ON o.inn = s.inn AND o.kpp = s.kpp""".formatted(PlaceRanking.placeColumns()),
                List.of(campaignId, revision, jobId, jobId));
        timer.lap("results");
        if (written != rows) {
            throw new IllegalStateException("Staged " + rows + " rows but wrote " + written + " results");
        }
        writeRespondentGroups(campaignId, revision, jobId);
        sql.update("""
                UPDATE campaign SET status = 'published', published_revision = ?, published_at = ?,
                                    retracted_at = NULL, retraction_reason = NULL
                WHERE id = ?""", Arrays.asList(revision, at, campaignId));
        jobs.markPublished(jobId, revision);
        publishedData.changed(campaignId, PublishedDataChanged.PUBLISHED, revision, reach.regions(campaignId));
        timer.lap("campaign+events");
        transactions.findTransactionStatus().orElseThrow().registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                timer.lap("commit");
                LOG.info("Published revision {} of campaign {}: {} results; {}", revision, campaignId, rows, timer);
                cleanup.execute(() -> transactions.executeWrite(status -> {
                    sql.allowLongStatements();
                    return staged.delete(jobId) >= 0;
                }));
            }
        });
        return revision;
    }

    /** The per-group survey indicators of an answers-level upload that named its respondent groups. */
    private void writeRespondentGroups(long campaignId, int revision, long jobId) {
        String groups = """
                FROM staged_result s
                JOIN organization o ON o.inn = s.inn AND o.kpp = s.kpp
                CROSS JOIN LATERAL jsonb_each(s.respondent_groups::jsonb) g
                """;
        int written = sql.update("""
                INSERT INTO result_group (campaign_id, revision, organization_id, respondent_group, respondents)
                SELECT ?, ?, o.id, g.key, (g.value ->> 'respondents')::integer
                """ + groups + " WHERE s.job_id = ? AND s.respondent_groups IS NOT NULL",
                List.of(campaignId, revision, jobId));
        if (written > 0) {
            sql.update("""
                    INSERT INTO group_indicator_value (campaign_id, revision, organization_id, respondent_group,
                                                       indicator_code, value, zero_rule_applied)
                    SELECT ?, ?, o.id, g.key, v.key, (v.value ->> 'value')::double precision, (v.value ->> 'zero')::boolean
                    """ + groups + """
                    CROSS JOIN LATERAL jsonb_each(g.value -> 'indicators') v
                    WHERE s.job_id = ? AND s.respondent_groups IS NOT NULL""", List.of(campaignId, revision, jobId));
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        cleanup.shutdown();
    }
}
