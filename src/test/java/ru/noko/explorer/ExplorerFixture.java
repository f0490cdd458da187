package ru.noko.explorer;

import io.micronaut.context.ApplicationContext;
import ru.noko.campaigns.CampaignAdmin;
import ru.noko.methodology.Assessment;
import ru.noko.methodology.CalculationSettings;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.methodology.RatingCalculator;
import ru.noko.methodology.RawInputsValidator;
import ru.noko.platform.database.DataVersion;
import ru.noko.platform.database.Sql;
import ru.noko.platform.security.Caller;
import ru.noko.platform.web.PublicCache;
import ru.noko.support.TestCampaigns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A region published through the operators' upload path (two cycles, one organization named like
 * a script), beside the demo data every test database has.
 */
final class ExplorerFixture {

    static final String REGION = "93";
    static final String MUNICIPALITY = "93701000";
    static final String XSS_NAME = "<script>alert(1)</script> & \"Школа\"";
    static final String DEMO_REGION = "00";
    static final String RETRACTION_REASON = "Протокол общественного совета отменён (тест)";
    private static final Caller ADMIN = new Caller(null, "explorer-test-admin", true, java.util.Set.of());

    private static ExplorerFixture instance;

    final long xssId;
    final long otherId;
    final long demoSchoolId;
    /** Its newest campaign (2026) was retracted; its 2025 result is the latest published one. */
    final long retractedId;
    /** Assessed only in a results-level campaign: published values, no raw inputs. */
    final long resultsOnlyId;

    private ExplorerFixture(long xssId, long otherId, long demoSchoolId, long retractedId, long resultsOnlyId) {
        this.xssId = xssId;
        this.otherId = otherId;
        this.demoSchoolId = demoSchoolId;
        this.retractedId = retractedId;
        this.resultsOnlyId = resultsOnlyId;
    }

    static synchronized ExplorerFixture get(ApplicationContext context) {
        if (instance == null) {
            instance = create(context);
        }
        return instance;
    }

    private static ExplorerFixture create(ApplicationContext context) {
        Sql sql = context.getBean(Sql.class);
        TestCampaigns campaigns = new TestCampaigns(context);
        long before = campaigns.createCampaign(REGION, 2023, "НОКО школ 2023 (тест страниц)");
        sql.update("INSERT INTO municipality (oktmo, region_code, name, kind) VALUES (?, ?, ?, 'urban_okrug') "
                + "ON CONFLICT (oktmo) DO NOTHING", List.of(MUNICIPALITY, REGION, "Городской округ <b>Тест</b>"));
        String xssInn = TestCampaigns.newInn(REGION);
        List<String> inns = new ArrayList<>(List.of(xssInn));
        for (int i = 0; i < 6; i++) {
            inns.add(TestCampaigns.newInn(REGION));
        }
        campaigns.publish(before, REGION, rows(inns, 70));
        long after = campaigns.createCampaign(REGION, 2025, "НОКО школ 2025 (тест страниц)");
        campaigns.publish(after, REGION, rows(inns, 76));
        long retracted = campaigns.createCampaign(REGION, 2026, "НОКО школ 2026 (тест отзыва)");
        Map<String, String> retractedRow = TestCampaigns.rawInputs(inns.get(2), "Школа № 3", 80);
        retractedRow.put("oktmo", MUNICIPALITY);
        campaigns.publish(retracted, REGION, List.of(retractedRow));
        context.getBean(CampaignAdmin.class).retract(ADMIN, retracted, RETRACTION_REASON);
        String resultsOnlyInn = TestCampaigns.newInn(REGION);
        long resultsOnly = campaigns.createCampaign(REGION, 2021, "НОКО школ 2021 (только итоги)");
        campaigns.publishResults(resultsOnly, List.of(publishedValues(context, resultsOnlyInn)));
        context.getBean(DataVersion.class).bump(java.util.List.of());
        context.getBean(PublicCache.class).invalidateAll();
        long demoSchool = sql.one("""
                SELECT o.id FROM organization o JOIN published_result r ON r.organization_id = o.id
                WHERE o.region_code = '00' AND o.type = 'school' ORDER BY o.id LIMIT 1""", List.of(),
                row -> row.getLong(1)).orElseThrow();
        return new ExplorerFixture(id(sql, xssInn), id(sql, inns.get(1)), demoSchool, id(sql, inns.get(2)),
                id(sql, resultsOnlyInn));
    }

    /** A results-level row: the values an operator publishes, computed here from counts that are then dropped. */
    private static Map<String, String> publishedValues(ApplicationContext context, String inn) {
        Methodology methodology = context.getBean(MethodologyCatalogue.class).defaultMethodology();
        Map<String, String> row = TestCampaigns.rawInputs(inn, "Школа без исходных данных", 75);
        Map<String, String> counts = new LinkedHashMap<>(row);
        counts.keySet().retainAll(methodology.rawInputNames());
        Assessment assessment = new RatingCalculator().calculate(methodology,
                new RawInputsValidator().parse(methodology, counts), CalculationSettings.defaults(methodology));
        Map<String, String> published = new LinkedHashMap<>();
        published.put("inn", inn);
        published.put("kpp", row.get("kpp"));
        published.put("name", row.get("name"));
        published.put("type", "school");
        assessment.criteria().forEach((code, value) -> published.put(code.toLowerCase(Locale.ROOT), String.valueOf(value)));
        assessment.indicators().forEach((code, value) -> published.put("i" + code.replace('.', '_'), String.valueOf(value)));
        return published;
    }

    private static List<Map<String, String>> rows(List<String> inns, int base) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < inns.size(); i++) {
            Map<String, String> row = TestCampaigns.rawInputs(inns.get(i), i == 0 ? XSS_NAME : "Школа № " + (i + 1), base + i * 3);
            row.put("oktmo", MUNICIPALITY);
            rows.add(row);
        }
        return rows;
    }

    private static long id(Sql sql, String inn) {
        return sql.one("SELECT id FROM organization WHERE inn = ?", List.of(inn), row -> row.getLong(1)).orElseThrow();
    }
}
