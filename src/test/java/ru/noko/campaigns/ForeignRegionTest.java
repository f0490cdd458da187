package ru.noko.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.noko.platform.database.Sql;
import ru.noko.support.Admin;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.Json;
import ru.noko.support.TestCampaigns;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ru.noko.support.HiddenResources.assertLikeMissing;

/**
 * For an operator token, campaigns and jobs of other regions do not exist: every admin operation
 * on them answers the 404 an unused id gets, word for word, and changes nothing.
 */
@MicronautTest(transactional = false)
class ForeignRegionTest extends AdminApiTestBase {

    private static final String CSV = "results-cp1251-semicolon.csv";

    @Inject
    ApplicationContext context;

    @Inject
    Sql sql;

    Admin operator;
    long foreign;
    long missing;

    @BeforeAll
    void setUp() {
        HttpResponse<String> created = admin.call(HttpRequest.POST("/api/v1/admin/tokens",
                "{\"name\": \"Пермь — оператор (чужие регионы)\", \"role\": \"operator\", \"regions\": [\"59\"]}")
                .contentType(MediaType.APPLICATION_JSON));
        assertEquals(201, created.code(), created.body());
        operator = admin.as(Json.parse(created.body()).get("secret").asText());
        foreign = TestCampaigns.publish(context, List.of(TestCampaigns.org("Школа чужого региона", "school",
                TestCampaigns.MUNICIPALITY_A, 80))).campaignId();
        missing = unusedId("campaign");
    }

    @Test
    void aCampaignOfAnotherRegionIsNotFound() {
        assertLikeMissing(operator.call(HttpRequest.GET("/api/v1/admin/campaigns/" + foreign)), foreign,
                operator.call(HttpRequest.GET("/api/v1/admin/campaigns/" + missing)), missing);
    }

    @Test
    void publishingACampaignOfAnotherRegionIsNotFoundAndPublishesNothing() {
        assertLikeMissing(operator.publish(foreign), foreign, operator.publish(missing), missing);
        assertEquals(1, revisions(foreign));
    }

    @Test
    void retractingACampaignOfAnotherRegionIsNotFoundAndRetractsNothing() {
        assertLikeMissing(retract(operator, foreign), foreign, retract(operator, missing), missing);
        assertEquals("published", admin.campaign(foreign).get("status").asText());
    }

    @Test
    void uploadingToACampaignOfAnotherRegionIsNotFoundAndStartsNoJob() {
        long jobsBefore = jobs(foreign);
        assertLikeMissing(operator.upload(foreign, Admin.fixture(CSV), "text/csv", "dry_run=true"), foreign,
                operator.upload(missing, Admin.fixture(CSV), "text/csv", "dry_run=true"), missing);
        assertEquals(jobsBefore, jobs(foreign));
    }

    @Test
    void aJobOfAnotherRegionIsNotFound() {
        long draft = admin.createCampaign("66", 2022, "НОКО Свердловской области (чужой регион)", "school");
        long job = admin.uploadAndWait(draft, Admin.fixture(CSV), "text/csv", "dry_run=true").get("id").asLong();
        long unused = unusedId("import_job");
        assertLikeMissing(operator.call(HttpRequest.GET("/api/v1/admin/jobs/" + job)), job,
                operator.call(HttpRequest.GET("/api/v1/admin/jobs/" + unused)), unused);
        assertEquals(200, admin.call(HttpRequest.GET("/api/v1/admin/jobs/" + job)).code(), "the job exists");
    }

    @Test
    void listingAnotherRegionShowsNothing() {
        JsonNode list = Json.parse(operator.call(HttpRequest.GET("/api/v1/admin/campaigns?region="
                + TestCampaigns.REGION)).body());
        assertEquals(0, list.get("data").size());
        assertEquals(0, list.at("/meta/total").asInt());
    }

    @Test
    void creatingADraftInAnotherRegionIsStill403() {
        HttpResponse<String> refused = operator.call(HttpRequest.POST("/api/v1/admin/campaigns",
                "{\"region_code\": \"66\", \"year\": 2022, \"title\": \"Чужой регион\"}").contentType(MediaType.APPLICATION_JSON));
        assertEquals(403, refused.code(), refused.body());
    }

    private HttpResponse<String> retract(Admin caller, long id) {
        return caller.call(HttpRequest.POST("/api/v1/admin/campaigns/" + id + "/retract",
                "{\"reason\": \"Попытка отзыва чужой кампании\"}").contentType(MediaType.APPLICATION_JSON));
    }

    private long unusedId(String table) {
        return sql.count("SELECT coalesce(max(id), 0) + 1000000 FROM " + table, List.of());
    }

    private long revisions(long campaignId) {
        return sql.count("SELECT count(*) FROM campaign_revision WHERE campaign_id = ?", List.of(campaignId));
    }

    private long jobs(long campaignId) {
        return sql.count("SELECT count(*) FROM import_job WHERE campaign_id = ?", List.of(campaignId));
    }
}
