package ru.noko.busgov;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import ru.noko.campaigns.CampaignAdmin;
import ru.noko.methodology.CalculationSettings;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.methodology.RatingCalculator;
import ru.noko.methodology.RawInputsValidator;
import ru.noko.platform.csv.CsvDialect;
import ru.noko.platform.database.Sql;
import ru.noko.platform.security.Caller;
import ru.noko.support.ApiTestBase;
import ru.noko.support.TestCampaigns;

import javax.xml.validation.Schema;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The export as a service, on real PostgreSQL with campaigns published through the real path, every
 * XML document validated against its schema (ours, and the official Types.xsd for plans).
 */
@MicronautTest(transactional = false)
class BusGovExportTest extends ApiTestBase {

    static final String TRICKY_NAME = "Школа \"Ромашка\" & Co <1>";
    /** The fictional test region of {@link TestCampaigns}: real regions stay free of test data. */
    static final String REGION = TestCampaigns.REGION;
    static final String OKTMO = TestCampaigns.MUNICIPALITY_A;
    static final PlanSettings FULL_PLAN = new PlanSettings(
            "Общественный совет при Министерстве образования и науки Пермского края", null,
            "Министерство образования и науки Пермского края", "Иванова", "Мария", "Петровна",
            LocalDate.of(2026, 2, 20), LocalDate.of(2026, 12, 1), "Руководитель организации", "Директор");
    static final BusGovOptions WITH_PLANS = new BusGovOptions(CsvDialect.RFC4180, 100, FULL_PLAN);

    /** Keeps the digits of JSON numbers, so "to the last digit" means what it says. */
    static final ObjectMapper EXACT_JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** An admin as the service sees one: every region. */
    private static final Caller ADMIN = new Caller(null, "busgov-test-admin", true, java.util.Set.of());

    @Inject
    ApplicationContext context;

    @Inject
    BusGovExport export;

    @Inject
    Sql sql;

    TestCampaigns campaigns;
    long campaignId;
    String perfectInn;
    String trickyInn;
    String letterKppInn;

    @BeforeAll
    void publishCampaign() {
        campaigns = new TestCampaigns(context);
        ensureTestRegion(sql);

        perfectInn = TestCampaigns.newInn(REGION);
        Map<String, String> perfect = TestCampaigns.rawInputs(perfectInn, "МАОУ «Лицей № 1»", 100);
        perfect.put("disability_premises_conditions", "5");
        perfect.put("disability_service_conditions", "5");
        perfect.put("oktmo", OKTMO);
        perfect.put("bus_reg_num", "5700000000001");

        trickyInn = TestCampaigns.newInn(REGION);
        Map<String, String> tricky = TestCampaigns.rawInputs(trickyInn, TRICKY_NAME, 85);
        tricky.put("stand_items_present", "8");
        tricky.put("stand_items_required", "10");
        tricky.put("site_items_present", "40");
        tricky.put("site_items_required", "44");
        tricky.put("remote_channels", "2");
        tricky.put("disability_premises_conditions", "2");
        tricky.put("disability_service_conditions", "3");
        tricky.put("bus_reg_num", "57Z"); // not the official shape: left out of results.xml

        letterKppInn = TestCampaigns.newInn(REGION);
        Map<String, String> letterKpp = TestCampaigns.rawInputs(letterKppInn, "МБОУ СОШ № 3", 95);
        letterKpp.put("kpp", letterKppInn.substring(0, 4) + "AB001");
        letterKpp.put("bus_reg_num", "057Ш1234");

        String noDisabledInn = TestCampaigns.newInn(REGION);
        Map<String, String> noDisabled = TestCampaigns.rawInputs(noDisabledInn, "МБОУ ООШ № 4", 90);
        noDisabled.put("respondents_disabled", "0");
        noDisabled.put("satisfied_accessibility", "0");

        campaignId = campaigns.createCampaign(REGION, 2025, "НОКО, 2025 (тест выгрузки bus.gov.ru)");
        campaigns.publish(campaignId, REGION, List.of(perfect, tricky, letterKpp, noDisabled));
    }

