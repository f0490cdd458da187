package ru.noko.support;

import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import ru.noko.campaigns.upload.UploadTable;
import ru.noko.campaigns.upload.MemoryUploadTable;
import ru.noko.campaigns.upload.InputLevel;
import ru.noko.campaigns.jobs.Uploads;
import ru.noko.campaigns.jobs.ImportJobs;
import ru.noko.campaigns.jobs.ImportJob;
import ru.noko.campaigns.Campaign;
import io.micronaut.context.ApplicationContext;
import ru.noko.campaigns.CampaignDraft;
import ru.noko.campaigns.CampaignRepository;
import ru.noko.campaigns.RawInputsTable;
import ru.noko.campaigns.RevisionPublisher;
import ru.noko.catalog.Inn;
import ru.noko.catalog.OrganizationType;
import ru.noko.methodology.CalculationSettings;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.platform.csv.CsvRecords;
import ru.noko.platform.database.Sql;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes small campaigns of made-up organizations through the real path (draft → raw inputs →
 * compute → publish), in a fictional test region, each in a year of its own so that tests never
 * share a ranking scope. ИНН are unique in the JVM and carry valid check digits.
 */
public final class TestCampaigns {

    public static final String REGION = "97";
    public static final String MUNICIPALITY_A = "97701000";
    public static final String MUNICIPALITY_B = "97702000";

    private static final AtomicInteger SERIAL = new AtomicInteger(1);
    private static final AtomicInteger YEAR = new AtomicInteger(2040);

    /**
     * A made-up organization; {@code satisfied} (0..100) of 100 respondents are satisfied with
     * everything, so equal values give exactly equal totals and larger values larger totals.
     */
    public record Org(String inn, String name, String type, String oktmo, int satisfied) {
    }

    public record Published(long campaignId, int year) {
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private final ApplicationContext context;

    /** For tests that run a campaign's revisions themselves: see {@link #createCampaign} and {@link #publish(long, String, List)}. */
    public TestCampaigns(ApplicationContext context) {
        this.context = context;
    }

    public static Org org(String name, String type, String oktmo, int satisfied) {
        String firstNine = String.format("97%07d", SERIAL.getAndIncrement());
        return new Org(firstNine + Inn.checkDigit(firstNine), name, type, oktmo, satisfied);
    }

    public static synchronized Published publish(ApplicationContext context, List<Org> organizations) {
        Sql sql = context.getBean(Sql.class);
        sql.update("""
                INSERT INTO region (code, okato_code, name, federal_district, demo)
                VALUES (?, ?, 'Тестовая область', NULL, true) ON CONFLICT DO NOTHING""", List.of(REGION, REGION));
        for (String oktmo : List.of(MUNICIPALITY_A, MUNICIPALITY_B)) {
            sql.update("INSERT INTO municipality (oktmo, region_code, name, kind) VALUES (?, ?, ?, 'municipal_okrug') "
                    + "ON CONFLICT DO NOTHING", List.of(oktmo, REGION, "Тестовый округ " + oktmo));
        }
        Methodology methodology = context.getBean(MethodologyCatalogue.class).defaultMethodology();
        CalculationSettings settings = CalculationSettings.defaults(methodology);
        int year = YEAR.getAndIncrement();
        List<OrganizationType> types = organizations.stream().map(Org::type).distinct()
                .map(code -> OrganizationType.fromCode(code).orElseThrow()).toList();
        long campaignId = context.getBean(CampaignRepository.class).createDraft(new CampaignDraft(REGION, year,
                "Тестовая кампания " + year, types, methodology.code(), settings, "Тестовый оператор", null, null,
                null, true));
        List<Map<String, String>> rows = organizations.stream().map(TestCampaigns::inputs).toList();
        publishRows(context, campaignId, rows, InputLevel.RAW_INPUTS, OffsetDateTime.of(year, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC));
        return new Published(campaignId, year);
    }

    private static Map<String, String> inputs(Org org) {
        int s = org.satisfied();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("inn", org.inn());
        values.put("kpp", "970101001");
        values.put("name", org.name());
        values.put("type", org.type());
        values.put("oktmo", org.oktmo());
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("stand_items_present", 10);
        counts.put("stand_items_required", 10);
        counts.put("site_items_present", 20);
        counts.put("site_items_required", 20);
        counts.put("remote_channels", 6);
        counts.put("comfort_conditions", 5);
        counts.put("disability_premises_conditions", 5);
        counts.put("disability_service_conditions", 6);
        counts.put("recipients", 200);
        counts.put("respondents", 100);
        counts.put("used_stand", 100);
        counts.put("satisfied_stand", s);
        counts.put("used_site", 100);
        counts.put("satisfied_site", s);
        counts.put("satisfied_comfort", s);
        counts.put("respondents_disabled", 100);
        counts.put("satisfied_accessibility", s);
        counts.put("satisfied_first_contact", s);
        counts.put("satisfied_service_staff", s);
        counts.put("used_remote", 100);
        counts.put("satisfied_remote", s);
        counts.put("would_recommend", s);
        counts.put("satisfied_schedule", s);
        counts.put("satisfied_overall", s);
        counts.forEach((name, count) -> values.put(name, String.valueOf(count)));
        return values;
    }

