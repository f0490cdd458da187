package ru.noko.campaigns.demo;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.noko.campaigns.Campaign;
import ru.noko.campaigns.CampaignDraft;
import ru.noko.campaigns.CampaignRepository;
import ru.noko.campaigns.RevisionPublisher;
import ru.noko.campaigns.jobs.ImportJobs;
import ru.noko.campaigns.jobs.Uploads;
import ru.noko.campaigns.upload.InputLevel;
import ru.noko.campaigns.upload.MemoryUploadTable;
import ru.noko.campaigns.upload.UploadTable;
import ru.noko.catalog.OrganizationType;
import ru.noko.methodology.CalculationSettings;
import ru.noko.methodology.DenominatorVariant;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.methodology.ZeroDenominatorRule;
import ru.noko.platform.csv.CsvRecords;
import ru.noko.platform.database.Sql;
import ru.noko.platform.seeds.SeedFiles;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the fictional demonstration region (data-seeds/demo) into an empty database. Campaign
 * results go through the same path as an operator's raw-inputs file: an import job checks and
 * computes the rows and stages them, then the revision publisher publishes them.
 */
@Singleton
class DemoDataLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final String DIR = "demo/";
    private static final List<String> ORGANIZATION_DETAILS = List.of("ogrn", "bus_reg_num", "short_name", "address", "website");

    private final Sql sql;
    private final CampaignRepository campaigns;
    private final RevisionPublisher publisher;
    private final MethodologyCatalogue catalogue;
    private final Uploads uploads;
    private final ImportJobs jobs;

    public DemoDataLoader(Sql sql, CampaignRepository campaigns, RevisionPublisher publisher, MethodologyCatalogue catalogue,
                          Uploads uploads, ImportJobs jobs) {
        this.sql = sql;
        this.campaigns = campaigns;
        this.publisher = publisher;
        this.catalogue = catalogue;
        this.uploads = uploads;
        this.jobs = jobs;
    }

    /** One transaction: a crash half-way leaves no demo data, and the next start tries again. */
    @Transactional
    public void load() {
        sql.allowLongStatements();
        CsvRecords.Row region = SeedFiles.read(DIR + "region.csv").get(0);
        String regionCode = region.get("code");
        sql.update("INSERT INTO region (code, okato_code, name, federal_district, demo) VALUES (?, ?, ?, ?, true)",
                java.util.Arrays.asList(regionCode, region.get("okato_code"), region.get("name"), region.get("federal_district")));
        for (CsvRecords.Row municipality : SeedFiles.read(DIR + "municipalities.csv")) {
            sql.update("INSERT INTO municipality (oktmo, region_code, name, kind) VALUES (?, ?, ?, ?)",
                    List.of(municipality.get("oktmo"), regionCode, municipality.get("name"), municipality.get("kind")));
        }
        Map<String, CsvRecords.Row> organizations = new HashMap<>();
        for (CsvRecords.Row organization : SeedFiles.read(DIR + "organizations.csv")) {
            organizations.put(organization.get("inn") + "/" + organization.get("kpp"), organization);
        }
        for (CsvRecords.Row campaign : SeedFiles.read(DIR + "campaigns.csv")) {
            loadCampaign(regionCode, campaign, organizations);
        }
    }

    private void loadCampaign(String regionCode, CsvRecords.Row campaign, Map<String, CsvRecords.Row> organizations) {
        Methodology methodology = catalogue.find(campaign.get("methodology")).orElseThrow();
        CalculationSettings settings = new CalculationSettings(
                DenominatorVariant.fromCode(campaign.get("variant")).orElseThrow(),
                ZeroDenominatorRule.fromCode(campaign.get("zero_rule")).orElseThrow());
        int year = Integer.parseInt(campaign.get("year"));
        List<OrganizationType> types = List.of(OrganizationType.fromCode(campaign.get("types")).orElseThrow());
        long campaignId = campaigns.createDraft(new CampaignDraft(regionCode, year, campaign.get("title"), types,
                methodology.code(), settings, campaign.get("operator"), date(campaign.get("started_on")),
                date(campaign.get("finished_on")), campaign.get("council_protocol"), true));

        String file = "raw-inputs/" + year + "-" + campaign.get("types") + ".csv";
        List<CsvRecords.Row> rows = SeedFiles.read(DIR + file).stream()
                .map(row -> withCatalogueDetails(row, organizations))
                .toList();
        List<String> fields = new java.util.ArrayList<>(rows.get(0).values().keySet());
        ORGANIZATION_DETAILS.stream().filter(f -> !fields.contains(f)).forEach(fields::add);
        UploadTable table = new MemoryUploadTable(fields, rows.stream()
                .map(row -> new UploadTable.SourceRow(row.line(), row.values())).toList());
        Campaign draft = campaigns.find(campaignId).orElseThrow();
        long jobId = uploads.importNow(draft, table, InputLevel.RAW_INPUTS, file, "demo");
        publisher.publish(draft, jobs.find(jobId).orElseThrow(), null,
                date(campaign.get("published_on")).atStartOfDay().atOffset(ZoneOffset.UTC));
        LOG.info("Demo campaign {} published with {} organizations", campaign.get("key"), rows.size());
    }

    private static CsvRecords.Row withCatalogueDetails(CsvRecords.Row row, Map<String, CsvRecords.Row> organizations) {
        CsvRecords.Row details = organizations.get(row.get("inn") + "/" + row.get("kpp"));
        if (details == null) {
            return row;
        }
        Map<String, String> values = new LinkedHashMap<>(row.values());
        ORGANIZATION_DETAILS.forEach(column -> values.put(column, details.values().get(column)));
        return new CsvRecords.Row(row.line(), values);
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
