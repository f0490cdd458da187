package ru.noko.platform.csv;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Arbitrary bytes and text against the CSV layer: encoding detection, the record reader and number
 * normalization never fail other than as documented and never take long.
 */
class HostileTextPropertiesTest {

    /** Generous: each try is milliseconds of linear work. */
    private static final Duration EACH_TRY = Duration.ofSeconds(10);

    @Provide
    Arbitrary<byte[]> anyBytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(3_000);
        Arbitrary<byte[]> mixed = Arbitraries.of("Школа № 1;82,4\n", "ИНН;К1\r\n", "a;\"b\"\"c\"\n", "\uFEFF", "😀", "\u0000")
                .flatMap(piece -> Arbitraries.of(StandardCharsets.UTF_8, TextEncoding.WINDOWS_1251, StandardCharsets.UTF_16LE)
                        .map(piece::getBytes))
                .list().ofMaxSize(30).map(HostileTextPropertiesTest::concat);
        return Arbitraries.oneOf(random, mixed, random.list().ofMaxSize(4).map(HostileTextPropertiesTest::concat));
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void encodingDetectionReadsAnyBytes(@ForAll("anyBytes") byte[] bytes) {
        TextEncoding encoding = onFile(bytes, file -> assertTimeoutPreemptively(EACH_TRY, () -> TextEncoding.detect(file)));
        assertEquals(bytes.length, encoding.bytes());
        assertEquals(count(bytes, (byte) '\n'), encoding.lineBreaks());
        if (!encoding.bom()) {
            assertEquals(TextEncoding.isUtf8(bytes), encoding.charset().equals(StandardCharsets.UTF_8),
                    "UTF-8 exactly when the whole file is valid UTF-8");
        }
    }

    /** A character split across the 64 KB chunks detection reads is still one character. */
    @Property(generation = GenerationMode.EXHAUSTIVE)
    void aCharacterAcrossTheChunkBoundaryIsStillUtf8(@ForAll @IntRange(min = 0, max = 4) int shift,
                                                    @ForAll("wideCharacters") String character) {
        byte[] bytes = concat(List.of(("a".repeat(64 * 1024 - shift)).getBytes(StandardCharsets.UTF_8),
                character.repeat(3).getBytes(StandardCharsets.UTF_8)));
        assertEquals(StandardCharsets.UTF_8, onFile(bytes, TextEncoding::detect).charset());
    }

    @Provide
    Arbitrary<String> wideCharacters() {
        return Arbitraries.of("я", "№", "€", "😀", "\u00A0");
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void theRecordReaderReadsAnyBytesOrCallsThemMalformed(@ForAll("anyBytes") byte[] bytes) {
        onFile(bytes, file -> assertTimeoutPreemptively(EACH_TRY, () -> {
            try (CsvStream csv = CsvStream.open(file)) {
                int last = 0;
                for (CsvStream.Record record = csv.next(); record != null; record = csv.next()) {
                    assertTrue(record.row() > last, "rows only go forward");
                    last = record.row();
                    assertNotNull(record.cells());
                }
            } catch (CsvStream.Malformed expected) {
                assertTrue(expected.row() >= 1);
            }
            return null;
        }));
    }

    @Provide
    Arbitrary<String> numberLike() {
        Arbitrary<String> shortText = Arbitraries.strings().withChars("0123456789 ,.'+-eE\u00A0\u202F\u2009x").ofMaxLength(40);
        Arbitrary<String> runs = Combinators.combine(Arbitraries.of("1", "1 000", "0,", ".", "1e", "-", "'", " ", "9", "1.5"),
                        Arbitraries.integers().between(1, 30_000), Arbitraries.of("", "x", ",5", ".", " "))
                .as((unit, times, tail) -> unit.repeat(times) + tail);
        return Arbitraries.oneOf(shortText, runs, Arbitraries.strings().all().ofMaxLength(60));
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void numberTextTakesAnyTextAndYieldsOnlyFiniteNumbers(@ForAll("numberLike") String text) {
        assertTimeoutPreemptively(EACH_TRY, () -> {
            NumberText.Normalized normalized = NumberText.normalize(text);
            if (normalized == null) {
                assertTrue(text.isBlank());
                return;
            }
            Double value = NumberText.parseDouble(normalized.text());
            if (value != null) {
                assertTrue(Double.isFinite(value));
            }
        });
    }

    /** Whatever grouping and decimal mark a spreadsheet used, the number is the same. */
    @Property(tries = 300)
    void spreadsheetFormattingKeepsTheValue(@ForAll @LongRange(min = -999_999_999_999L, max = 999_999_999_999L) long cents,
                                            @ForAll("groupings") String grouping, @ForAll boolean decimalComma) {
        BigDecimal value = BigDecimal.valueOf(cents, 2);
        String digits = value.abs().toBigInteger().toString();
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append(grouping);
            }
            grouped.append(digits.charAt(i));
        }
        String fraction = value.abs().toPlainString().substring(digits.length() + 1);
        String written = (cents < 0 ? "-" : "") + grouped + (decimalComma ? "," : ".") + fraction;
        Double parsed = NumberText.parseDouble(NumberText.normalize(written).text());
        assertNotNull(parsed, written);
        assertEquals(value.doubleValue(), parsed, 0.0, written);
    }

    @Provide
    Arbitrary<String> groupings() {
        return Arbitraries.of("", " ", "\u00A0", "\u202F", "\u2009", "'");
    }

    private static long count(byte[] bytes, byte wanted) {
        long n = 0;
        for (byte b : bytes) {
            if (b == wanted) {
                n++;
            }
        }
        return n;
    }

    static byte[] concat(List<byte[]> parts) {
        int length = parts.stream().mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** {@code work} on a temporary file holding {@code bytes}, deleted afterwards. */
    static <T> T onFile(byte[] bytes, Function<Path, T> work) {
        Path file;
        try {
            file = Files.write(Files.createTempFile("hostile-", ".bin"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return work.apply(file);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
    }
}
