package ru.noko.campaigns.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An upload body spooled to a private file of the {@link SpoolDirectory}. Closing it deletes the
 * file unless an import job has taken it over (the job deletes it when it ends), so every way out
 * of a request that does not queue a job (refused, invalid, too large, disconnected, failed)
 * leaves nothing behind.
 */
public final class SpoolFile implements AutoCloseable {

    private final Path path;
    private volatile boolean handedOver;

    SpoolFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /**
     * Copies the body into the file, which keeps the owner-only permissions it was created with.
     *
     * @return the number of bytes written
     */
    public long write(InputStream body) throws IOException {
        try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            return body.transferTo(out);
        }
    }

    /** From now on the job that reads the file deletes it. */
    void handOver() {
        handedOver = true;
    }

    @Override
    public void close() {
        if (!handedOver) {
            SpoolDirectory.delete(path);
        }
    }
}
