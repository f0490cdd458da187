package ru.noko.campaigns.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** The upload files in a service's spool directory, for tests. */
final class SpoolFiles {

    private SpoolFiles() {
    }

    static List<Path> in(SpoolDirectory spool) {
        try (Stream<Path> listed = Files.list(spool.path())) {
            return listed.filter(p -> p.getFileName().toString().endsWith(".part")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A job deletes its file right after recording its end: waits (at most 30 s) for that. */
    static List<Path> afterJobsEnd(SpoolDirectory spool) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<Path> files = in(spool);
        while (!files.isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            files = in(spool);
        }
        return files;
    }
}
