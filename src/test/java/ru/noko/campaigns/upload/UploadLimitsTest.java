package ru.noko.campaigns.upload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.noko.platform.web.FieldProblem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Header length, column count and quoted values are bounded, whatever the file holds. */
class UploadLimitsTest {

    private static final String HEADER = "ИНН;КПП;Наименование;К1;К2;К3;К4;К5";
    private static final String ROW = "5901001016;590101001;Школа;1;2;3;4;5";
    /** An excerpt: 200 characters and «…». */
    private static final int QUOTED = 201;

    @TempDir
    Path dir;

    @Test
    void aHeaderOverTheCapIsAnErrorNamingItsColumnNumberWithTheHeaderCut() {
        String longHeader = "Примечание ".repeat(4_000);
        Uploaded csv = csv(HEADER + ";" + longHeader + "\n" + ROW + ";x\n", InputLevel.RESULTS);
        List<FieldProblem> tooLong = csv.errors("header_too_long");
        assertEquals(1, tooLong.size(), csv.problems().toString());
        assertTrue(tooLong.get(0).message().contains("№ 9"), tooLong.get(0).message());
        assertEquals(longHeader.substring(0, 200) + "…", tooLong.get(0).value());
        assertEquals(1, tooLong.get(0).row());
        assertTrue(csv.report().warnings().stream().noneMatch(w -> "ignored_column".equals(w.code())),
                "the too-long column is an error, not also a warning: " + csv.report().warnings());
        UploadTable.Column column = csv.outcome().columns().get(8);
        assertEquals(longHeader.substring(0, 200) + "…", column.header());
        assertNull(column.field());

        String atTheCap = "x".repeat(UploadTable.MAX_HEADER_LENGTH);
        Uploaded fine = csv(HEADER + ";" + atTheCap + "\n" + ROW + ";x\n", InputLevel.RESULTS);
        assertEquals(0, fine.report().errorCount(), fine.problems().toString());
        assertEquals(atTheCap, fine.outcome().columns().get(8).header());
    }

    @Test
    void aJsonKeyOverTheCapIsAnErrorOnTheElementItFirstAppearsIn() {
        String longKey = "к".repeat(300);
        String json = "[" + jsonRow("") + ", " + jsonRow(", \"" + longKey + "\": 1") + "]";
        Uploaded uploaded = run(json.getBytes(StandardCharsets.UTF_8), "json", InputLevel.RESULTS);
        List<FieldProblem> tooLong = uploaded.errors("header_too_long");
        assertEquals(1, tooLong.size(), uploaded.problems().toString());
        assertEquals(2, tooLong.get(0).row());
        assertEquals(QUOTED, tooLong.get(0).value().length());
        assertTrue(tooLong.get(0).message().contains("№ 9"), tooLong.get(0).message());
    }

    @Test
    void aCsvWithMoreColumnsThanTheCapIsRefusedWithOneProblemBeforeItsRowsAreRead() {
        String extra = IntStream.rangeClosed(1, UploadTable.MAX_COLUMNS - 7).mapToObj(i -> "c" + i).collect(Collectors.joining(";"));
        String rowCells = ";x".repeat(UploadTable.MAX_COLUMNS - 7);
        Uploaded refused = csv(HEADER + ";" + extra + "\n" + ROW + rowCells + "\n", InputLevel.RESULTS);
        assertEquals(1, refused.report().errorCount(), refused.problems().toString());
        assertEquals(0, refused.report().warningCount(), "nothing else is looked at");
        FieldProblem problem = refused.errors("too_many_columns").get(0);
        assertTrue(problem.message().contains("501"), problem.message());
        assertEquals(0, refused.outcome().rows(), "no row is read");
        assertTrue(refused.staged().isEmpty());
        assertEquals(UploadTable.MAX_COLUMNS, refused.outcome().columns().size(), "the columns kept are bounded");

        String fewer = extra.substring(0, extra.lastIndexOf(';'));
        Uploaded atTheCap = csv(HEADER + ";" + fewer + "\n" + ROW + rowCells + "\n", InputLevel.RESULTS);
        assertEquals(0, atTheCap.report().errorCount(), atTheCap.problems().toString());
        assertEquals(1, atTheCap.staged().size());

        Uploaded trailingBlanks = csv(HEADER + ";".repeat(2_000) + "\n" + ROW + "\n", InputLevel.RESULTS);
        assertEquals(0, trailingBlanks.report().errorCount(), "empty header cells after the last column are not columns");
        assertEquals(1, trailingBlanks.staged().size());
    }