    @Test
    void archiveHoldsReadmeSchemaResultsCsvAndPlansInAFixedOrder() {
        ZipContents zip = ZipContents.read(export.export(campaignId, WITH_PLANS).bytes());
        assertEquals(List.of("README.txt", "results.xsd", "results.xml", "results.csv"), zip.names().subList(0, 4));
        List<String> plans = zip.plans();
        assertEquals(plans.stream().sorted().toList(), plans, "plans in file-name order");
        assertEquals(List.of("plans/" + trickyInn + "-" + trickyInn.substring(0, 4) + "01001.xml"),
                plans.stream().filter(p -> p.contains(trickyInn)).toList());
        assertArrayEquals(context.getBean(BusGovSchema.class).bytes(), zip.bytes("results.xsd"),
                "the archive carries the same schema as the public URL");
    }

    @Test
    void resultsXmlValidatesAgainstTheShippedSchemaAndEveryPlanAgainstTheOfficialTypes() {
        ZipContents zip = ZipContents.read(export.export(campaignId, WITH_PLANS).bytes());
        Schema results = Schemas.of(zip.bytes("results.xsd"));
        assertEquals(List.of(), Schemas.errors(results, zip.bytes("results.xml")));
        assertFalse(zip.plans().isEmpty());
        for (String plan : zip.plans()) {
            assertEquals(List.of(), Schemas.errors(Schemas.official(), zip.bytes(plan)), plan);
        }
    }

    @Test
    void namesWithQuotesAmpersandsAndAngleBracketsAreEscapedAndReadBackExactly() {
        ZipContents zip = ZipContents.read(export.export(campaignId, WITH_PLANS).bytes());
        String xml = zip.text("results.xml");
        assertTrue(xml.contains("Школа \"Ромашка\" &amp; Co &lt;1&gt;"), "escaped by the XML writer");
        assertFalse(xml.contains("& Co"), "no raw ampersand");
        Element tricky = organization(zip, trickyInn);
        assertEquals(TRICKY_NAME, Dom.text(tricky, "fullName"));

        Element plan = Dom.root(zip.bytes(planOf(zip, trickyInn)));
        assertEquals(TRICKY_NAME, Dom.text(plan, "DESTINATION_ORGANIZATION"));

        CSVRecord row = csvRow(zip.text("results.csv"), CSVFormat.RFC4180, trickyInn);
        assertEquals(TRICKY_NAME, row.get("name"));
        assertTrue(zip.text("results.csv").contains("\"Школа \"\"Ромашка\"\" & Co <1>\""), "RFC 4180 quoting");
    }

    @Test
    void anOrganizationWithoutShortcomingsGetsNoPlan() {
        ZipContents zip = ZipContents.read(export.export(campaignId, WITH_PLANS).bytes());
        assertTrue(zip.plans().stream().noneMatch(p -> p.contains(perfectInn)), zip.plans().toString());
        Element perfect = organization(zip, perfectInn);
        for (Element indicator : Dom.children(Dom.child(perfect, "indicators"), "indicator")) {
            assertEquals("100", Dom.text(indicator, "value"), indicator.getAttribute("code"));
        }
        assertTrue(zip.text("README.txt").contains("Организаций без недостатков (план не нужен): 1."));
    }

