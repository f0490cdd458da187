package ru.noko.busgov;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.methodology.Criterion;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.MethodologyCatalogue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the bus.gov.ru archive of a campaign's published revision:
 * <pre>
 * README.txt                Russian: the files, how to use them on bus.gov.ru, why plans are missing
 * results.xsd               schema of results.xml (also at /busgov/results.xsd)
 * results.xml               every organization: identity, group, year, K1..K5 in bus.gov.ru order, 14 indicators, total, places
 * results.csv               the same, for typing in (standard or Russian Excel dialect)
 * plans/&lt;ИНН&gt;-&lt;КПП&gt;.xml  draft planShortcomingInfoType per organization with shortcomings (official Types.xsd)
 * </pre>
 * Everything is read in one read-only snapshot; the bytes depend only on the published revision, the
 * catalogue rows it joins (ИНН, КПП, ОГРН, regNum, region and municipality names) and the options.
 * Entry times are the revision's publication time (UTC).
 */
@Singleton
public class BusGovExport {

    /** Entry time when a revision has no publication time (never for revisions published by this service). */
    static final LocalDateTime FALLBACK_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final BusGovData data;
    private final MethodologyCatalogue catalogue;
    private final BusGovSchema schema;
    private final Shortcomings shortcomings;

    public BusGovExport(BusGovData data, MethodologyCatalogue catalogue, BusGovSchema schema) {
        this.data = data;
        this.catalogue = catalogue;
        this.schema = schema;
        this.shortcomings = new Shortcomings(ShortcomingTexts.fromClasspath());
    }

    /**
     * The archive and what it holds.
     *
     * @param publishedAt when the exported revision was published (null only for revisions loaded without one)
     */
    public record Archive(byte[] bytes, String fileName, long campaignId, int revision, OffsetDateTime publishedAt,
                          int organizations, int plans) {
    }

    /**
     * The region of a campaign, for the caller's scope check before anything is exported.
     *
     * @throws BusGovExportException NOT_FOUND when there is no such campaign
     */
    @Transactional(readOnly = true)
    public String regionOf(long campaignId) {
        return data.state(campaignId).map(CampaignState::regionCode).orElseThrow(() -> notFound(campaignId));
    }

    /**
     * @throws BusGovExportException NOT_FOUND, or NOT_PUBLISHED for a draft without a published
     *                               revision, or RETRACTED for a retracted campaign
     */
    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public Archive export(long campaignId, BusGovOptions options) {
        data.allowLongStatements(); // a national campaign's archive reads for a while
        CampaignState state = data.state(campaignId).orElseThrow(() -> notFound(campaignId));
        if (CampaignState.RETRACTED.equals(state.status())) {
            throw new BusGovExportException(BusGovExportException.Reason.RETRACTED,
                    "Campaign " + campaignId + " was retracted; its results must not be placed on bus.gov.ru");
        }
        if (!state.exportable()) {
            throw new BusGovExportException(BusGovExportException.Reason.NOT_PUBLISHED,
                    "Campaign " + campaignId + " has no published revision yet");
        }
        ExportedCampaign campaign = data.campaign(campaignId, state.publishedRevision());
        Methodology methodology = catalogue.find(campaign.methodologyCode()).orElseThrow(() ->
                new IllegalStateException("Unknown methodology " + campaign.methodologyCode() + " of campaign " + campaignId));
        if (methodology.criteria().stream().anyMatch(criterion -> criterion.busGovField() == null)) {
            throw new BusGovExportException(BusGovExportException.Reason.UNSUPPORTED_METHODOLOGY,
                    "Кампания " + campaignId + " оценена по методике " + methodology.code() + " («" + methodology.title()
                            + "»); формат bus.gov.ru принимает только результаты по пяти критериям действующей методики,"
                            + " поэтому выгрузка для bus.gov.ru не формируется");
        }
        List<String> fields = methodology.criteria().stream().map(Criterion::field).toList();
        List<OrganizationResult> organizations = data.results(campaignId, campaign.revision(), fields);
        return build(campaign, methodology, organizations, options);
    }

    private Archive build(ExportedCampaign campaign, Methodology methodology, List<OrganizationResult> organizations,
                          BusGovOptions options) {
        PlanSettings settings = options.plan().withCampaignDefaults(campaign);
        List<String> missing = settings.missing();
        Map<String, Plan> plans = new TreeMap<>();
        Map<String, String> unfit = new TreeMap<>();
        int withoutShortcomings = 0;
        for (OrganizationResult organization : organizations) {
            List<Shortcomings.Group> groups = shortcomings.find(methodology, campaign, organization, options.threshold());
            if (groups.isEmpty()) {
                withoutShortcomings++;
                continue;
            }
            Optional<String> problem = PlanXml.unfit(organization);
            if (problem.isPresent()) {
                unfit.put(organization.key(), problem.get());
            } else if (missing.isEmpty()) {
                plans.put("plans/" + organization.key() + ".xml", new Plan(organization, groups));
            }
        }
        ReadmeText.PlanSummary summary = new ReadmeText.PlanSummary(plans.size(), withoutShortcomings, missing, unfit,
                options.threshold());
        String readme = ReadmeText.build(campaign, methodology, organizations, options.dialect(), summary);

        LocalDateTime time = campaign.publishedAt() == null ? FALLBACK_TIME
                : campaign.publishedAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        byte[] bytes;
        try (DeterministicZip zip = new DeterministicZip(time)) {
            zip.add("README.txt", withBom(readme));
            zip.add("results.xsd", schema.bytes());
            zip.add("results.xml", out -> ResultsXml.write(out, campaign, methodology, organizations));
            zip.add("results.csv", out -> ResultsCsv.write(out, campaign, methodology, organizations, options.dialect()));
            plans.forEach((name, plan) -> zip.add(name, out ->
                    PlanXml.write(out, campaign, plan.organization(), settings, options.threshold(), plan.groups())));
            bytes = zip.finish();
        }
        String fileName = "busgov-" + campaign.id() + "-r" + campaign.revision() + ".zip";
        return new Archive(bytes, fileName, campaign.id(), campaign.revision(), campaign.publishedAt(),
                organizations.size(), plans.size());
    }

    private record Plan(OrganizationResult organization, List<Shortcomings.Group> groups) {
    }

    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        return bytes;
    }

    public static BusGovExportException notFound(long campaignId) {
        return new BusGovExportException(BusGovExportException.Reason.NOT_FOUND, "No campaign " + campaignId);
    }
}
