package ru.noko.campaigns.upload;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import ru.noko.platform.csv.TextEncoding;
import ru.noko.platform.text.Excerpt;
import ru.noko.platform.web.FieldProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile files against the real upload path (table → {@link Importer} → report), CSV and JSON:
 * random quoting and delimiters, unmatched quotes, huge cells and headers, NUL bytes, mixed and
 * broken encodings, odd and deep JSON. Each try either yields rows and problems or ends in the one
 * documented {@link UnreadableUpload}; it never throws anything else, never takes long, and every
 * value it reports stays an excerpt.
 */
class HostileUploadPropertiesTest {

    /** Generous: a try is linear work on at most a few megabytes. */
    private static final Duration EACH_TRY = Duration.ofSeconds(20);
    private static final int QUOTED = Excerpt.LIMIT + 1;
    /** The longest message a check writes around an excerpt. */
    private static final int MESSAGE = 500;

    private static final List<String> HEADERS = List.of("ИНН", "КПП", "Наименование", "Тип", "ОКТМО", "К1", "К2", "K3",
            "к4", "«К5»", "Итоговый балл:", "inn", "kpp", "name", "type", "total", "respondents", "recipients",
            "used_stand", "satisfied_stand", "organization_inn", "organization_kpp", "q1", "q2", "1.3", "i1_1", "");
    private static final List<String> CELLS = List.of("5901001016", "590101001", "7701AB001", "Школа № 1", "school",
            "общеобразовательная", "57701000", "82,4", "1 234,5", "100", "0", "-3", "1e3", "12.0", "да", "нет", "1", "",
            " ", "NaN", "Infinity", "+7", "0x10", "9".repeat(40));

    @Provide
    Arbitrary<InputLevel> levels() {
        return Arbitraries.of(InputLevel.values()).injectNull(0.3);
    }

    /** A table before it is written out: headers and rows of cell texts. */
    record Table(List<String> header, List<List<String>> rows) {
    }