    @Test
    void planGroupsShortcomingsByCriterionAndSaysWhatIsMissing() {
        ZipContents zip = ZipContents.read(export.export(campaignId, WITH_PLANS).bytes());
        Element plan = Dom.root(zip.bytes(planOf(zip, trickyInn)));
        assertEquals(PlanXml.NAMESPACE, plan.getNamespaceURI());
        assertEquals("planShortcomingInfoType", plan.getLocalName());
        assertEquals("2025", Dom.text(plan, "RATING_YEAR"));
        assertEquals("2026", Dom.text(plan, "PLAN_PERIOD"), "the year after the assessment by default");
        assertEquals(trickyInn, Dom.text(plan, "INN"));
        assertEquals(trickyInn.substring(0, 4) + "01001", Dom.text(plan, "KPP"));
        assertEquals("Министерство образования и науки Пермского края", Dom.text(plan, "ORGANIZATION_APPROVED"));
        assertEquals("Петровна", Dom.text(plan, "MIDDLE_NAME"));
        assertEquals("2026-02-20", Dom.text(plan, "APPROVE_DATE"));
        assertTrue(Dom.text(plan, "DESCRIPTION").startsWith("ПРОЕКТ плана"));

        List<Element> groups = Dom.children(plan, "GROUPS_SHORTCOMINGS");
        List<String> criteria = groups.stream().map(g -> Dom.text(g, "CRITERION_NAME")).toList();
        assertEquals(List.of("Открытость и доступность информации об организации",
                "Комфортность условий, в которых осуществляется образовательная деятельность",
                "Доступность образовательной деятельности (услуг) для инвалидов",
                "Доброжелательность, вежливость работников организации",
                "Удовлетворенность условиями ведения образовательной деятельности"), criteria,
                "bus.gov.ru's order");
        List<String> names = new ArrayList<>();
        for (Element group : groups) {
            for (Element shortcoming : Dom.children(group, "SHORTCOMINGS")) {
                names.add(Dom.text(shortcoming, "NAME"));
                assertEquals(Dom.text(group, "CRITERION_NAME"), Dom.text(shortcoming, "CRITERION_NAME"));
                assertEquals("2026-12-01", Dom.text(shortcoming, "PLAN_DATE"));
                assertEquals("Руководитель организации", Dom.text(shortcoming, "FIO"));
                assertEquals("Директор", Dom.text(shortcoming, "POSITION"));
                assertFalse(Dom.text(shortcoming, "ACTIVITY").isBlank());
            }
        }
        assertTrue(names.contains("1.1: на информационных стендах размещено 8 из 10, на официальном сайте — 40 из 44 "
                + "обязательных сведений; показатель — 85,45 из 100 баллов"), names.toString());
        assertTrue(names.contains("1.2: работает 2 из 6 дистанционных способов обратной связи, для максимального балла "
                + "нужно 4; показатель — 60 из 100 баллов"), names.toString());
        assertTrue(names.contains("3.1: 2 из 5 условий доступности для инвалидов (территория, помещения); "
                + "показатель — 40 из 100 баллов"), names.toString());
        assertTrue(names.contains("2.3: комфортностью условий удовлетворены 85 % опрошенных (170 из 200); "
                + "показатель — 85 из 100 баллов"), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.startsWith("2.1")), "2.1 has all 5 conditions: no shortcoming");
        assertEquals(13, names.size(), "every indicator but 2.1 (5 of 5 conditions) is below 100: " + names);
    }

    @Test
    void aThresholdBelow100OnlyReportsIndicatorsBelowIt() {
        BusGovOptions options = new BusGovOptions(CsvDialect.RFC4180, 50, FULL_PLAN);
        ZipContents zip = ZipContents.read(export.export(campaignId, options).bytes());
        assertEquals(List.of(planOf(zip, trickyInn)), zip.plans(), "only 3.1 (40 points) is below 50");
        Element plan = Dom.root(zip.bytes(zip.plans().get(0)));
        List<Element> groups = Dom.children(plan, "GROUPS_SHORTCOMINGS");
        assertEquals(1, groups.size());
        assertEquals(1, Dom.children(groups.get(0), "SHORTCOMINGS").size());
        assertTrue(Dom.text(plan, "DESCRIPTION").contains("ниже 50 баллов"));
        assertEquals(List.of(), Schemas.errors(Schemas.official(), zip.bytes(zip.plans().get(0))));
    }

    @Test
    void withoutTheFoundersValuesNoPlanIsWrittenAndTheReadmeSaysWhichAreMissing() {
        PlanSettings partial = new PlanSettings(null, null, "Министерство образования", null, "Мария", null,
                null, LocalDate.of(2026, 12, 1), null, null);
        ZipContents zip = ZipContents.read(export.export(campaignId,
                new BusGovOptions(CsvDialect.RFC4180, 100, partial)).bytes());
        assertEquals(List.of(), zip.plans());
        assertEquals(List.of("README.txt", "results.xsd", "results.xml", "results.csv"), zip.names());
        String readme = zip.text("README.txt");
        assertTrue(readme.contains("Планы НЕ сформированы"), readme);
        for (String parameter : List.of("social_council (SOCIAL_COUNCIL)", "approver_last_name (LAST_NAME)",
                "approver_middle_name (MIDDLE_NAME)", "approve_date (APPROVE_DATE)", "responsible_name (FIO)",
                "responsible_position (POSITION)")) {
            assertTrue(readme.contains(parameter), parameter + " in\n" + readme);
        }
        for (String given : List.of("approved_by (", "approver_first_name (", "plan_date (", "plan_period (")) {
            assertFalse(readme.contains(given), given + " was given or has a default");
        }
    }

    @Test
    void aKppWithLettersGetsNoPlanAndTheReadmeSaysWhy() {
        ZipContents zip = ZipContents.read(export.export(campaignId, WITH_PLANS).bytes());
        assertTrue(zip.plans().stream().noneMatch(p -> p.contains(letterKppInn)));
        assertEquals(letterKppInn.substring(0, 4) + "AB001", Dom.text(organization(zip, letterKppInn), "kpp"),
                "results.xml keeps the organization: its КПП passes results.xsd");
        assertTrue(zip.text("README.txt").contains(letterKppInn + "-" + letterKppInn.substring(0, 4)
                + "AB001 — КПП содержит буквы"), zip.text("README.txt"));
    }

    @Test
    void identifiersGroupYearAndPlacesAreWrittenPerOrganization() {
        ZipContents zip = ZipContents.read(export.export(campaignId, WITH_PLANS).bytes());
        Element results = Dom.root(zip.bytes("results.xml"));
        assertEquals(ResultsXml.NAMESPACE, results.getNamespaceURI());
        Element campaign = Dom.child(results, "campaign");
        assertEquals(String.valueOf(campaignId), Dom.text(campaign, "id"));
        assertEquals("1", Dom.text(campaign, "revision"));
        assertEquals("Тестовая область", Dom.text(campaign, "regionName"));
        assertEquals("4", Dom.text(campaign, "organizationsCount"));

        Element perfect = organization(zip, perfectInn);
        assertEquals("5700000000001", Dom.text(perfect, "regNum"));
        assertEquals(OKTMO, Dom.text(perfect, "oktmo"));
        assertEquals("Тестовый округ " + OKTMO, Dom.text(perfect, "municipality"));
        assertEquals("251", Dom.child(perfect, "organizationGroup").getAttribute("code"));
        assertEquals("организации, осуществляющие образовательную деятельность",
                Dom.text(perfect, "organizationGroup"));
        assertEquals("2025", Dom.text(perfect, "ratingYear"));
        assertEquals("1", Dom.text(Dom.child(perfect, "places"), "region"));
        List<String> slots = Dom.children(Dom.child(perfect, "criteria"), "criterion").stream()
                .map(c -> c.getAttribute("busGovField")).toList();
        assertEquals(BusGovFields.CRITERION_ORDER, slots);

        assertNull(Dom.text(organization(zip, trickyInn), "regNum"), "57Z is not a bus.gov.ru regNum");
        assertEquals("057Ш1234", Dom.text(organization(zip, letterKppInn), "regNum"), "3 digits + 5 characters");
        List<String> order = Dom.children(results, "organization").stream().map(o -> Dom.text(o, "inn")).toList();
        assertEquals(perfectInn, order.get(0), "rating order: place 1 first");
    }

    @Test
    void anExcludedIndicatorHasNoValueAndIsNoShortcoming() {
        ZipContents zip = ZipContents.read(export.export(campaignId, WITH_PLANS).bytes());
        Element results = Dom.root(zip.bytes("results.xml"));
        Element noDisabled = Dom.children(results, "organization").stream()
                .filter(o -> "МБОУ ООШ № 4".equals(Dom.text(o, "fullName"))).findFirst().orElseThrow();
        Element indicator33 = Dom.children(Dom.child(noDisabled, "indicators"), "indicator").stream()
                .filter(i -> i.getAttribute("code").equals("3.3")).findFirst().orElseThrow();
        assertEquals("true", indicator33.getAttribute("zeroDenominator"));
        assertNull(Dom.text(indicator33, "value"));
        String inn = Dom.text(noDisabled, "inn");
        Element plan = Dom.root(zip.bytes(planOf(zip, inn)));
        List<String> names = new ArrayList<>();
        Dom.children(plan, "GROUPS_SHORTCOMINGS").forEach(g ->
                Dom.children(g, "SHORTCOMINGS").forEach(s -> names.add(Dom.text(s, "NAME"))));
        assertTrue(names.stream().anyMatch(n -> n.startsWith("3.1")), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.startsWith("3.3")), "the excluded 3.3 is not a shortcoming: " + names);
    }

    @Test
    void sameDataGivesTheSameBytesEvenAfterAnUnrelatedPublish() {
        byte[] first = export.export(campaignId, WITH_PLANS).bytes();
        assertArrayEquals(first, export.export(campaignId, WITH_PLANS).bytes());

        TestCampaigns.publish(context, List.of(TestCampaigns.org("Школа № 9", "school", OKTMO, 70)));
        assertArrayEquals(first, export.export(campaignId, WITH_PLANS).bytes(), "an unrelated publish changes nothing");

        assertNotEquals(Arrays.hashCode(first), Arrays.hashCode(export.export(campaignId,
                new BusGovOptions(CsvDialect.EXCEL, 100, FULL_PLAN)).bytes()), "options do change the archive");
    }

    @Test
    void entriesCarryTheRevisionsPublicationTimeAndNoExtraFields() {
        OffsetDateTime published = sql.one("SELECT published_at FROM campaign_revision WHERE campaign_id = ? AND revision = 1",
                List.of(campaignId), row -> row.getObject(1, OffsetDateTime.class)).orElseThrow();
        LocalDateTime expected = published.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().withNano(0);
        expected = expected.withSecond(expected.getSecond() / 2 * 2); // DOS time: even seconds
        ZipContents zip = ZipContents.read(export.export(campaignId, WITH_PLANS).bytes());
        for (ZipEntry entry : zip.entries()) {
            assertEquals(expected, entry.getTimeLocal(), entry.getName());
            assertNull(entry.getExtra(), entry.getName());
            assertNull(entry.getComment(), entry.getName());
        }
    }

    @Test
    void csvHasTheSameFieldsInBothDialects() throws IOException {
        ZipContents standard = ZipContents.read(export.export(campaignId, WITH_PLANS).bytes());
        ZipContents excel = ZipContents.read(export.export(campaignId,
                new BusGovOptions(CsvDialect.EXCEL, 100, FULL_PLAN)).bytes());
        byte[] excelBytes = excel.bytes("results.csv");
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(excelBytes, 3), "BOM");
        assertFalse(standard.text("results.csv").startsWith("\uFEFF"));
        assertTrue(standard.text("results.csv").contains("\r\n"));

        CSVRecord plain = csvRow(standard.text("results.csv"), CSVFormat.RFC4180, trickyInn);
        CSVRecord russian = csvRow(new String(excelBytes, 3, excelBytes.length - 3, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setDelimiter(';').get(), trickyInn);
        assertEquals(List.of("year", "inn", "kpp", "ogrn", "reg_num", "oktmo", "municipality", "name", "type",
                "organization_group", "k1", "k2", "k3", "k4", "k5", "total", "k1_rounded", "k2_rounded", "k3_rounded",
                "k4_rounded", "k5_rounded", "total_rounded", "i1_1", "i1_2", "i1_3", "i2_1", "i2_3", "i3_1", "i3_2", "i3_3",
                "i4_1", "i4_2", "i4_3", "i5_1", "i5_2", "i5_3", "published_total", "total_computed", "total_check", "place_region", "place_type",
                "place_municipality", "respondents"), plain.getParser().getHeaderNames());
        assertEquals(plain.getParser().getHeaderNames(), russian.getParser().getHeaderNames());
        assertEquals("85.45454545454545", plain.get("i1_1"));
        assertEquals("85,45454545454545", russian.get("i1_1"));
        assertEquals(plain.get("total").replace('.', ','), russian.get("total"));
        assertEquals("251", plain.get("organization_group"));
        assertEquals("2025", plain.get("year"));
        assertEquals("", plain.get("reg_num"));

        Element xml = organization(standard, trickyInn);
        List<Element> criteria = Dom.children(Dom.child(xml, "criteria"), "criterion");
        for (int i = 0; i < 5; i++) {
            assertEquals(Dom.text(criteria.get(i), "value"), plain.get("k" + (i + 1)));
            assertEquals(Dom.text(criteria.get(i), "rounded"), plain.get("k" + (i + 1) + "_rounded"));
        }
        assertEquals(Dom.text(Dom.child(xml, "total"), "value"), plain.get("total"));
    }

    @Test
    void numbersAndNamesMatchThePublicApiToTheLastDigit() {
        ZipContents zip = ZipContents.read(export.export(campaignId, WITH_PLANS).bytes());
        assertMatchesPublicApi(campaignId, Dom.root(zip.bytes("results.xml")));
    }

    @Test
    void aDemoCampaignExportsCompletelyAndEverythingValidates() {
        long demo = sql.one("""
                SELECT id FROM campaign WHERE demo AND status = 'published' AND year = 2025 AND 'school' = ANY(types)""",
                List.of(), row -> row.getLong(1)).orElseThrow();
        BusGovExport.Archive archive = export.export(demo, WITH_PLANS);
        ZipContents zip = ZipContents.read(archive.bytes());
        Element results = Dom.root(zip.bytes("results.xml"));
        assertEquals(List.of(), Schemas.errors(Schemas.of(zip.bytes("results.xsd")), zip.bytes("results.xml")));
        List<Element> organizations = Dom.children(results, "organization");
        assertEquals(archive.organizations(), organizations.size());
        assertTrue(organizations.size() > 100, "134 demo schools");
        assertEquals("true", Dom.text(Dom.child(results, "campaign"), "demo"));
        assertTrue(zip.text("README.txt").contains("ДЕМОНСТРАЦИОННЫЕ ДАННЫЕ"));
        assertTrue(archive.plans() > 0);
        assertEquals(archive.plans(), zip.plans().size());
        Schema official = Schemas.official();
        for (String plan : zip.plans()) {
            assertEquals(List.of(), Schemas.errors(official, zip.bytes(plan)), plan);
        }
        assertEquals(organizations.size() + 1, csvRecords(zip.text("results.csv"), CSVFormat.RFC4180).size());
        assertMatchesPublicApi(demo, results);
    }

    @Test
    void draftsRetractedAndUnknownCampaignsAreRefused() {
        long draft = campaigns.createCampaign(REGION, 2024, "Черновик (тест)");
        assertEquals(BusGovExportException.Reason.NOT_PUBLISHED,
                assertThrows(BusGovExportException.class, () -> export.export(draft, WITH_PLANS)).reason());

        long retracted = campaigns.createCampaign(REGION, 2023, "Отозванная кампания (тест)");
        campaigns.publish(retracted, REGION, List.of(TestCampaigns.rawInputs(TestCampaigns.newInn(REGION), "Школа № 7", 90)));
        export.export(retracted, WITH_PLANS);
        context.getBean(CampaignAdmin.class).retract(ADMIN, retracted, "Протокол отменён (тест)");
        assertEquals(BusGovExportException.Reason.RETRACTED,
                assertThrows(BusGovExportException.class, () -> export.export(retracted, WITH_PLANS)).reason());

        assertEquals(BusGovExportException.Reason.NOT_FOUND,
                assertThrows(BusGovExportException.class, () -> export.export(Long.MAX_VALUE, WITH_PLANS)).reason());
        assertEquals(BusGovExportException.Reason.NOT_FOUND,
                assertThrows(BusGovExportException.class, () -> export.regionOf(Long.MAX_VALUE)).reason());
        assertEquals(REGION, export.regionOf(draft));
    }

    @Test
    void withoutRawInputsThePlanStatesTheScore() {
        Methodology methodology = context.getBean(MethodologyCatalogue.class).defaultMethodology();
        String inn = TestCampaigns.newInn(REGION);
        Map<String, String> row = TestCampaigns.rawInputs(inn, "МБОУ СОШ № 5", 80);
        Map<String, String> counts = new java.util.LinkedHashMap<>(row);
        counts.keySet().retainAll(methodology.rawInputNames());
        // a results-level revision: published values only, no raw inputs behind them
        var assessment = new RatingCalculator().calculate(methodology, new RawInputsValidator().parse(methodology, counts),
                CalculationSettings.defaults(methodology));
        Map<String, String> published = new java.util.LinkedHashMap<>();
        published.put("inn", inn);
        published.put("kpp", row.get("kpp"));
        published.put("name", row.get("name"));
        published.put("type", "school");
        assessment.criteria().forEach((code, value) -> published.put(code.toLowerCase(java.util.Locale.ROOT), String.valueOf(value)));
        assessment.indicators().forEach((code, value) -> published.put("i" + code.replace('.', '_'), String.valueOf(value)));
        long id = campaigns.createCampaign(REGION, 2022, "Только опубликованные значения (тест)");
        campaigns.publishResults(id, List.of(published));

        ZipContents zip = ZipContents.read(export.export(id, WITH_PLANS).bytes());
        Element plan = Dom.root(zip.bytes(planOf(zip, inn)));
        List<String> names = new ArrayList<>();
        Dom.children(plan, "GROUPS_SHORTCOMINGS").forEach(g ->
                Dom.children(g, "SHORTCOMINGS").forEach(s -> names.add(Dom.text(s, "NAME"))));
        assertTrue(names.contains("2.3 «Удовлетворённость комфортностью условий»: показатель — 80 из 100 баллов"),
                names.toString());
        assertEquals(List.of(), Schemas.errors(Schemas.official(), zip.bytes(planOf(zip, inn))));
    }

    // ---------------------------------------------------------------------------------------------

    /** Region and municipality of {@link TestCampaigns#REGION}, as {@link TestCampaigns#publish(ApplicationContext, List)} creates them. */
    static void ensureTestRegion(Sql sql) {
        sql.update("""
                INSERT INTO region (code, okato_code, name, federal_district, demo)
                VALUES (?, ?, 'Тестовая область', NULL, true) ON CONFLICT DO NOTHING""", List.of(REGION, REGION));
        sql.update("INSERT INTO municipality (oktmo, region_code, name, kind) VALUES (?, ?, ?, 'municipal_okrug') "
                + "ON CONFLICT DO NOTHING", List.of(OKTMO, REGION, "Тестовый округ " + OKTMO));
    }

    /**
     * Every organization equals its row of the public results table {@code /api/v1/campaigns/{id}/results}
     * (name, criteria, total, 14 indicators, places) and its card {@code /api/v1/organizations/{id}}
     * (criterion names, rounded values), digit for digit.
     */
    private void assertMatchesPublicApi(long campaignId, Element results) {
        JsonNode table = exact(api.get("/api/v1/campaigns/" + campaignId + "/results?per_page=500").body());
        Map<String, JsonNode> rows = new HashMap<>();
        table.get("data").forEach(row -> rows.put(row.get("inn").asText() + "-" + row.get("kpp").asText(), row));
        List<Element> organizations = Dom.children(results, "organization");
        assertEquals(organizations.size(), table.at("/meta/total").asInt());
        for (Element organization : organizations) {
            String key = Dom.text(organization, "inn") + "-" + Dom.text(organization, "kpp");
            JsonNode row = rows.get(key);
            assertTrue(row != null, key + " is in the public results table");
            assertEquals(row.get("name").asText(), Dom.text(organization, "fullName"), key);
            for (Element criterion : Dom.children(Dom.child(organization, "criteria"), "criterion")) {
                String field = criterion.getAttribute("code").toLowerCase(java.util.Locale.ROOT);
                assertSameNumber(row.get(field), Dom.text(criterion, "value"), key + " " + field);
            }
            assertSameNumber(row.get("total"), Dom.text(Dom.child(organization, "total"), "value"), key + " total");
            for (Element indicator : Dom.children(Dom.child(organization, "indicators"), "indicator")) {
                String field = "i" + indicator.getAttribute("code").replace('.', '_');
                String value = Dom.text(indicator, "value");
                if (value == null) {
                    assertTrue(row.get(field) == null || row.get(field).isNull(), key + " " + field + " excluded");
                } else {
                    assertSameNumber(row.get(field), value, key + " " + field);
                }
            }
            Element places = Dom.child(organization, "places");
            assertEquals(row.get("place_region").asText(), Dom.text(places, "region"), key);
            assertEquals(row.get("place_type").asText(), Dom.text(places, "type"), key);

            JsonNode listed = null;
            for (JsonNode candidate : exact(api.get("/api/v1/organizations?inn=" + Dom.text(organization, "inn")).body()).get("data")) {
                if (candidate.get("kpp").asText().equals(Dom.text(organization, "kpp"))) {
                    listed = candidate;
                }
            }
            assertTrue(listed != null, key + " is listed");
            JsonNode latest = exact(api.get("/api/v1/organizations/" + listed.get("id").asLong()).body()).get("latest_result");
            if (latest.get("campaign_id").asLong() != campaignId) {
                continue; // the organization has a newer campaign; its card shows that one
            }
            Map<String, JsonNode> apiCriteria = new HashMap<>();
            latest.get("criteria").forEach(c -> apiCriteria.put(c.get("code").asText(), c));
            for (Element criterion : Dom.children(Dom.child(organization, "criteria"), "criterion")) {
                JsonNode card = apiCriteria.get(criterion.getAttribute("code"));
                assertSameNumber(card.get("value"), Dom.text(criterion, "value"), key + " card");
                assertSameNumber(card.get("rounded"), Dom.text(criterion, "rounded"), key + " rounded");
                assertEquals(card.get("name_ru").asText(), criterion.getAttribute("name"));
            }
        }
    }

    /** Same decimal number: the JSON text's digits against the XML text's digits, no binary rounding in between. */
    private static void assertSameNumber(JsonNode json, String xml, String what) {
        BigDecimal fromApi = json.decimalValue();
        BigDecimal fromXml = new BigDecimal(xml);
        assertEquals(0, fromApi.compareTo(fromXml), what + ": API " + json + " vs XML " + xml);
        assertEquals(Double.parseDouble(json.asText()), Double.parseDouble(xml), what);
    }

    private static JsonNode exact(String body) {
        try {
            return EXACT_JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Element organization(ZipContents zip, String inn) {
        return Dom.children(Dom.root(zip.bytes("results.xml")), "organization").stream()
                .filter(o -> inn.equals(Dom.text(o, "inn"))).findFirst()
                .orElseThrow(() -> new AssertionError("No organization " + inn + " in results.xml"));
    }

    private static String planOf(ZipContents zip, String inn) {
        return zip.plans().stream().filter(p -> p.startsWith("plans/" + inn + "-")).findFirst()
                .orElseThrow(() -> new AssertionError("No plan for " + inn + " in " + zip.plans()));
    }

    private static CSVRecord csvRow(String csv, CSVFormat format, String inn) {
        List<CSVRecord> records = csvRecords(csv, format.builder().setHeader().setSkipHeaderRecord(true).get());
        return records.stream().filter(r -> r.get("inn").equals(inn)).findFirst()
                .orElseThrow(() -> new AssertionError("No row for " + inn));
    }

    private static List<CSVRecord> csvRecords(String csv, CSVFormat format) {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
