package ru.noko.support;

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

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes small campaigns for tests through the same path as real raw-inputs uploads. Every
 * organization gets a fresh, valid ИНН so tests never collide with each other or the demo data.
 */
public final class TestCampaigns {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private final ApplicationContext context;

    public TestCampaigns(ApplicationContext context) {
        this.context = context;
    }

    /** A fresh legal-entity ИНН in the given region, with a valid check digit. */
    public static String newInn(String regionCode) {
        String firstNine = regionCode + "9" + String.format("%06d", SEQUENCE.incrementAndGet() % 1_000_000);
        return firstNine + Inn.checkDigit(firstNine);
    }

    /** Raw inputs of one school whose satisfaction shares all equal {@code percent} %. */
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
        Methodology methodology = context.getBean(MethodologyCatalogue.class).defaultMethodology();
        return context.getBean(CampaignRepository.class).createDraft(new CampaignDraft(regionCode, year, title,
                List.of(OrganizationType.SCHOOL), methodology.code(), CalculationSettings.defaults(methodology),
                "Тестовый оператор", null, null, null, false));
    }

    /** Publishes the rows as the next revision of the campaign; returns the revision number. */
    public int publish(long campaignId, String regionCode, List<Map<String, String>> rows) {
        Methodology methodology = context.getBean(MethodologyCatalogue.class).defaultMethodology();
        List<CsvRecords.Row> records = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            records.add(new CsvRecords.Row(i + 2, rows.get(i)));
        }
        RawInputsTable.Outcome outcome = new RawInputsTable(methodology, CalculationSettings.defaults(methodology)).compute(records);
        if (!outcome.problems().isEmpty()) {
            throw new IllegalArgumentException("Test rows are invalid: " + outcome.problems());
        }
        return context.getBean(RevisionPublisher.class).publish(campaignId, regionCode, "raw_inputs", "test",
                outcome.results(), OffsetDateTime.now());
    }
}
