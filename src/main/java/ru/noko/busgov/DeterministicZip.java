package ru.noko.busgov;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A ZIP whose bytes depend only on what is written: entries in the order they are added, every
 * entry with the same fixed local time (DOS format, no extended-timestamp extra field), no
 * comments, deflate at a fixed level.
 */
final class DeterministicZip implements AutoCloseable {

    /** Writes one entry's content into the stream it is given; the stream must not be closed. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final int BUFFER = 64 * 1024;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ZipOutputStream zip = new ZipOutputStream(bytes);
    private final LocalDateTime time;

    /** @param time the modification time of every entry (DOS time: 1980–2107, even seconds) */
    DeterministicZip(LocalDateTime time) {
        this.time = time;
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
    }

    DeterministicZip add(String name, Content content) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(time);
        try {
            zip.putNextEntry(entry);
            // writers emit a few bytes at a time; the deflater wants them in large pieces
            BufferedOutputStream buffered = new BufferedOutputStream(new FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            }, BUFFER);
            content.writeTo(buffered);
            buffered.flush();
            zip.closeEntry();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DeterministicZip add(String name, byte[] content) {
        return add(name, out -> out.write(content));
    }

    /** Finishes the archive and returns its bytes. */
    byte[] finish() {
        try {
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