    /** A fresh legal-entity ИНН in the given region, with a valid check digit. */
    public static String newInn(String regionCode) {
        String firstNine = regionCode + "9" + String.format("%06d", SEQUENCE.incrementAndGet() % 1_000_000);
        return firstNine + Inn.checkDigit(firstNine);
    }

    /** Raw inputs of one school whose satisfaction shares all equal {@code percent} %. */
    /** Rows of raw inputs as an uploaded CSV file (UTF-8, comma, every value quoted). */
    public static byte[] csv(List<Map<String, String>> rows) {
        StringBuilder csv = new StringBuilder(String.join(",", rows.get(0).keySet())).append("\r\n");
        for (Map<String, String> row : rows) {
            csv.append(row.values().stream().map(v -> "\"" + v.replace("\"", "\"\"") + "\"")
                    .collect(java.util.stream.Collectors.joining(","))).append("\r\n");
        }
        return csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public static Map<String, String> rawInputs(String inn, String name, int percent) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("inn", inn);
        row.put("kpp", inn.substring(0, 4) + "01001");
        row.put("name", name);
        row.put("type", "school");
        int respondents = 200;
        int satisfied = respondents * percent / 100;
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("stand_items_present", 10);
        counts.put("stand_items_required", 10);
        counts.put("site_items_present", 20);
        counts.put("site_items_required", 20);
        counts.put("remote_channels", 4);
        counts.put("comfort_conditions", 5);
        counts.put("disability_premises_conditions", 3);
        counts.put("disability_service_conditions", 4);
        counts.put("recipients", 400);
        counts.put("respondents", respondents);
        counts.put("used_stand", respondents);
        counts.put("satisfied_stand", satisfied);
        counts.put("used_site", respondents);
        counts.put("satisfied_site", satisfied);
        counts.put("satisfied_comfort", satisfied);
        counts.put("respondents_disabled", 10);
        counts.put("satisfied_accessibility", 10 * percent / 100);
        counts.put("satisfied_first_contact", satisfied);
        counts.put("satisfied_service_staff", satisfied);
        counts.put("used_remote", respondents);
        counts.put("satisfied_remote", satisfied);
        counts.put("would_recommend", satisfied);
        counts.put("satisfied_schedule", satisfied);
        counts.put("satisfied_overall", satisfied);
        counts.forEach((k, v) -> row.put(k, String.valueOf(v)));
        return row;
    }

    public long createCampaign(String regionCode, int year, String title) {
        context.getBean(Sql.class).update("""
                INSERT INTO region (code, okato_code, name, federal_district, demo)
                VALUES (?, ?, 'Тестовая область ' || ?, NULL, true) ON CONFLICT DO NOTHING""",
                List.of(regionCode, regionCode, regionCode));
        Methodology methodology = context.getBean(MethodologyCatalogue.class).defaultMethodology();
        return context.getBean(CampaignRepository.class).createDraft(new CampaignDraft(regionCode, year, title,
                List.of(OrganizationType.SCHOOL), methodology.code(), CalculationSettings.defaults(methodology),
                "Тестовый оператор", null, null, null, false));
    }

    /** Publishes the rows as the next revision of the campaign; returns the revision number. */
    public int publish(long campaignId, String regionCode, List<Map<String, String>> rows) {
        return publishRows(context, campaignId, rows, InputLevel.RAW_INPUTS, OffsetDateTime.now());
    }

    /** Publishes a results table (published values, no raw inputs) as the next revision. */
    public int publishResults(long campaignId, List<Map<String, String>> rows) {
        return publishRows(context, campaignId, rows, InputLevel.RESULTS, OffsetDateTime.now());
    }

    /** Through the operators' path: rows → import job (validate, compute, stage) → publish. */
    @SuppressWarnings("unchecked")
    private static int publishRows(ApplicationContext context, long campaignId, List<Map<String, String>> rows,
                                   InputLevel level, OffsetDateTime publishedAt) {
        TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
        return transactions.executeWrite(status -> importAndPublish(context, campaignId, rows, level, publishedAt));
    }

    private static int importAndPublish(ApplicationContext context, long campaignId, List<Map<String, String>> rows,
                                        InputLevel level, OffsetDateTime publishedAt) {
        Campaign draft = context.getBean(CampaignRepository.class).find(campaignId).orElseThrow();
        List<UploadTable.SourceRow> sourceRows = new ArrayList<>();
        for (Map<String, String> row : rows) {
            sourceRows.add(new UploadTable.SourceRow(sourceRows.size() + 2, row));
        }
        UploadTable table = new MemoryUploadTable(new ArrayList<>(rows.get(0).keySet()), sourceRows);
        long jobId = context.getBean(Uploads.class).importNow(draft, table, level, "test.csv", "test");
        ImportJob job = context.getBean(ImportJobs.class).find(jobId).orElseThrow();
        if (!job.publishable()) {
            throw new IllegalArgumentException("Test rows are invalid: " + job);
        }
        return context.getBean(RevisionPublisher.class).publish(draft, job, null, publishedAt);
    }
}
