package ru.noko.opendata;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import ru.noko.platform.database.Sql;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Data files in the database (checksum, size, gzip bytes in chunks) and their making: a file is
 * rendered once into this node's directory, then stored in the transaction that made its version.
 */
@Singleton
class FileStore {

    /** Compressed bytes per row: one statement never carries a whole dump, memory stays flat. */
    private static final int CHUNK = 1024 * 1024;

    /** A stored file: its checksum and size, and its count of chunks of bytes (null: not stored, made before V24). */
    record Stored(DatasetFiles.Fingerprint fingerprint, Integer chunks) {
        boolean hasBytes() {
            return chunks != null;
        }
    }

    /** A file rendered into a temporary file of this node's directory. */
    record Rendered(Path file, DatasetFiles.Fingerprint fingerprint) implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(file); // gone already once kept
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Sql sql;
    private final DatasetWriter writer;
    private final LocalFiles locals;

    FileStore(Sql sql, DatasetWriter writer, LocalFiles locals) {
        this.sql = sql;
        this.writer = writer;
        this.locals = locals;
    }

    @Transactional(readOnly = true)
    Optional<Stored> stored(Dataset dataset, Edition edition) {
        return sql.one("SELECT sha256, bytes, chunks FROM opendata_file WHERE release_id = ? AND dataset = ? AND edition = ?",
                key(dataset, edition), row -> new Stored(new DatasetFiles.Fingerprint(row.getString(1), row.getLong(2)),
                        (Integer) row.getObject(3)));
    }

    /**
     * The file with its bytes stored: made now if it is not (a file of a release older than V24 is
     * rendered from its frozen release on its first request: rendering needs the service's writers,
     * which a SQL migration does not have). One node makes it; the others wait and find it made.
     * The node that made it keeps its copy.
     */
    @Transactional
    DatasetFiles.Fingerprint ensure(Dataset dataset, Edition edition) {
        sql.one("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
                List.of("opendata_file:" + edition.release().id() + ":" + dataset.code() + ":" + edition.number()),
                row -> row.getObject(1));
        Optional<Stored> stored = stored(dataset, edition);
        if (stored.isPresent() && stored.get().hasBytes()) {
            return stored.get().fingerprint();
        }
        try (Rendered rendered = render(dataset, edition)) {
            if (stored.isPresent() && !stored.get().fingerprint().equals(rendered.fingerprint())) {
                throw new IllegalStateException("Version " + edition.version() + " of " + dataset.code()
                        + " renders as other bytes than its stored checksum " + stored.get().fingerprint());
            }
            save(dataset, edition, rendered, stored.isEmpty());
            return rendered.fingerprint();
        }
    }

    /** Writes the file into a temporary file of this node's directory, with its checksum. */
    Rendered render(Dataset dataset, Edition edition) {
        Path file = locals.temporary();
        MessageDigest sha256 = sha256();
        long size;
        try (OutputStream out = Files.newOutputStream(file)) {
            CountingStream counted = new CountingStream(new BufferedOutputStream(out, 64 * 1024));
            writer.write(dataset, edition, new DigestOutputStream(counted, sha256));
            counted.flush();
            size = counted.count;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        return new Rendered(file, new DatasetFiles.Fingerprint(HexFormat.of().formatHex(sha256.digest()), size));
    }

    /**
     * Stores the rendered file's checksum and bytes in the running transaction, then keeps it as
     * this node's copy (a name that always holds these bytes, so a rollback leaves nothing wrong).
     */
    void save(Dataset dataset, Edition edition, Rendered rendered, boolean newRow) {
        List<Object> key = key(dataset, edition);
        if (newRow) {
            sql.update("INSERT INTO opendata_file (release_id, dataset, edition, sha256, bytes) VALUES (?, ?, ?, ?, ?)",
                    List.of(key.get(0), key.get(1), key.get(2), rendered.fingerprint().sha256(), rendered.fingerprint().bytes()));
        }
        ChunkWriter chunks = new ChunkWriter(key);
        try (InputStream in = Files.newInputStream(rendered.file());
             GZIPOutputStream gzip = new FastGzip(chunks)) {
            in.transferTo(gzip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sql.update("UPDATE opendata_file SET chunks = ? WHERE release_id = ? AND dataset = ? AND edition = ?",
                List.of(chunks.count, key.get(0), key.get(1), key.get(2)));
        locals.keep(rendered.file(), rendered.fingerprint().sha256());
    }

    /** Copies the stored bytes into this node's directory; empty when they are not stored yet. */
    @Transactional(readOnly = true)
    Optional<Path> fetch(Dataset dataset, Edition edition) {
        List<Object> key = key(dataset, edition);
        Optional<Stored> stored = stored(dataset, edition).filter(Stored::hasBytes);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        sql.allowLongStatements();
        int count = stored.get().chunks();
        Path compressed = locals.temporary();
        Path file = locals.temporary();
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(compressed), 64 * 1024)) {
                for (int seq = 0; seq < count; seq++) {
                    List<Object> chunk = List.of(key.get(0), key.get(1), key.get(2), seq);
                    out.write(sql.one("SELECT data FROM opendata_file_chunk WHERE release_id = ? AND dataset = ? "
                            + "AND edition = ? AND seq = ?", chunk, row -> row.getBytes(1)).orElseThrow());
                }
            }
            MessageDigest sha256 = sha256();
            long size;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(compressed), 64 * 1024);
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
                size = in.transferTo(out);
            }
            DatasetFiles.Fingerprint got = new DatasetFiles.Fingerprint(HexFormat.of().formatHex(sha256.digest()), size);
            if (!got.equals(stored.get().fingerprint())) {
                throw new IllegalStateException("Stored bytes of version " + edition.version() + " of " + dataset.code()
                        + " are " + got + ", not " + stored.get().fingerprint());
            }
            return Optional.of(locals.keep(file, got.sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(compressed);
            deleteQuietly(file);
        }
    }

    private static List<Object> key(Dataset dataset, Edition edition) {
        return List.of(edition.release().id(), dataset.code(), edition.number());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is only disk space
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inserts the compressed bytes as rows of {@value #CHUNK} bytes. */
    private final class ChunkWriter extends OutputStream {
        private final List<Object> key;
        private final byte[] buffer = new byte[CHUNK];
        private int filled;
        private int count;

        ChunkWriter(List<Object> key) {
            this.key = key;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                int n = Math.min(len, CHUNK - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
                if (filled == CHUNK) {
                    insert();
                }
            }
        }

        @Override
        public void close() {
            if (filled > 0) {
                insert();
            }
        }

        private void insert() {
            sql.update("INSERT INTO opendata_file_chunk (release_id, dataset, edition, seq, data) VALUES (?, ?, ?, ?, ?)",
                    List.of(key.get(0), key.get(1), key.get(2), count, Arrays.copyOf(buffer, filled)));
            count++;
            filled = 0;
        }
    }

    /** The fastest level: CSV still shrinks several times, and the publish waits less for it. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }

    private static final class CountingStream extends java.io.FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
