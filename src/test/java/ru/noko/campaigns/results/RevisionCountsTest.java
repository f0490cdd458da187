package ru.noko.campaigns.results;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.noko.platform.database.Sql;
import ru.noko.support.ApiTestBase;
import ru.noko.support.TestCampaigns;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static ru.noko.support.TestCampaigns.MUNICIPALITY_A;
import static ru.noko.support.TestCampaigns.MUNICIPALITY_B;

/**
 * The counts kept for a revision are those of its rows, counted afresh; queries run together
 * answer what each answers alone.
 */
@MicronautTest(transactional = false)
class RevisionCountsTest extends ApiTestBase {

    @Inject
    ApplicationContext context;
    @Inject
    RevisionCounts counts;
    @Inject
    Sql sql;
    @Inject
    TransactionOperations<Connection> transactions;

    TestCampaigns.Published campaign;

    @BeforeAll
    void setUp() {
        campaign = TestCampaigns.publish(context, List.of(
                TestCampaigns.org("Школа А", "school", MUNICIPALITY_A, 90),
                TestCampaigns.org("Школа Б", "school", MUNICIPALITY_B, 80),
                TestCampaigns.org("Школа В", "school", MUNICIPALITY_B, 70),
                TestCampaigns.org("Детский сад", "preschool", MUNICIPALITY_B, 60)));
    }

    @Test
    void keptCountsAreTheRevisionsRowsCountedAfresh() {
        RevisionCounts.Counts kept = transactions.executeRead(status -> counts.of(campaign.campaignId(), 1));
        assertEquals(fresh("", List.of()), kept.all());
        for (String type : List.of("school", "preschool", "college")) {
            assertEquals(fresh(" AND type = ?", List.of(type)), kept.ofType(type), type);
        }
        for (String oktmo : List.of(MUNICIPALITY_A, MUNICIPALITY_B, "00000000")) {
            assertEquals(fresh(" AND oktmo = ?", List.of(oktmo)), kept.inMunicipality(oktmo), oktmo);
        }
        assertEquals(0, kept.inMunicipality(null));
        assertEquals(Map.of("school", 3, "preschool", 1), kept.byType());
        assertEquals(Map.of(MUNICIPALITY_A, 1, MUNICIPALITY_B, 3), kept.byMunicipality());
        assertEquals(kept, transactions.executeRead(status -> counts.of(campaign.campaignId(), 1)), "read once, kept");
    }

    @Test
    void queriesRunTogetherAnswerAsAlone() {
        Sql.Query<String> names = new Sql.Query<>("SELECT name FROM result WHERE campaign_id = ? ORDER BY name",
                List.of(campaign.campaignId()), row -> row.getString(1));
        Sql.Query<Long> none = new Sql.Query<>("SELECT organization_id FROM result WHERE campaign_id = ? AND false",
                List.of(campaign.campaignId()), row -> row.getLong(1));
        Sql.Query<Integer> year = new Sql.Query<>("SELECT year FROM campaign WHERE id = ?",
                List.of(campaign.campaignId()), row -> row.getInt(1));
        Sql.Rows rows = transactions.executeRead(status -> sql.together(List.of(names, none, year)));
        assertEquals(sql.list(names.sql(), names.parameters(), names.mapper()), rows.of(names));
        assertEquals(List.of("Детский сад", "Школа А", "Школа Б", "Школа В"), rows.of(names));
        assertEquals(List.of(), rows.of(none));
        assertEquals(campaign.year(), rows.one(year).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> sql.together(List.of(
                new Sql.Query<>("SELECT 1; SELECT 2", List.of(), row -> row.getInt(1)))));
    }

    private int fresh(String condition, List<Object> parameters) {
        List<Object> all = new java.util.ArrayList<>(List.of(campaign.campaignId()));
        all.addAll(parameters);
        return (int) sql.count("SELECT count(*) FROM result WHERE campaign_id = ? AND revision = 1" + condition, all);
    }
}
