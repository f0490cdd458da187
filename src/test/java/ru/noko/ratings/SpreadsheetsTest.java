package ru.noko.ratings;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.noko.methodology.Score;
import ru.noko.support.ApiTestBase;
import ru.noko.support.Csv;
import ru.noko.support.Json;
import ru.noko.support.TestCampaigns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ru.noko.support.Rows.list;

/**
 * A ranking as a spreadsheet keeps identifiers as text ({@code 0004829166} stays whole) and scores
 * as numbers; CSV speaks Russian headers and rounds on request; a ranking sorts by any criterion
 * with the official places kept.
 */
@MicronautTest(transactional = false)
class SpreadsheetsTest extends ApiTestBase {

    private static final String REGION = "94";
    private static final int YEAR = 2071;
    private static final String LEADING_ZEROS = "0004829166";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ApplicationContext context;

    @BeforeAll
    void publish() {
        TestCampaigns campaigns = new TestCampaigns(context);
        long campaign = campaigns.createCampaign(REGION, YEAR, "НОКО школ " + YEAR + " (тест таблиц)");
        List<Map<String, String>> rows = new ArrayList<>();
        // the better the total, the fewer conditions for the disabled: k3 runs against the total
        int[] percents = {95, 85, 75, 65, 55};
        for (int i = 0; i < percents.length; i++) {
            String inn = i == 2 ? LEADING_ZEROS : TestCampaigns.newInn(REGION);
            Map<String, String> row = TestCampaigns.rawInputs(inn, "Школа таблиц " + (i + 1), percents[i]);
            row.put("kpp", REGION + "0101001"); // a new organization, beside the demonstration one with this ИНН
            row.put("disability_premises_conditions", String.valueOf(i + 1));
            row.put("disability_service_conditions", String.valueOf(Math.min(4, i)));
            rows.add(row);
        }
        campaigns.publish(campaign, REGION, rows);
    }

    @Test
    void anXlsxOfARankingKeepsIdentifiersAsTextAndScoresAsNumbers() throws IOException {
        HttpResponse<byte[]> response = api.bytes(HttpRequest.GET(ratings("&format=xlsx")));
        assertEquals(200, response.code());
        assertEquals(XLSX, response.getContentType().orElseThrow().toString());
        assertEquals("attachment; filename=\"ratings-" + REGION + "-" + YEAR + ".xlsx\"",
                response.header("Content-Disposition"));
        Map<String, JsonNode> json = byInn(Json.parse(api.get(ratings("")).body()).get("data"));

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet data = workbook.getSheet("Данные");
            assertEquals(RatingColumns.RANKING.headers(), cells(data.getRow(0)));
            assertEquals(RatingColumns.RANKING.names(), cells(data.getRow(1)), "the second header row keeps the codes");
            assertEquals(2, data.getPaneInformation().getHorizontalSplitPosition(), "both header rows are frozen");
            assertEquals("ИНН", data.getRow(0).getCell(column("inn")).getStringCellValue());
            assertEquals(json.size() + 2, data.getPhysicalNumberOfRows());

            Row zeros = null;
            for (int r = 2; r <= data.getLastRowNum(); r++) {
                Cell inn = data.getRow(r).getCell(column("inn"));
                assertEquals(CellType.STRING, inn.getCellType(), "ИНН is text");
                if (LEADING_ZEROS.equals(inn.getStringCellValue())) {
                    zeros = data.getRow(r);
                }
            }
            assertTrue(zeros != null, "the ИНН with leading zeros is kept whole");
            JsonNode expected = json.get(LEADING_ZEROS);
            for (String score : List.of("k1", "k2", "k3", "k4", "k5", "total")) {
                Cell cell = zeros.getCell(column(score));
                assertEquals(CellType.NUMERIC, cell.getCellType(), score + " is a number");
                assertEquals(expected.get(score).asDouble(), cell.getNumericCellValue(), 0.0, score + " is stored in full");
                assertEquals("0.00", cell.getCellStyle().getDataFormatString(), score + " is shown with two decimals");
            }
            assertEquals(CellType.NUMERIC, zeros.getCell(column("place_region")).getCellType());
            assertEquals(expected.get("place").asInt(), (int) zeros.getCell(column("place")).getNumericCellValue());
            assertEquals(CellType.STRING, zeros.getCell(column("kpp")).getCellType(), "КПП is text");

            Map<String, String> source = new HashMap<>();
            for (Row row : workbook.getSheet("Источник")) {
                source.put(row.getCell(0).getStringCellValue(), row.getCell(1).getStringCellValue());
            }
            assertTrue(source.get("Запрос").endsWith(ratings("&format=xlsx")), source.toString());
            assertTrue(source.get("Кампания").contains("тест таблиц"), source.toString());
            assertTrue(source.containsKey("Опубликовано"), source.toString());
            String methodology = Json.parse(api.get(ratings("")).body()).at("/campaign/methodology").asText();
            assertTrue(source.get("Методика").startsWith(methodology + " "), source.toString());
            assertTrue(source.get("Лицензия").contains("CC BY 4.0"), source.toString());
        }

