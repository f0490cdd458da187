package ru.noko.busgov;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DeterministicZipTest {

    private static byte[] build() {
        try (DeterministicZip zip = new DeterministicZip(LocalDateTime.of(2024, 12, 20, 4, 30, 15))) {
            zip.add("b.txt", "второй".getBytes(StandardCharsets.UTF_8));
            zip.add("a.txt", out -> out.write("первый".getBytes(StandardCharsets.UTF_8)));
            zip.add("plans/x.xml", out -> {
                out.write("<x/>".getBytes(StandardCharsets.UTF_8));
                out.close(); // a writer closing its stream must not end the archive
            });
            return zip.finish();
        }
    }

    /** The DOS time and date of every header with the given signature (at the given offset in it). */
    private static List<Integer> dosTimes(byte[] zip, int signature, int offset) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(zip).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        List<Integer> values = new java.util.ArrayList<>();
        for (int at = 0; at + offset + 4 <= zip.length; at++) {
            if (buffer.getInt(at) == signature) {
                values.add(Short.toUnsignedInt(buffer.getShort(at + offset)));
                values.add(Short.toUnsignedInt(buffer.getShort(at + offset + 2)));
            }
        }
        return values;
    }

    @Test
    void theSameContentGivesTheSameBytesWithFixedTimesAndNoExtraFields() throws Exception {
        byte[] first = build();
        assertArrayEquals(first, build());
        // wall-clock time must not leak in: every local and central header carries the fixed time
        int expectedTime = (4 << 11) | (30 << 5) | (14 / 2);
        int expectedDate = ((2024 - 1980) << 9) | (12 << 5) | 20;
        assertEquals(List.of(expectedTime, expectedDate, expectedTime, expectedDate, expectedTime, expectedDate),
                dosTimes(first, 0x04034b50, 10), "local headers");
        assertEquals(List.of(expectedTime, expectedDate, expectedTime, expectedDate, expectedTime, expectedDate),
                dosTimes(first, 0x02014b50, 12), "central directory");
        ZipContents zip = ZipContents.read(first);
        assertEquals(List.of("b.txt", "a.txt", "plans/x.xml"), zip.names(), "order of adding");
        assertEquals("первый", zip.text("a.txt"));
        assertEquals("<x/>", zip.text("plans/x.xml"));
        for (ZipEntry entry : zip.entries()) {
            assertEquals(LocalDateTime.of(2024, 12, 20, 4, 30, 14), entry.getTimeLocal(), "DOS time has 2-second steps");
            assertNull(entry.getExtra());
        }
    }
}
