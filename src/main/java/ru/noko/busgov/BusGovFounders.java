package ru.noko.busgov;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.platform.database.Sql;
import ru.noko.platform.security.AuditLog;
import ru.noko.platform.security.Caller;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The founder's fields of a campaign's bus.gov.ru export, remembered per campaign (table
 * {@code busgov_founder}) so that an operator types them once. The export still takes them as
 * parameters, so the same parameters keep giving the same archive.
 */
@Singleton
public class BusGovFounders {

    /** What was saved: the plan's fields, the shortcoming threshold, when and by whom. */
    public record Saved(PlanSettings plan, Double threshold, OffsetDateTime updatedAt, String updatedBy) {
    }

    private final Sql sql;
    private final AuditLog audit;

    BusGovFounders(Sql sql, AuditLog audit) {
        this.sql = sql;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Optional<Saved> find(long campaignId) {
        return sql.one("SELECT * FROM busgov_founder WHERE campaign_id = ?", List.of(campaignId), row -> new Saved(
                new PlanSettings(row.getString("social_council"), Sql.nullableInt(row, "plan_period"),
                        row.getString("approved_by"), row.getString("approver_last_name"),
                        row.getString("approver_first_name"), row.getString("approver_middle_name"),
                        row.getObject("approve_date", LocalDate.class), row.getObject("plan_date", LocalDate.class),
                        row.getString("responsible_name"), row.getString("responsible_position")),
                Sql.nullableDouble(row, "threshold"), row.getObject("updated_at", OffsetDateTime.class),
                row.getString("updated_by")));
    }

    @Transactional
    public Saved save(Caller caller, long campaignId, PlanSettings plan, Double threshold) {
        sql.update("""
                INSERT INTO busgov_founder (campaign_id, social_council, plan_period, threshold, approved_by, approver_last_name,
                                            approver_first_name, approver_middle_name, approve_date, plan_date,
                                            responsible_name, responsible_position, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?)
                ON CONFLICT (campaign_id) DO UPDATE SET
                    social_council = excluded.social_council, plan_period = excluded.plan_period,
                    threshold = excluded.threshold, approved_by = excluded.approved_by,
                    approver_last_name = excluded.approver_last_name, approver_first_name = excluded.approver_first_name,
                    approver_middle_name = excluded.approver_middle_name, approve_date = excluded.approve_date,
                    plan_date = excluded.plan_date, responsible_name = excluded.responsible_name,
                    responsible_position = excluded.responsible_position, updated_at = now(),
                    updated_by = excluded.updated_by""",
                Arrays.asList(campaignId, plan.socialCouncil(), plan.planPeriod(), threshold, plan.approvedBy(),
                        plan.approverLastName(), plan.approverFirstName(), plan.approverMiddleName(), plan.approveDate(),
                        plan.planDate(), plan.responsibleName(), plan.responsiblePosition(), caller.name()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("missing", missing(campaignId, plan).size());
        audit.record(caller, "campaign.busgov-founder", "campaign/" + campaignId, details);
        return find(campaignId).orElseThrow();
    }

    /** What the plans still lack once the campaign's own defaults (public council, plan year) are applied. */
    @Transactional(readOnly = true)
    public List<String> missing(long campaignId, PlanSettings plan) {
        return sql.one("SELECT year, council_protocol FROM campaign WHERE id = ?", List.of(campaignId),
                        row -> new ExportedCampaign(campaignId, 0, null, null, null, row.getInt("year"), null, null, null,
                                null, row.getString("council_protocol"), false))
                .map(campaign -> plan.withCampaignDefaults(campaign).missing())
                .orElse(List.of());
    }
}