        HttpResponse<byte[]> byAccept = api.bytes(HttpRequest.GET(ratings("")).accept(XLSX));
        assertEquals(XLSX, byAccept.getContentType().orElseThrow().toString());
    }

    @Test
    void csvGivesRussianHeadersAndRoundsScoresOnRequest() {
        Map<String, JsonNode> json = byInn(Json.parse(api.get(ratings("")).body()).get("data"));
        HttpResponse<String> response = api.get(ratings("&format=csv&headers=ru&round=2"));
        assertEquals("attachment; filename=\"ratings-" + REGION + "-" + YEAR + ".csv\"",
                response.header("Content-Disposition"));
        Csv.Table russian = Csv.parse(response.body());
        assertEquals(RatingColumns.RANKING.headers(), russian.header());
        Map<String, String> zeros = russian.rows().stream().filter(r -> r.get("ИНН").equals(LEADING_ZEROS))
                .findFirst().orElseThrow();
        JsonNode expected = json.get(LEADING_ZEROS);
        for (String score : List.of("k1", "k2", "k3", "k4", "k5", "total")) {
            String header = RatingColumns.RANKING.headers().get(RatingColumns.RANKING.names().indexOf(score));
            assertEquals(new Score(expected.get(score).asDouble()).roundedText('.'), zeros.get(header), score);
        }
        String unrounded = Csv.parse(api.get(ratings("&format=csv")).body()).rows().stream()
                .filter(r -> r.get("inn").equals(LEADING_ZEROS)).findFirst().orElseThrow().get("total");
        assertEquals(new Score(expected.get("total").asDouble()).exact(), unrounded, "without round=2 values are whole");

        Csv.Table excel = Csv.parse(api.get(ratings("&format=csv&dialect=excel&headers=ru&round=2")).body(), ';');
        assertEquals(new Score(expected.get("total").asDouble()).roundedText(','), excel.rows().stream()
                .filter(r -> r.get("ИНН").equals(LEADING_ZEROS)).findFirst().orElseThrow().get("Итоговый балл"));
    }

    @Test
    void aRankingSortsByACriterionWithTheOfficialPlaces() {
        List<JsonNode> byTotal = list(Json.parse(api.get(ratings("")).body()).get("data"));
        List<JsonNode> byK3 = list(Json.parse(api.get(ratings("&sort=k3")).body()).get("data"));
        assertEquals(byTotal.size(), byK3.size());
        for (int i = 1; i < byK3.size(); i++) {
            assertTrue(byK3.get(i - 1).get("k3").asDouble() <= byK3.get(i).get("k3").asDouble(), "k3 ascending");
        }
        Map<String, JsonNode> official = byInn(Json.parse(api.get(ratings("")).body()).get("data"));
        for (JsonNode row : byK3) {
            JsonNode same = official.get(row.get("inn").asText());
            assertEquals(same.get("place").asInt(), row.get("place").asInt(), "places are the official ones");
            assertEquals(same.get("place_region").asInt(), row.get("place_region").asInt());
        }
        List<JsonNode> descending = list(Json.parse(api.get(ratings("&sort=-k3")).body()).get("data"));
        assertNotEquals(inns(byTotal), inns(descending), "the test data orders k3 otherwise than the total");
        for (int i = 1; i < descending.size(); i++) {
            assertTrue(descending.get(i - 1).get("k3").asDouble() >= descending.get(i).get("k3").asDouble(), "k3 descending");
        }
        List<JsonNode> byIndicator = list(Json.parse(api.get(ratings("&sort=-i3_1")).body()).get("data"));
        assertEquals(byTotal.size(), byIndicator.size());
        Csv.Table csv = Csv.parse(api.get(ratings("&format=csv&sort=k3")).body());
        assertEquals(inns(byK3), csv.rows().stream().map(r -> r.get("inn")).toList(), "CSV sorts as JSON does");
    }

    private static int column(String code) {
        return RatingColumns.RANKING.names().indexOf(code);
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        row.forEach(cell -> cells.add(cell.getStringCellValue()));
        return cells;
    }

    private static List<String> inns(List<JsonNode> rows) {
        return rows.stream().map(r -> r.get("inn").asText()).toList();
    }

    private static String ratings(String extra) {
        return "/api/v1/ratings?region=" + REGION + "&year=" + YEAR + "&per_page=100" + extra;
    }

    private static Map<String, JsonNode> byInn(JsonNode data) {
        Map<String, JsonNode> rows = new HashMap<>();
        data.forEach(row -> rows.put(row.get("inn").asText(), row));
        return rows;
    }
}
