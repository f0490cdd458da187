package ru.noko.widgets;

import io.micronaut.context.ApplicationContext;
import ru.noko.platform.database.DataVersion;
import ru.noko.platform.database.Sql;
import ru.noko.platform.web.PublicCache;
import ru.noko.support.TestCampaigns;

import java.util.List;
import java.util.Map;

/**
 * Test data of the widget tests, published once per test run through the real publishing path:
 * a municipality of a real region (Чукотский АО, 87) with a hostile name, an organization named
 * {@code <script>alert(1)</script> & "Школа"} with a {@code javascript:} website (written straight
 * into the catalogue: uploads refuse it), a neighbour with a Cyrillic website, and an organization
 * whose only result was published five years ago.
 * The demo region (00) supplies the realistic widgets.
 */
final class WidgetFixture {

    static final String REGION = "87";
    static final String MUNICIPALITY = "77701000";
    static final String MUNICIPALITY_NAME = "Тестовый округ <img src=x onerror=alert(2)>";
    static final String XSS_NAME = "<script>alert(1)</script> & \"Школа\"";
    static final String NEIGHBOUR_NAME = "Лицей «Ромашка» № 2";
    static final String OUTDATED_NAME = "Школа давней оценки";
    /** A demo municipality (Новоградский городской округ) and its organizations. */
    static final String DEMO_MUNICIPALITY = "00701000";

    private static WidgetFixture instance;

    final long xssId;
    final long neighbourId;
    final long outdatedId;
    final long campaignId;
    final long demoSchoolId;
    final long demoPreviousCampaignId;

    private WidgetFixture(long xssId, long neighbourId, long outdatedId, long campaignId, long demoSchoolId,
                          long demoPreviousCampaignId) {
        this.xssId = xssId;
        this.neighbourId = neighbourId;
        this.outdatedId = outdatedId;
        this.campaignId = campaignId;
        this.demoSchoolId = demoSchoolId;
        this.demoPreviousCampaignId = demoPreviousCampaignId;
    }

    static synchronized WidgetFixture get(ApplicationContext context) {
        if (instance == null) {
            instance = create(context);
        }
        return instance;
    }

    private static WidgetFixture create(ApplicationContext context) {
        Sql sql = context.getBean(Sql.class);
        sql.update("INSERT INTO municipality (oktmo, region_code, name, kind) VALUES (?, ?, ?, 'urban_okrug') "
                + "ON CONFLICT (oktmo) DO NOTHING", List.of(MUNICIPALITY, REGION, MUNICIPALITY_NAME));
        TestCampaigns campaigns = new TestCampaigns(context);

        String xssInn = TestCampaigns.newInn(REGION);
        String neighbourInn = TestCampaigns.newInn(REGION);
        Map<String, String> xss = TestCampaigns.rawInputs(xssInn, XSS_NAME, 91);
        xss.put("oktmo", MUNICIPALITY);
        Map<String, String> neighbour = TestCampaigns.rawInputs(neighbourInn, NEIGHBOUR_NAME, 84);
        neighbour.put("oktmo", MUNICIPALITY);
        neighbour.put("website", "школа2.рф/about");
        long campaign = campaigns.createCampaign(REGION, 2024, "НОКО школ 2024 (тест виджетов)");
        campaigns.publish(campaign, REGION, List.of(xss, neighbour));
        // uploads refuse such a website; the widgets must not link it even when the database holds one
        sql.update("UPDATE organization SET website = 'javascript:alert(3)' WHERE inn = ?", List.of(xssInn));

        String outdatedInn = TestCampaigns.newInn(REGION);
        Map<String, String> outdated = TestCampaigns.rawInputs(outdatedInn, OUTDATED_NAME, 77);
        outdated.put("oktmo", MUNICIPALITY);
        long old = campaigns.createCampaign(REGION, 2019, "НОКО школ 2019 (тест виджетов)");
        campaigns.publish(old, REGION, List.of(outdated));
        sql.update("UPDATE campaign SET published_at = now() - interval '5 years' WHERE id = ?", List.of(old));
        // changed past the publishing path: a new data version, which this node takes at once, as publishing
        // does, rather than at its next poll (a widget's ETag would change under a running test)
        context.getBean(DataVersion.class).bump(java.util.List.of());
        context.getBean(PublicCache.class).invalidateAll();

        long demoSchool = sql.one("""
                SELECT o.id FROM organization o
                WHERE o.region_code = '00' AND o.type = 'school' AND o.oktmo = ? AND o.short_name LIKE '%Гимназия%'
                ORDER BY o.id LIMIT 1""", List.of(DEMO_MUNICIPALITY), row -> row.getLong(1)).orElseThrow();
        long previous = sql.one("""
                SELECT campaign_id FROM published_result WHERE organization_id = ?
                ORDER BY year DESC OFFSET 1 LIMIT 1""", List.of(demoSchool), row -> row.getLong(1)).orElseThrow();
        return new WidgetFixture(id(sql, xssInn), id(sql, neighbourInn), id(sql, outdatedInn), campaign, demoSchool, previous);
    }

    private static long id(Sql sql, String inn) {
        return sql.one("SELECT id FROM organization WHERE inn = ?", List.of(inn), row -> row.getLong(1)).orElseThrow();
    }
}
