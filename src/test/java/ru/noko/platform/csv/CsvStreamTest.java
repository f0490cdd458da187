package ru.noko.platform.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvStreamTest {

    @TempDir
    Path dir;

    @Test
    void rowNumbersAreSpreadsheetRowsAcrossBlankLinesAndQuotedLineBreaks() throws IOException {
        Path file = write("a;b\r\n1;x\r\n\r\n2;\"multi\r\nline; \"\"quoted\"\"\"\r\n;\r\n3;y\r\n", StandardCharsets.UTF_8);
        try (CsvStream csv = CsvStream.open(file)) {
            assertEquals(';', csv.delimiter());
            assertEquals(List.of("a", "b"), csv.header());
            List<CsvStream.Record> records = new ArrayList<>();
            for (CsvStream.Record r = csv.next(); r != null; r = csv.next()) {
                records.add(r);
            }
            assertEquals(3, records.size(), "blank rows and rows of empty cells are skipped");
            assertEquals(2, records.get(0).row());
            assertEquals(4, records.get(1).row());
            assertEquals("multi\r\nline; \"quoted\"", records.get(1).cells().get(1));
            assertEquals(7, records.get(2).row());
        }
    }

    @Test
    void windows1251IsDetectedWhenTheFileIsNotUtf8() throws IOException {
        Path cp1251 = write("ИНН,Наименование\n1,Школа «Берёзка»\n", TextEncoding.WINDOWS_1251);
        TextEncoding encoding = TextEncoding.detect(cp1251);
        assertEquals(TextEncoding.WINDOWS_1251, encoding.charset());
        assertFalse(encoding.bom());
        try (CsvStream csv = CsvStream.open(cp1251)) {
            assertEquals(List.of("ИНН", "Наименование"), csv.header());
            assertEquals("Школа «Берёзка»", csv.next().cells().get(1));
        }
        Path utf8 = dir.resolve("bom.csv");
        byte[] text = "ИНН\tНаименование\n1\tШкола\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(utf8, withBom);
        try (CsvStream csv = CsvStream.open(utf8)) {
            assertEquals(StandardCharsets.UTF_8, csv.encoding().charset());
            assertTrue(csv.encoding().bom());
            assertEquals('\t', csv.delimiter());
            assertEquals("ИНН", csv.header().get(0), "the BOM is not part of the first header");
        }
    }

    @Test
    void delimiterIsTheMostFrequentOneOutsideQuotes() {
        assertEquals(';', CsvStream.detectDelimiter("\"a,b,c\";d;e\n1,2,3"));
        assertEquals(',', CsvStream.detectDelimiter("a,b;c,d\n"));
        assertEquals(',', CsvStream.detectDelimiter(""));
    }

    @Test
    void numbersWithDecimalCommaAndGroupedThousands() {
        assertEquals("82.4", NumberText.normalize("82,4").text());
        assertEquals(',', NumberText.normalize("82,4").decimalSeparator());
        assertEquals("1234.5", NumberText.normalize("1 234,5").text());
        assertEquals("1234", NumberText.normalize("1\u00A0234").text());
        assertEquals('.', NumberText.normalize(" 95.36 ").decimalSeparator());
        assertNull(NumberText.normalize("  "));
        assertNull(NumberText.parseDouble("много"));
        assertEquals(82.4, NumberText.parseDouble(NumberText.normalize("82,4").text()));
    }

    @Test
    void textThatIsNotCsvIsMalformedAtTheRowItsRecordStarts() throws IOException {
        Path stray = write("a;b\n1;2\n\n3;\"x\"y\n", StandardCharsets.UTF_8);
        try (CsvStream csv = CsvStream.open(stray)) {
            assertEquals(2, csv.next().row());
            CsvStream.Malformed malformed = assertThrows(CsvStream.Malformed.class, csv::next);
            assertEquals(4, malformed.row());
        }
        Path unclosed = write("\"a;b\n1;2\n", StandardCharsets.UTF_8);
        assertEquals(1, assertThrows(CsvStream.Malformed.class, () -> CsvStream.open(unclosed)).row());
    }

    private Path write(String text, java.nio.charset.Charset charset) throws IOException {
        Path file = Files.createTempFile(dir, "t", ".csv");
        Files.write(file, text.getBytes(charset));
        return file;
    }
}
