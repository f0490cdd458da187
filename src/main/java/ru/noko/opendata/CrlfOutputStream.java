package ru.noko.opendata;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns LF line ends into CRLF, as RFC 4180 wants (PostgreSQL's COPY writes LF). Safe on UTF-8:
 * the byte 0x0A never occurs inside a multi-byte character.
 */
final class CrlfOutputStream extends FilterOutputStream {

    private final byte[] buffer = new byte[128 * 1024];
    private int size;
    private int previous = -1;

    CrlfOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (b == '\n' && previous != '\r') {
            put('\r');
        }
        put(b);
        previous = b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public void flush() throws IOException {
        out.write(buffer, 0, size);
        size = 0;
        out.flush();
    }

    private void put(int b) throws IOException {
        if (size == buffer.length) {
            out.write(buffer, 0, size);
            size = 0;
        }
        buffer[size++] = (byte) b;
    }
}
