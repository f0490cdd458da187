package ru.noko.platform.csv;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvWriterTest {

    private static final List<String> HEADER = List.of("name", "total", "place", "types");

    @Test
    void writesRfc4180WithHeaderAndQuoting() {
        String csv = write(CsvDialect.RFC4180, List.of("Школа \"Лицей\", № 1", 82.4, 3, List.of("school", "preschool")),
                Arrays.asList("Строка\nперенос", null, null, List.of()), Arrays.asList(null, null, 1, "x"));
        assertEquals("name,total,place,types\r\n"
                + "\"Школа \"\"Лицей\"\", № 1\",82.4,3,school|preschool\r\n"
                + "\"Строка\nперенос\",,,\r\n"
                + ",,1,x\r\n", csv);
    }

    @Test
    void numbersAreUnroundedAndNeverInExponentNotation() {
        assertEquals("75.17999999999999", CsvWriter.cell(75.17999999999999, CsvDialect.RFC4180));
        assertEquals("0.000012", CsvWriter.cell(1.2e-5, CsvDialect.RFC4180));
        assertEquals("100.0", CsvWriter.cell(100.0, CsvDialect.RFC4180));
        assertEquals(1.2e-5, Double.parseDouble(CsvWriter.cell(1.2e-5, CsvDialect.RFC4180)));
        assertEquals("-3.5", CsvWriter.cell(-3.5, CsvDialect.RFC4180), "negative numbers are numbers, not formulas");
        assertEquals("-3,5", CsvWriter.cell(-3.5, CsvDialect.EXCEL));
        assertEquals("12345678901", CsvWriter.cell(12345678901L, CsvDialect.EXCEL));
        assertEquals("", CsvWriter.cell(Double.NaN, CsvDialect.RFC4180));
    }

    @Test
    void formulaLikeTextIsNeutralised() {
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", CsvWriter.cell("=HYPERLINK(\"http://x\")", CsvDialect.RFC4180));
        assertEquals("'+7 (342) 000", CsvWriter.cell("+7 (342) 000", CsvDialect.RFC4180));
        assertEquals("'-1", CsvWriter.cell("-1", CsvDialect.RFC4180), "text that looks like a number is still text");
        assertEquals("'@SUM(A1)", CsvWriter.cell("@SUM(A1)", CsvDialect.RFC4180));
        assertEquals("'\tcmd", CsvWriter.cell("\tcmd", CsvDialect.RFC4180));
        assertEquals("\"'\rcmd\"", CsvWriter.cell("\rcmd", CsvDialect.RFC4180));
        assertEquals("Школа = лучшая", CsvWriter.cell("Школа = лучшая", CsvDialect.RFC4180), "only a leading sign counts");
    }

    @Test
    void excelDialectHasBomSemicolonsAndDecimalComma() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(bytes, CsvDialect.EXCEL)) {
            csv.row(HEADER);
            csv.row(List.of("А; Б", 95.36, 1, List.of("school")));
        }
        byte[] written = bytes.toByteArray();
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(written, 3));
        assertEquals("name;total;place;types\r\n\"А; Б\";95,36;1;school\r\n",
                new String(written, 3, written.length - 3, StandardCharsets.UTF_8));
    }

    @Test
    void datesAreIsoAsInJson() {
        assertEquals("2025-10-27T00:00:00Z", CsvWriter.cell(OffsetDateTime.of(2025, 10, 27, 0, 0, 0, 0, ZoneOffset.UTC), CsvDialect.RFC4180));
        assertEquals("2019-04-15", CsvWriter.cell(LocalDate.of(2019, 4, 15), CsvDialect.RFC4180));
        assertEquals("true", CsvWriter.cell(true, CsvDialect.EXCEL));
    }

    @Test
    void verbatimRowsAreQuotedButNeverNeutralised() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(bytes, CsvDialect.RFC4180)) {
            csv.verbatimRow(List.of("publisherphone", "+70000000000"));
            csv.verbatimRow(List.of("title", "Итоги, \"все\" регионы"));
        }
        assertEquals("publisherphone,+70000000000\r\ntitle,\"Итоги, \"\"все\"\" регионы\"\r\n",
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void postgresDumpsNeutraliseWithTheSameCharacters() {
        assertEquals("CASE WHEN r.name ~ '^[-=+@\\t\\r]' THEN '''' || r.name ELSE r.name END", FormulaGuard.sql("r.name"),
                "the expression open-data dumps have always used");
        for (char c : FormulaGuard.FORMULA_START.toCharArray()) {
            assertEquals("'" + c + "x", FormulaGuard.neutralised(c + "x"));
        }
        assertEquals("x=1", FormulaGuard.neutralised("x=1"));
        assertEquals("", FormulaGuard.neutralised(""));
    }

    private static String write(CsvDialect dialect, List<?>... rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(bytes, dialect)) {
            csv.row(HEADER);
            for (List<?> row : rows) {
                csv.row(row);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
