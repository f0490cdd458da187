package ru.noko.busgov;

import org.junit.jupiter.api.Test;
import ru.noko.platform.csv.CsvDialect;
import ru.noko.support.Csv;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsCsvTest {

    @Test
    void textASpreadsheetWouldRunIsNeutralisedAndNumbersFollowTheDialect() {
        OrganizationResult formula = Samples.organization("5902000001", "590201001", "=HYPERLINK(\"http://x\";\"Школа\")",
                66.66666666666667, null);
        String excel = write(formula, CsvDialect.EXCEL);
        assertTrue(excel.startsWith("\uFEFF"));
        Map<String, String> row = Csv.parse(excel, ';').rows().get(0);
        assertEquals("'=HYPERLINK(\"http://x\";\"Школа\")", row.get("name"), "as in every CSV of the API");
        assertEquals("66,66666666666667", row.get("k1"));
        assertEquals("66,67", row.get("k1_rounded"));
        assertEquals("2024", row.get("year"));
        assertEquals("251", row.get("organization_group"));

        Map<String, String> plain = Csv.parse(write(formula, CsvDialect.RFC4180)).rows().get(0);
        assertEquals("66.66666666666667", plain.get("total"));
        assertEquals("66.67", plain.get("total_rounded"));
        assertEquals("1025900000001", plain.get("ogrn"));
        assertEquals("", plain.get("published_total"));
        assertEquals("not_given", plain.get("total_check"));
    }

    @Test
    void wholeScoresAreWrittenAsInResultsXml() {
        Map<String, String> row = Csv.parse(write(Samples.organization("5902000001", "590201001", "Школа", 100, null),
                CsvDialect.RFC4180)).rows().get(0);
        assertEquals("100", row.get("k3"), "results.xml writes 100, not 100.0");
        assertEquals("100.00", row.get("k3_rounded"));
    }

    private static String write(OrganizationResult organization, CsvDialect dialect) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultsCsv.write(out, Samples.campaign(), Samples.METHODOLOGY, List.of(organization), dialect);
        return out.toString(StandardCharsets.UTF_8);
    }
}
