package ru.noko.platform.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvWriterTest {

    private record Row(String name, Double total, Integer place, List<String> types) {
    }

    private static final Columns<Row> COLUMNS = Columns.<Row>builder()
            .add("name", Row::name).add("total", Row::total).add("place", Row::place).add("types", Row::types).build();

    @Test
    void writesRfc4180WithHeaderAndQuoting() {
        String csv = write(CsvDialect.RFC4180, new Row("Школа \"Лицей\", № 1", 82.4, 3, List.of("school", "preschool")),
                new Row("Строка\nперенос", null, null, List.of()));
        assertEquals("name,total,place,types\r\n"
                + "\"Школа \"\"Лицей\"\", № 1\",82.4,3,school|preschool\r\n"
                + "\"Строка\nперенос\",,,\r\n", csv);
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
            csv.header(COLUMNS);
            csv.row(COLUMNS, new Row("А; Б", 95.36, 1, List.of("school")));
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

    private static String write(CsvDialect dialect, Row... rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(bytes, dialect)) {
            csv.header(COLUMNS);
            for (Row row : rows) {
                csv.row(COLUMNS, row);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
