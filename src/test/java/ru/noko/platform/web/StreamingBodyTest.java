package ru.noko.platform.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamingBodyTest {

    @Test
    void carriesEveryByteFromTheProducerToTheReader() throws Exception {
        StreamingBody body = new StreamingBody();
        byte[] expected = new byte[1_000_003];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (i * 31);
        }
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = body.sink()) {
                for (int i = 0; i < expected.length; i += 1000) {
                    out.write(expected, i, Math.min(1000, expected.length - i));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertArrayEquals(expected, body.readAllBytes());
        producer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aFailureReachesTheReaderInsteadOfATruncatedEnd() throws Exception {
        StreamingBody body = new StreamingBody();
        OutputStream sink = body.sink();
        sink.write("header\r\n".getBytes());
        sink.flush();
        body.fail(new IllegalStateException("database gone"));
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[64];
        IOException failure = assertThrows(IOException.class, () -> {
            int n;
            while ((n = body.read(buffer)) >= 0) {
                read.write(buffer, 0, n);
            }
        });
        assertEquals("header\r\n", read.toString());
        assertInstanceOf(IllegalStateException.class, failure.getCause());
    }

    @Test
    void aReaderThatGoesAwayStopsTheProducer() throws Exception {
        StreamingBody body = new StreamingBody();
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = body.sink()) {
                byte[] chunk = new byte[8192];
                while (true) {
                    out.write(chunk);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        InputStream in = body;
        assertTrue(in.read(new byte[10]) > 0);
        in.close();
        ExecutionException stopped = assertThrows(ExecutionException.class, () -> producer.get(10, TimeUnit.SECONDS));
        assertTrue(stopped.getCause().getMessage().contains("closed"), stopped.getCause().toString());
    }
}
