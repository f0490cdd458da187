package ru.noko.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body written by a producer thread and read by the server, through a small bounded
 * queue of chunks: memory stays flat whatever the size, and the producer waits while the client
 * is slow. Unlike a pipe, a failure of the producer reaches the reader as an {@link IOException}
 * (the server then aborts the response instead of sending a silently truncated table), and a
 * reader that goes away stops the producer.
 */
final class StreamingBody extends InputStream {

    private static final int CHUNK = 32 * 1024;
    private static final byte[] END = new byte[0];
    private static final long READ_TIMEOUT_MINUTES = 10;

    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(8);
    private volatile boolean closed;
    private byte[] current;
    private int position;

    /** Where the producer writes; {@link OutputStream#close()} ends the body. */
    OutputStream sink() {
        return new OutputStream() {
            private byte[] buffer = new byte[CHUNK];
            private int size;

            @Override
            public void write(int b) throws IOException {
                if (size == buffer.length) {
                    flushChunk();
                }
                buffer[size++] = (byte) b;
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                while (length > 0) {
                    if (size == buffer.length) {
                        flushChunk();
                    }
                    int n = Math.min(length, buffer.length - size);
                    System.arraycopy(bytes, offset, buffer, size, n);
                    size += n;
                    offset += n;
                    length -= n;
                }
            }

            @Override
            public void flush() throws IOException {
                if (size > 0) {
                    flushChunk();
                }
            }

            @Override
            public void close() throws IOException {
                flush();
                put(END);
            }

            private void flushChunk() throws IOException {
                put(buffer.length == size ? buffer : java.util.Arrays.copyOf(buffer, size));
                buffer = new byte[CHUNK];
                size = 0;
            }
        };
    }

    /** Ends the body with an error: the reader's next read throws. */
    void fail(Throwable cause) {
        try {
            put(cause);
        } catch (IOException ignored) {
            // the reader is gone already
        }
    }

    private void put(Object item) throws IOException {
        try {
            while (!chunks.offer(item, 200, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new IOException("The client closed the response");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while streaming");
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (current == null || position == current.length) {
            if (current == END) {
                return -1;
            }
            Object next;
            try {
                next = chunks.poll(READ_TIMEOUT_MINUTES, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while streaming");
            }
            if (next == null) {
                throw new IOException("The producer of the body stalled");
            }
            if (next instanceof Throwable failure) {
                throw new IOException("Could not produce the body", failure);
            }
            current = (byte[]) next;
            position = 0;
            if (current == END) {
                return -1;
            }
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, target, offset, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
        closed = true;
        chunks.clear();
    }
}
