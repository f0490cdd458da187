package ru.noko.opendata;

import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.campaigns.Campaign;
import ru.noko.campaigns.CampaignAdmin;
import ru.noko.campaigns.CampaignRepository;
import ru.noko.platform.database.PublishedData;
import ru.noko.platform.database.Sql;
import ru.noko.platform.security.AuditLog;
import ru.noko.platform.security.Caller;
import ru.noko.platform.web.ApiProblemException;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Legal takedown of a campaign from open data, in one transaction: a still published campaign is
 * retracted first; every data file whose rows depend on the campaign gets its next {@link Edition}
 * (the same release without the campaign), which makes the file itself answer 410 Gone; the
 * takedown is kept, audited, and public caches are dropped once it commits. Files that do not hold
 * the campaign are not touched, so their names and bytes stay.
 */
@Singleton
public class Takedowns {

    /** A withdrawn data file and the edition that replaces it. */
    public record WithdrawnFile(Dataset dataset, Edition withdrawn, Edition replacement) {
    }

    public record Result(CampaignTakedown takedown, boolean retracted, List<WithdrawnFile> files) {
    }

    private final Sql sql;
    private final CampaignRepository campaigns;
    private final CampaignAdmin campaignAdmin;
    private final DatasetCatalog catalog;
    private final Editions editions;
    private final TakedownImpact impact;
    private final PublishedData publishedData;
    private final AuditLog audit;
    private final DatasetFiles datasetFiles;

    Takedowns(Sql sql, CampaignRepository campaigns, CampaignAdmin campaignAdmin, DatasetCatalog catalog, Editions editions,
              TakedownImpact impact, PublishedData publishedData, AuditLog audit, DatasetFiles datasetFiles) {
        this.sql = sql;
        this.campaigns = campaigns;
        this.campaignAdmin = campaignAdmin;
        this.catalog = catalog;
        this.editions = editions;
        this.impact = impact;
        this.publishedData = publishedData;
        this.audit = audit;
        this.datasetFiles = datasetFiles;
    }

    /** The caller must be an admin; the reason is public. */
    @Transactional
    public Result takedown(Caller caller, long campaignId, String reason) {
        sql.allowLongStatements();
        // one takedown at a time: each edition leaves out the campaigns of every takedown before it
        sql.update("LOCK TABLE opendata_takedown IN EXCLUSIVE MODE", List.of());
        Campaign campaign = campaigns.lock(campaignId)
                .orElseThrow(() -> ApiProblemException.notFound("No campaign " + campaignId));
        sql.one("SELECT taken_down_at FROM opendata_takedown WHERE campaign_id = ?", List.of(campaignId),
                row -> row.getObject(1, OffsetDateTime.class)).ifPresent(at -> {
                    throw conflict("Campaign " + campaignId + " was already taken down on " + at.toLocalDate());
                });
        String region = sql.one("SELECT region_code FROM opendata_release_campaign WHERE campaign_id = ? LIMIT 1",
                List.of(campaignId), row -> row.getString(1))
                .orElseThrow(() -> conflict("Campaign " + campaignId + " was never published: no open-data version holds it"));
        boolean retract = Campaign.PUBLISHED.equals(campaign.status());
        if (retract) {
            campaignAdmin.retract(caller, campaignId, reason);
        }
        CampaignTakedown takedown = sql.one("""
                INSERT INTO opendata_takedown (campaign_id, reason, taken_down_at, actor, token_id)
                VALUES (?, ?, date_trunc('second', now()), ?, ?) RETURNING id, taken_down_at""",
                Arrays.asList(campaignId, reason, caller.name(), caller.tokenId()),
                row -> new CampaignTakedown(row.getLong(1), campaignId, reason, row.getObject(2, OffsetDateTime.class)))
                .orElseThrow();

        List<WithdrawnFile> files = new ArrayList<>();
        for (Dataset dataset : catalog.all()) {
            if (dataset.regionCode() != null && !dataset.regionCode().equals(region)) {
                continue; // another region's set holds none of the campaign's rows
            }
            Set<Long> touched = impact.releases(dataset, campaignId);
            if (touched.isEmpty()) {
                continue;
            }
            for (Edition edition : editions.current(dataset)) {
                if (touched.contains(edition.release().id())) {
                    Edition next = edition.next(takedown);
                    editions.add(dataset, next);
                    // the new edition is a file made once, like a version: stored with the takedown
                    try (FileStore.Rendered rendered = datasetFiles.render(dataset, next)) {
                        datasetFiles.keep(dataset, next, rendered);
                    }
                    files.add(new WithdrawnFile(dataset, edition, next));
                }
            }
        }
        publishedData.withdrawn(campaignId);
        audit.record(caller, "campaign.takedown", "campaign/" + campaignId, details(takedown, retract, files));
        return new Result(takedown, retract, files);
    }

    private Map<String, Object> details(CampaignTakedown takedown, boolean retracted, List<WithdrawnFile> files) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", takedown.reason());
        details.put("takedown_id", takedown.id());
        details.put("retracted", retracted);
        details.put("files", files.stream().map(file -> {
            String folder = catalog.identifier(file.dataset()) + "/";
            return Map.of("withdrawn", folder + Passports.dataFileName(file.withdrawn(), file.dataset()),
                    "replacement", folder + Passports.dataFileName(file.replacement(), file.dataset()));
        }).toList());
        return details;
    }

    private static ApiProblemException conflict(String detail) {
        return new ApiProblemException(HttpStatus.CONFLICT, CampaignAdmin.CONFLICT, "Conflict", detail, List.of());
    }
}
