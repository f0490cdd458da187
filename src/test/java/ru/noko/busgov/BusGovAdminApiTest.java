package ru.noko.busgov;



import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.noko.platform.csv.CsvDialect;
import ru.noko.platform.database.Sql;
import ru.noko.support.ApiTestBase;
import ru.noko.support.HiddenResources;
import ru.noko.support.Json;
import ru.noko.support.TestCampaigns;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/v1/admin/campaigns/{id}/exports/busgov} over real HTTP, every response checked
 * against the contract: admin and operator tokens, region scope, drafts and retracted campaigns.
 */
@MicronautTest(transactional = false)
@Property(name = "noko.bootstrap-admin-token", value = BusGovAdminApiTest.ADMIN_TOKEN)
class BusGovAdminApiTest extends ApiTestBase {

    static final String ADMIN_TOKEN = "busgov-test-admin-token-0123456789";

    @Inject
    ApplicationContext context;

    @Inject
    BusGovExport export;

    @Inject
    Sql sql;

    long campaignId;

    @BeforeAll
    void setUp() {
        BusGovExportTest.ensureTestRegion(sql);
        TestCampaigns campaigns = new TestCampaigns(context);
        campaignId = campaigns.createCampaign(TestCampaigns.REGION, 2025, "НОКО, тест HTTP-выгрузки bus.gov.ru");
        campaigns.publish(campaignId, TestCampaigns.REGION, List.of(
                TestCampaigns.rawInputs(TestCampaigns.newInn(TestCampaigns.REGION), BusGovExportTest.TRICKY_NAME, 80),
                TestCampaigns.rawInputs(TestCampaigns.newInn(TestCampaigns.REGION), "МБОУ СОШ № 2", 95)));
    }

    @Test
    void anAnonymousCallerIsRefusedWith401() {
        HttpResponse<String> response = api.get(exportUri(campaignId));
        assertEquals(401, response.code());
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("application/problem+json"));
    }

    @Test
    void anAdminGetsTheSameArchiveTheServiceBuilds() throws Exception {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("dialect", "excel");
        query.put("threshold", "90");
        query.put("social_council", "Общественный совет");
        query.put("approved_by", "Министерство образования");
        query.put("approver_last_name", "Иванова");
        query.put("approver_first_name", "Мария");
        query.put("approver_middle_name", "Петровна");
        query.put("approve_date", "2026-02-20");
        query.put("plan_date", "2026-12-01");
        query.put("responsible_name", "Руководитель организации");
        query.put("responsible_position", "Директор");
        String uri = exportUri(campaignId) + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<byte[]> response = client.toBlocking().exchange(HttpRequest.GET(uri).bearerAuth(ADMIN_TOKEN), byte[].class);
        assertEquals(200, response.code());
        assertEquals("application/zip", response.getContentType().orElseThrow().getName());
        assertTrue(response.header("Content-Disposition").contains("busgov-" + campaignId + "-r1.zip"));
        byte[] body = response.body();
        BusGovOptions options = new BusGovOptions(CsvDialect.EXCEL, 90, new PlanSettings("Общественный совет", null,
                "Министерство образования", "Иванова", "Мария", "Петровна", LocalDate.of(2026, 2, 20),
                LocalDate.of(2026, 12, 1), "Руководитель организации", "Директор"));
        assertArrayEquals(export.export(campaignId, options).bytes(), body);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)),
                response.header("X-Checksum-SHA256"));
        assertTrue(!ZipContents.read(body).plans().isEmpty());
    }

    @Test
    void refusalsAreProblemDocuments() {
        assertEquals(404, admin(exportUri(Long.MAX_VALUE)).code());
        assertEquals(400, admin(exportUri(campaignId) + "?dialect=libreoffice&threshold=101").code());
        assertEquals(400, admin(exportUri(campaignId) + "?approver_last_name="
                + URLEncoder.encode("Ф".repeat(101), StandardCharsets.UTF_8)).code());

        TestCampaigns campaigns = new TestCampaigns(context);
        long draft = campaigns.createCampaign(TestCampaigns.REGION, 2024, "Черновик (тест HTTP)");
        HttpResponse<String> notPublished = admin(exportUri(draft));
        assertEquals(409, notPublished.code());
        assertEquals("/docs/problems#campaign-not-published", Json.parse(notPublished.body()).get("type").asText());

        long retracted = campaigns.createCampaign(TestCampaigns.REGION, 2023, "Отозванная (тест HTTP)");
        campaigns.publish(retracted, TestCampaigns.REGION,
                List.of(TestCampaigns.rawInputs(TestCampaigns.newInn(TestCampaigns.REGION), "Школа № 8", 90)));
        assertEquals(200, api.call(HttpRequest.POST("/api/v1/admin/campaigns/" + retracted + "/retract",
                Map.of("reason", "Протокол отменён (тест)")).bearerAuth(ADMIN_TOKEN)).code());
        HttpResponse<String> refused = admin(exportUri(retracted));
        assertEquals(409, refused.code());
        assertEquals("/docs/problems#campaign-retracted", Json.parse(refused.body()).get("type").asText());
    }

    @Test
    void anOperatorOfAnotherRegionIsToldTheCampaignDoesNotExist() {
        HttpResponse<String> created = api.call(HttpRequest.POST("/api/v1/admin/tokens",
                Map.of("name", "Киров — оператор (тест)", "role", "operator", "regions", List.of("43"))).bearerAuth(ADMIN_TOKEN));
        assertEquals(201, created.code());
        String operator = Json.parse(created.body()).get("secret").asText();
        long unused = sql.count("SELECT coalesce(max(id), 0) + 1000000 FROM campaign", List.of());
        HiddenResources.assertLikeMissing(
                api.call(HttpRequest.GET(exportUri(campaignId)).bearerAuth(operator)), campaignId,
                api.call(HttpRequest.GET(exportUri(unused)).bearerAuth(operator)), unused);
    }

    private HttpResponse<String> admin(String uri) {
        return api.call(HttpRequest.GET(uri).bearerAuth(ADMIN_TOKEN));
    }

    private static String exportUri(long id) {
        return "/api/v1/admin/campaigns/" + id + "/exports/busgov";
    }
}
