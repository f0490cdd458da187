package ru.noko.campaigns.upload;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class PrefetchingUploadTableTest {

    /** Yields {@code rows} rows, then throws {@code failure} on the thread that reads it. */
    private static final class FailingTable implements UploadTable {
        private final int rows;
        private final Error failure;
        final AtomicReference<Thread> readBy = new AtomicReference<>();
        private int read;

        FailingTable(int rows, Error failure) {
            this.rows = rows;
            this.failure = failure;
        }

        @Override
        public SourceRow next() {
            readBy.set(Thread.currentThread());
            if (read == rows) {
                throw failure;
            }
            read++;
            return new SourceRow(read + 1, Map.of("inn", String.valueOf(read)));
        }

        @Override
        public String format() {
            return "csv";
        }

        @Override
        public List<Column> columns() {
            return List.of(new Column("inn", "inn", 1));
        }

        @Override
        public void close() {
        }
    }

    @Test
    void anErrorOnTheReaderThreadReachesTheConsumerAfterTheRowsBeforeIt() {
        OutOfMemoryError failure = new OutOfMemoryError("injected");
        FailingTable source = new FailingTable(1024, failure);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (PrefetchingUploadTable table = new PrefetchingUploadTable(source)) {
                for (int i = 1; i <= 1024; i++) {
                    assertEquals(String.valueOf(i), table.next().get("inn"));
                }
                PrefetchingUploadTable.ReaderFailed thrown = assertThrows(PrefetchingUploadTable.ReaderFailed.class, table::next);
                assertSame(failure, thrown.getCause());
                assertEquals(null, table.next(), "the table has ended");
            }
        }, "the consumer waited for rows that never came");
        assertEquals("upload-reader", source.readBy.get().getName(), "the error was thrown on the reader thread");
        assertFalse(source.readBy.get().isAlive());
    }
}
