package ru.noko.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import ru.noko.support.ApiTestBase;
import ru.noko.support.Csv;
import ru.noko.support.Json;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The criteria and methodologies are lists like the others: they answer CSV and XLSX too. */
@MicronautTest(transactional = false)
class MethodologyTablesTest extends ApiTestBase {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void criteriaAnswerCsvByParameterAndByAccept() {
        JsonNode criteria = Json.parse(api.get("/api/v1/criteria").body()).get("data");
        int indicators = 0;
        for (JsonNode criterion : criteria) {
            indicators += criterion.get("indicators").size();
        }
        HttpResponse<String> csv = api.get("/api/v1/criteria?format=csv");
        assertEquals(200, csv.code());
        assertTrue(csv.getContentType().orElseThrow().toString().startsWith("text/csv"));
        assertTrue(csv.header("Content-Disposition").startsWith("attachment; filename=\"criteria-"), csv.header("Content-Disposition"));
        Csv.Table table = Csv.parse(csv.body());
        assertEquals(criteria.size() + indicators, table.rows().size(), "a row per criterion and per indicator");
        Map<String, String> first = table.rows().get(0);
        assertEquals("criterion", first.get("level"));
        assertEquals(criteria.get(0).get("code").asText(), first.get("code"));
        Map<String, String> second = table.rows().get(1);
        assertEquals("indicator", second.get("level"));
        assertEquals(criteria.get(0).at("/indicators/0/code").asText(), second.get("code"));
        assertEquals(criteria.get(0).at("/indicators/0/weight").asDouble(), Double.parseDouble(second.get("weight")), 0.0);

        HttpResponse<String> byAccept = api.call(HttpRequest.GET("/api/v1/criteria").accept("text/csv"));
        assertEquals(200, byAccept.code(), "no 406: the criteria are a list like the others");
        assertEquals(csv.body(), byAccept.body());

        Csv.Table russian = Csv.parse(api.get("/api/v1/criteria?format=csv&headers=ru").body());
        assertTrue(russian.header().contains("Наименование"), russian.header().toString());

        Csv.Table methodologies = Csv.parse(api.get("/api/v1/methodologies?format=csv").body());
        assertEquals(Json.parse(api.get("/api/v1/methodologies").body()).get("data").size(), methodologies.rows().size());
    }

    @Test
    void criteriaAnswerXlsx() throws IOException {
        HttpResponse<byte[]> response = api.bytes(HttpRequest.GET("/api/v1/criteria").accept(XLSX));
        assertEquals(200, response.code());
        assertEquals(XLSX, response.getContentType().orElseThrow().toString());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet data = workbook.getSheet("Данные");
            assertEquals("level", data.getRow(1).getCell(1).getStringCellValue());
            assertEquals(CellType.STRING, data.getRow(2).getCell(3).getCellType(), "codes are text");
            int weight = -1;
            for (int i = 0; i < data.getRow(1).getLastCellNum(); i++) {
                if (data.getRow(1).getCell(i).getStringCellValue().equals("weight")) {
                    weight = i;
                }
            }
            assertEquals(CellType.NUMERIC, data.getRow(3).getCell(weight).getCellType(), "weights are numbers");
            assertEquals(CellType.NUMERIC, data.getRow(2).getCell(weight - 1).getCellType(), "a criterion's maximum is a number");
            assertTrue(workbook.getSheet("Источник") != null);
        }
        HttpResponse<byte[]> byParameter = api.bytes(HttpRequest.GET("/api/v1/methodologies?format=xlsx"));
        assertEquals(XLSX, byParameter.getContentType().orElseThrow().toString());
        assertEquals(List.of("attachment; filename=\"methodologies.xlsx\""), byParameter.getHeaders().getAll("Content-Disposition"));
    }
}
