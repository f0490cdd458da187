package ru.noko.campaigns.jobs;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The upload spool directory: private, its files private from creation, leftovers swept at start. */
class SpoolDirectoryTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
    }

    @Test
    void createsAPrivateDirectoryAndFilesThatArePrivateFromTheStart() throws IOException {
        Path spoolDir = dir.resolve("var/noko/spool");
        try (SpoolDirectory spool = new SpoolDirectory(spoolDir.toString())) {
            assertEquals("rwx------", permissions(spoolDir));
            SpoolFile file = spool.newFile();
            assertEquals("rw-------", permissions(file.path()), "private before a byte is written");
            assertEquals(4, file.write(new ByteArrayInputStream("a;b\n".getBytes(StandardCharsets.UTF_8))));
            assertEquals("rw-------", permissions(file.path()), "still private once written");
            file.close();
            assertFalse(Files.exists(file.path()), "a file no job took over is deleted when closed");

            SpoolFile handedOver = spool.newFile();
            handedOver.handOver();
            handedOver.close();
            assertTrue(Files.exists(handedOver.path()), "the job deletes a file it took over");
        }
    }

    @Test
    void tightensAnExistingDirectoryThatOthersCouldRead() throws IOException {
        Path spoolDir = Files.createDirectory(dir.resolve("spool"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(spoolDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (SpoolDirectory ignored = new SpoolDirectory(spoolDir.toString())) {
            assertEquals("rwx------", permissions(spoolDir));
        }
    }

    @Test
    void refusesToStartOnADirectoryOfAnotherUser() throws IOException {
        Path spoolDir = Files.createDirectory(dir.resolve("spool"));
        UserPrincipal nobody;
        try {
            nobody = spoolDir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(spoolDir, nobody);
        } catch (IOException e) {
            assumeTrue(false, "needs to run as root to give a directory away: " + e);
            return;
        }
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new SpoolDirectory(spoolDir.toString()));
        assertTrue(refused.getMessage().contains("belongs to nobody"), refused.getMessage());
        assertTrue(refused.getMessage().contains("NOKO_IMPORT_SPOOL_DIR"), refused.getMessage());
        assertEquals(List.of(), list(spoolDir), "nothing of the refused start is left behind");
    }

    @Test
    void aStartSweepsFilesNoRunningInstanceOwnsAndKeepsThoseOfRunningOnes() throws IOException {
        Path spoolDir = dir.resolve("spool");
        try (SpoolDirectory running = new SpoolDirectory(spoolDir.toString())) {
            Path live = running.newFile().path();
            Path oldFormat = Files.writeString(spoolDir.resolve("upload-1234567890.part"), "left by an older version");
            Path deadLock = Files.writeString(spoolDir.resolve("instance-0123456789ab.lock"), "");
            Path dead = Files.writeString(spoolDir.resolve("upload-0123456789ab-42.part"), "left by a killed instance");
            Path unrelated = Files.writeString(spoolDir.resolve("notes.txt"), "not a spool file");

            try (SpoolDirectory restarted = new SpoolDirectory(spoolDir.toString())) {
                assertFalse(Files.exists(oldFormat));
                assertFalse(Files.exists(dead));
                assertFalse(Files.exists(deadLock));
                assertTrue(Files.exists(live), "the upload of an instance that is still running is kept");
                assertTrue(Files.exists(unrelated), "only spool files are swept");
                Path own = restarted.newFile().path();
                assertTrue(Files.exists(own));
            }
            assertEquals(List.of(live.getFileName()), uploads(spoolDir).stream().map(Path::getFileName).toList(),
                    "an instance deletes its own files when it stops");
        }
        assertEquals(List.of(), uploads(spoolDir));
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<Path> uploads(Path spoolDir) throws IOException {
        return list(spoolDir).stream().filter(p -> p.getFileName().toString().endsWith(".part")).toList();
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}