    /** What an operator's results table looks like, with now and then a cell that is not what it should be. */
    @Provide
    Arbitrary<Table> realisticTables() {
        Arbitrary<String> score = Combinators.combine(Arbitraries.integers().between(0, 10_000), Arbitraries.of(",", "."))
                .as((hundredths, mark) -> (hundredths / 100) + mark + String.format("%02d", hundredths % 100));
        Arbitrary<String> criterion = Arbitraries.frequencyOf(Tuple.of(12, score), Tuple.of(1, Arbitraries.of(CELLS)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(8)), Tuple.of(1, run()));
        Arbitrary<String> name = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of("Школа № 1", "МБОУ «СОШ № 2»", "Лицей\n№ 3")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(30)), Tuple.of(1, run()));
        Arbitrary<List<String>> row = Combinators.combine(name, criterion.list().ofSize(6), Arbitraries.of(CELLS).list().ofMaxSize(3))
                .as((n, scores, extra) -> {
                    List<String> cells = new ArrayList<>(List.of("", "590101001", n));
                    cells.addAll(scores);
                    cells.addAll(extra);
                    return cells;
                });
        Arbitrary<List<String>> header = Arbitraries.of(HEADERS).list().ofMaxSize(3).map(extra -> {
            List<String> cells = new ArrayList<>(List.of("ИНН", "КПП", "Наименование", "К1", "К2", "К3", "К4", "К5", "Итоговый балл"));
            cells.addAll(extra);
            return cells;
        });
        return Combinators.combine(header, row.list().ofMaxSize(20)).as((h, rows) -> {
            List<List<String>> numbered = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                List<String> cells = new ArrayList<>(rows.get(i));
                cells.set(0, inn(i));
                numbered.add(cells);
            }
            return new Table(h, numbered);
        });
    }

    /** Headers and cells of any kind: known names, any characters, long runs; sometimes more columns than allowed. */
    @Provide
    Arbitrary<Table> randomTables() {
        Arbitrary<String> header = Arbitraries.oneOf(Arbitraries.of(HEADERS), Arbitraries.strings().all().ofMaxLength(12), run());
        Arbitrary<String> cell = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(CELLS)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(20)),
                Tuple.of(2, Arbitraries.strings().withChars("0123456789 ,.'+-eE\u00A0").ofMaxLength(30)),
                Tuple.of(1, run()));
        Arbitrary<List<String>> headers = Arbitraries.frequencyOf(
                Tuple.of(9, header.list().ofMaxSize(14)),
                Tuple.of(1, Arbitraries.integers().between(UploadTable.MAX_COLUMNS - 5, UploadTable.MAX_COLUMNS + 100)
                        .map(n -> IntStream.rangeClosed(1, n).mapToObj(i -> "c" + i).toList())));
        return Combinators.combine(headers, cell.list().ofMaxSize(14).list().ofMaxSize(12)).as(Table::new);
    }

    @Provide
    Arbitrary<byte[]> hostileCsv() {
        Arbitrary<Table> tables = Arbitraries.oneOf(realisticTables(), randomTables());
        Arbitrary<String> delimiter = Arbitraries.of(";", ",", "\t", "|");
        Arbitrary<String> lineEnd = Arbitraries.of("\n", "\r\n", "\r", "\n\n");
        Arbitrary<Boolean> sloppy = Arbitraries.frequency(Tuple.of(3, false), Tuple.of(1, true));
        Arbitrary<List<Integer>> quoting = Arbitraries.integers().between(0, 11).list().ofSize(64);
        return Combinators.combine(tables, delimiter, lineEnd, sloppy, quoting, encodings(), noise())
                .as((table, d, end, careless, modes, encoding, bytesNoise) -> {
                    StringBuilder text = new StringBuilder();
                    int[] k = {0};
                    java.util.function.Consumer<List<String>> line = cells -> {
                        List<String> written = new ArrayList<>();
                        for (String cell : cells) {
                            written.add(csvCell(cell, d, careless, modes.get(k[0]++ % modes.size())));
                        }
                        text.append(String.join(d, written)).append(end);
                    };
                    line.accept(table.header());
                    table.rows().forEach(line);
                    return bytesNoise.apply(encoding.encode(text.toString()));
                });
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void aCsvOfAnyShapeYieldsRowsAndProblemsOrIsUnreadable(@ForAll("hostileCsv") byte[] bytes,
                                                           @ForAll("levels") InputLevel level) {
        check(bytes, "csv", level);
    }

    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void anyBytesAsCsvOrJson(@ForAll("anyBytes") byte[] bytes, @ForAll boolean json, @ForAll("levels") InputLevel level) {
        check(bytes, json ? "json" : "csv", level);
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(4_000);
    }

    @Provide
    Arbitrary<byte[]> hostileJson() {
        Arbitrary<String> tables = Combinators.combine(Arbitraries.oneOf(realisticTables(), randomTables()),
                        Arbitraries.integers().between(0, 3).list().ofSize(64))
                .as(HostileUploadPropertiesTest::json);
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(HEADERS), Arbitraries.strings().all().ofMaxLength(12), run());
        Arbitrary<String> odd = Arbitraries.oneOf(
                Arbitraries.of("0", "-0", "1e99999", "12345678901234567890", "true", "null", "\"x\"", "9".repeat(900), "{}", "[]"),
                Arbitraries.integers().between(1, 3_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.integers().between(1, 3_000).map(depth -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
        Arbitrary<String> oddMember = Combinators.combine(key, odd).as((k, v) -> jsonString(k) + ": " + v);
        Arbitrary<String> oddDocument = Arbitraries.oneOf(
                odd,
                oddMember.list().ofMaxSize(5).map(members -> "[{" + String.join(", ", members) + "}]"),
                odd.list().ofMaxSize(4).map(elements -> "[" + String.join(", ", elements) + "]"),
                Arbitraries.integers().between(UploadTable.MAX_COLUMNS - 5, UploadTable.MAX_COLUMNS + 50)
                        .map(n -> IntStream.rangeClosed(1, n).mapToObj(i -> "\"c" + i + "\": " + i)
                                .collect(Collectors.joining(", ", "[{", "}]"))));
        Arbitrary<String> document = Arbitraries.frequencyOf(Tuple.of(3, tables), Tuple.of(1, oddDocument));
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 100);
        return Combinators.combine(document, cut, encodings(), noise()).as((text, keep, encoding, bytesNoise) -> {
            // now and then the document is cut short, as an interrupted upload would be
            String sent = keep < 10 ? text.substring(0, text.length() * keep / 10) : text;
            return bytesNoise.apply(encoding.encode(sent));
        });
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void aJsonOfAnyShapeYieldsRowsAndProblemsOrIsUnreadable(@ForAll("hostileJson") byte[] bytes,
                                                            @ForAll("levels") InputLevel level) {
        check(bytes, "json", level);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void anyHeaderMapsToAKnownFieldOrToNothing(@ForAll("anyHeader") String header) {
        Set<String> known = new HashSet<>(UploadFields.IDENTITY);
        known.addAll(UploadFields.CRITERIA);
        known.add(UploadFields.TOTAL);
        known.addAll(UploadFields.PLACES);
        known.addAll(Uploaded.FIELDS.indicatorFields());
        known.addAll(Uploaded.FIELDS.rawInputNames());
        known.addAll(List.of(UploadFields.ORGANIZATION_INN, UploadFields.ORGANIZATION_KPP));
        known.addAll(UploadFields.QUESTIONS);
        UploadTable.Column column = assertTimeoutPreemptively(EACH_TRY, () -> UploadTable.Column.of(header, 1, Uploaded.FIELDS));
        assertTrue(column.field() == null || known.contains(column.field()), column.field());
        assertTrue(column.header().length() <= QUOTED);
        assertTrue(column.headerTooLong() == header.length() > UploadTable.MAX_HEADER_LENGTH);
    }

    @Provide
    Arbitrary<String> anyHeader() {
        return Arbitraries.oneOf(Arbitraries.of(HEADERS), Arbitraries.strings().all().ofMaxLength(40), run(),
                Combinators.combine(run(), Arbitraries.of(HEADERS), run()).as((a, h, b) -> a + h + b));
    }

    /** Runs the upload as the job does and checks what it gives back. */
    private static void check(byte[] bytes, String format, InputLevel level) {
        Path file = write(bytes);
        try {
            String outcome = assertTimeoutPreemptively(EACH_TRY, () -> {
                Uploaded uploaded;
                try {
                    uploaded = run(file, format, level);
                } catch (UnreadableUpload unreadable) {
                    assertTrue(unreadable.getMessage() != null && !unreadable.getMessage().isBlank());
                    assertTrue(unreadable.getMessage().length() <= UploadReport.MESSAGE_LIMIT, unreadable.getMessage());
                    return "unreadable";
                }
                assertBounded(uploaded);
                return uploaded.outcome().rows() == 0 ? "no rows" : uploaded.staged().isEmpty() ? "rows, none staged" : "rows staged";
            });
            Statistics.collect(format, outcome);
        } finally {
            delete(file);
        }
    }

    /** As the upload job: CSV read ahead on a thread of its own, an empty expert checklist for answers. */
    private static Uploaded run(Path file, String format, InputLevel level) {
        UploadReport report = new UploadReport();
        List<StagedRow> staged = new ArrayList<>();
        UploadTable opened = Uploaded.open(file, format);
        try (UploadTable table = "csv".equals(format) ? new PrefetchingUploadTable(opened) : opened) {
            Importer.Outcome outcome = new Importer(Uploaded.FIELDS).run(Uploaded.SCHOOLS, table, level, java.util.Map::of,
                    staged::add, rows -> { }, report);
            return new Uploaded(outcome, report, staged);
        }
    }

    private static void assertBounded(Uploaded uploaded) {
        assertTrue(uploaded.report().errors().size() <= UploadReport.LIMIT);
        assertTrue(uploaded.report().warnings().size() <= UploadReport.LIMIT);
        for (FieldProblem p : uploaded.problems()) {
            for (String text : new String[]{p.field(), p.column(), p.value()}) {
                assertTrue(text == null || text.length() <= QUOTED, () -> p.code() + " quotes " + text.length() + " characters");
            }
            assertTrue(p.message().length() <= MESSAGE, () -> p.code() + ": a message of " + p.message().length());
        }
        assertTrue(uploaded.outcome().columns().size() <= UploadTable.MAX_COLUMNS);
        uploaded.outcome().columns().forEach(c -> assertTrue(c.header() == null || c.header().length() <= QUOTED));
        for (StagedRow row : uploaded.staged()) {
            assertTrue(row.organization().inn().length() == 10 && row.organization().kpp().length() == 9);
            if (row.criteria() != null) {
                for (double criterion : row.criteria()) {
                    assertTrue(criterion >= 0 && criterion <= 100, String.valueOf(criterion));
                }
            }
        }
    }

    /** Long runs of one awkward character, sometimes ended by another. */
    private static Arbitrary<String> run() {
        return Combinators.combine(Arbitraries.of(".", "*", ":", "»", "«", "'", "\"", "9", " ", "_", "\u0000", "\n", ";", "я"),
                        Arbitraries.integers().between(1, 50_000), Arbitraries.of("", "x", "\"", ";"))
                .as((unit, times, end) -> unit.repeat(times) + end);
    }

    /**
     * A cell as a careful writer quotes it (when it must, and sometimes when it need not), or, for a
     * careless one, quoted properly, not at all, or with a quote left open, stray or followed by text.
     */
    private static String csvCell(String text, String delimiter, boolean careless, int how) {
        String quoted = "\"" + text.replace("\"", "\"\"") + "\"";
        if (!careless) {
            boolean must = text.contains(delimiter) || text.contains("\"") || text.contains("\n") || text.contains("\r");
            return must || how < 3 ? quoted : text;
        }
        return switch (how) {
            case 0, 1, 2 -> quoted;
            case 3 -> "\"" + text;
            case 4 -> text + "\"";
            case 5 -> "\"" + text + "\"x";
            default -> text;
        };
    }

    /** The table as an array of objects; cells that look like numbers written as numbers now and then. */
    private static String json(Table table, List<Integer> modes) {
        StringBuilder json = new StringBuilder("[");
        int k = 0;
        for (List<String> row : table.rows()) {
            json.append(json.length() > 1 ? ", {" : "{");
            for (int i = 0; i < Math.min(row.size(), table.header().size()); i++) {
                String value = row.get(i);
                boolean number = value.matches("-?[0-9]{1,15}(\\.[0-9]{1,6})?+") && modes.get(k++ % modes.size()) < 2;
                json.append(i > 0 ? ", " : "").append(jsonString(table.header().get(i))).append(": ")
                        .append(number ? value : jsonString(value));
            }
            json.append("}");
        }
        return json.append("]").toString();
    }

    /** The {@code n}-th valid ИНН of the test region. */
    static String inn(int n) {
        String firstNine = String.format("59%07d", 1_000 + n);
        return firstNine + ru.noko.catalog.Inn.checkDigit(firstNine);
    }

    private static String jsonString(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    /** How the text is turned into bytes: the encodings operators use, a BOM or not, two of them mixed. */
    private static Arbitrary<Encoding> encodings() {
        return Arbitraries.of(Encoding.values());
    }

    enum Encoding {
        UTF8, UTF8_BOM, CP1251, UTF16LE_BOM, UTF16BE_BOM, UTF16LE, MIXED;

        byte[] encode(String text) {
            return switch (this) {
                case UTF8 -> text.getBytes(StandardCharsets.UTF_8);
                case UTF8_BOM -> concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
                case CP1251 -> text.getBytes(TextEncoding.WINDOWS_1251);
                case UTF16LE_BOM -> concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
                case UTF16BE_BOM -> concat(new byte[]{(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));
                case UTF16LE -> text.getBytes(StandardCharsets.UTF_16LE);
                case MIXED -> concat(text.substring(0, text.length() / 2).getBytes(StandardCharsets.UTF_8),
                        text.substring(text.length() / 2).getBytes(TextEncoding.WINDOWS_1251));
            };
        }
    }

    /** Mostly nothing; otherwise up to three stray bytes written over the encoded text. */
    private static Arbitrary<UnaryOperator<byte[]>> noise() {
        Arbitrary<UnaryOperator<byte[]>> stray = Combinators.combine(Arbitraries.integers().between(0, 1_000), Arbitraries.bytes())
                .as((permille, value) -> (UnaryOperator<byte[]>) bytes -> {
                    byte[] changed = bytes.clone();
                    if (changed.length > 0) {
                        changed[(int) ((long) (changed.length - 1) * permille / 1_000)] = value;
                    }
                    return changed;
                });
        Arbitrary<UnaryOperator<byte[]>> some = stray.list().ofMinSize(1).ofMaxSize(3)
                .map(changes -> (UnaryOperator<byte[]>) bytes -> {
                    byte[] result = bytes;
                    for (UnaryOperator<byte[]> change : changes) {
                        result = change.apply(result);
                    }
                    return result;
                });
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(UnaryOperator.identity())), Tuple.of(1, some));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static Path write(byte[] bytes) {
        try {
            return Files.write(Files.createTempFile("hostile-upload-", ".bin"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
