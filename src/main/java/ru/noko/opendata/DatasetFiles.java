package ru.noko.opendata;

import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.noko.platform.database.Sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** Data files of releases: their SHA-256 (computed once, then stored) and their bytes, streamed. */
@Singleton
public class DatasetFiles {

    private static final Logger LOG = LoggerFactory.getLogger(DatasetFiles.class);
    private static final int PIPE_BUFFER = 256 * 1024;

    /** Checksum and size of a data file. */
    public record Fingerprint(String sha256, long bytes) {
    }

    private final DatasetWriter writer;
    private final Sql sql;
    private final ExecutorService executor;

    public DatasetFiles(DatasetWriter writer, Sql sql, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.writer = writer;
        this.sql = sql;
        this.executor = executor;
    }

    @Transactional
    public Fingerprint fingerprint(Dataset dataset, Edition edition) {
        long release = edition.release().id();
        return sql.one("SELECT sha256, bytes FROM opendata_file WHERE release_id = ? AND dataset = ? AND edition = ?",
                List.of(release, dataset.code(), edition.number()), row -> new Fingerprint(row.getString(1), row.getLong(2)))
                .orElseGet(() -> {
                    Fingerprint computed = compute(dataset, edition);
                    sql.update("""
                            INSERT INTO opendata_file (release_id, dataset, edition, sha256, bytes) VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT DO NOTHING""",
                            List.of(release, dataset.code(), edition.number(), computed.sha256(), computed.bytes()));
                    return computed;
                });
    }

    /** The file as a stream the HTTP layer reads while a background task writes it from a cursor. */
    public InputStream open(Dataset dataset, Edition edition) {
        try {
            PipedInputStream in = new PipedInputStream(PIPE_BUFFER);
            PipedOutputStream out = new PipedOutputStream(in);
            executor.submit(() -> {
                try (out) {
                    writer.write(dataset, edition, out);
                } catch (Exception e) {
                    // the client sees a truncated body; the checksum header lets it notice
                    LOG.warn("Streaming {} of version {} stopped: {}", dataset.code(), edition.version(), e.toString());
                }
            });
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Fingerprint compute(Dataset dataset, Edition edition) {
        MessageDigest sha256 = sha256();
        CountingStream counter = new CountingStream();
        writer.write(dataset, edition, new DigestOutputStream(counter, sha256));
        return new Fingerprint(HexFormat.of().formatHex(sha256.digest()), counter.count);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class CountingStream extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