    @Test
    void aJsonWithMoreKeysThanTheCapIsRefused() {
        StringBuilder wide = new StringBuilder();
        for (int i = 1; i <= UploadTable.MAX_COLUMNS; i++) {
            wide.append(", \"c").append(i).append("\": 1");
        }
        Uploaded atOnce = run(("[" + jsonRow(wide.toString()) + "]").getBytes(StandardCharsets.UTF_8), "json", InputLevel.RESULTS);
        assertEquals(1, atOnce.report().errorCount(), atOnce.problems().toString());
        assertEquals(1, atOnce.errors("too_many_columns").size());
        assertEquals(0, atOnce.outcome().rows());
        assertTrue(atOnce.staged().isEmpty());

        // new keys in every element: reading stops at the first key beyond the cap
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            elements.add(jsonRow(", \"a" + i + "\": 1, \"b" + i + "\": 2, \"c" + i + "\": 3"));
        }
        Uploaded later = run(("[" + String.join(", ", elements) + "]").getBytes(StandardCharsets.UTF_8), "json",
                InputLevel.RESULTS);
        assertEquals(1, later.errors("too_many_columns").size(), later.report().errors().toString());
        assertTrue(later.outcome().rows() < 200, "stopped early: " + later.outcome().rows());
        assertTrue(later.outcome().columns().size() <= UploadTable.MAX_COLUMNS);
    }

    @Test
    void everyQuotedValueIsCutAndARowAddsAtMostOneProblemPerField() {
        String huge = "9".repeat(30_000) + "x" + "«»\"".repeat(5_000);
        List<String> known = new ArrayList<>(UploadFields.IDENTITY);
        known.addAll(UploadFields.CRITERIA);
        known.add(UploadFields.TOTAL);
        known.addAll(Uploaded.FIELDS.indicatorFields());
        known.addAll(Uploaded.FIELDS.rawInputNames());
        // every field twice (the repeat is ignored), every cell huge and wrong
        List<String> header = new ArrayList<>(known);
        header.addAll(known);
        String cell = "\"" + huge.replace("\"", "\"\"") + "\"";
        String csv = String.join(";", header) + "\n" + IntStream.range(0, header.size()).mapToObj(i -> cell)
                .collect(Collectors.joining(";")) + "\n";
        for (InputLevel level : List.of(InputLevel.RESULTS, InputLevel.RAW_INPUTS, InputLevel.EXPERT)) {
            Uploaded uploaded = csv(csv, level);
            assertTrue(uploaded.report().errorCount() > 0, level.code());
            assertBounded(uploaded);
            List<FieldProblem> ofTheRow = uploaded.problems().stream().filter(p -> Integer.valueOf(2).equals(p.row())).toList();
            Set<String> perField = new HashSet<>();
            ofTheRow.forEach(p -> assertTrue(perField.add(p.field() + "/" + p.code()),
                    level.code() + ": one problem per field and kind: " + p));
            assertTrue(ofTheRow.size() <= known.size(), level.code() + ": " + ofTheRow.size());
        }

        List<String> answers = new ArrayList<>(List.of(UploadFields.ORGANIZATION_INN, UploadFields.ORGANIZATION_KPP));
        answers.addAll(UploadFields.QUESTIONS);
        String answersCsv = String.join(";", answers) + "\n" + IntStream.range(0, answers.size()).mapToObj(i -> cell)
                .collect(Collectors.joining(";")) + "\n";
        Uploaded uploaded = csv(answersCsv, InputLevel.ANSWERS);
        assertBounded(uploaded);
        assertTrue(uploaded.report().errorCount() <= answers.size() + 1, uploaded.problems().toString());
    }

    private static void assertBounded(Uploaded uploaded) {
        for (FieldProblem p : uploaded.problems()) {
            for (String text : new String[]{p.field(), p.column(), p.value()}) {
                assertTrue(text == null || text.length() <= QUOTED, () -> p.code() + ": " + text.length());
            }
            assertTrue(p.message().length() <= 400, p.code() + " quotes an excerpt: " + p.message().length());
        }
    }

    private static String jsonRow(String more) {
        return "{\"inn\": \"5901001016\", \"kpp\": \"590101001\", \"name\": \"Школа\", \"k1\": 1, \"k2\": 2, \"k3\": 3,"
                + " \"k4\": 4, \"k5\": 5" + more + "}";
    }

    private Uploaded csv(String text, InputLevel level) {
        return run(text.getBytes(StandardCharsets.UTF_8), "csv", level);
    }

    private Uploaded run(byte[] bytes, String format, InputLevel level) {
        return Uploaded.run(Uploaded.write(dir.resolve("upload." + format), bytes), format, level);
    }
}
