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

    @Test
    void theSameContentGivesTheSameBytesWithFixedTimesAndNoExtraFields() throws Exception {
        byte[] first = build();
        Thread.sleep(2100); // across a DOS-time tick: wall-clock time must not leak in
        assertArrayEquals(first, build());
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
