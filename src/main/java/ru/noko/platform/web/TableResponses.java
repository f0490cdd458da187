package ru.noko.platform.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.noko.platform.csv.CsvDialect;
import ru.noko.platform.csv.CsvWriter;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * CSV answers of list endpoints, one mechanism for all: small tables already in memory are
 * rendered at once (and then cached like JSON), large ones are streamed from the database while
 * they are read, through a server-side cursor on a blocking thread, in constant memory.
 */
@Singleton
public class TableResponses {

    /** A table read row by row, e.g. from a database cursor; calls {@code sink} once per row. */
    @FunctionalInterface
    public interface RowSource<R> {
        void forEach(Consumer<R> sink);
    }

    public static final MediaType TEXT_CSV = MediaType.of("text/csv; charset=utf-8");

    private static final Logger LOG = LoggerFactory.getLogger(TableResponses.class);

    private final ExecutorService executor;

    public TableResponses(@Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.executor = executor;
    }

    /** A table in memory as a CSV response. */
    public <R> HttpResponse<byte[]> csv(String fileName, Columns<R> columns, List<R> rows, CsvDialect dialect) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + rows.size() * 128);
        try (CsvWriter csv = new CsvWriter(bytes, dialect)) {
            csv.row(columns.names());
            rows.forEach(row -> csv.row(columns.values(row)));
        }
        return HttpResponse.ok(bytes.toByteArray())
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName));
    }

    /**
     * A table streamed as CSV while {@code source} produces it on a blocking thread. The source
     * runs its own read transaction; a failure half-way aborts the response rather than ending it
     * as if the table were complete. The body is a plain {@link InputStream} (chunked, read on the
     * I/O executor): unlike {@code StreamedFile} it gets no file headers ({@code Expires},
     * {@code Last-Modified}) that would contradict the API's own caching headers.
     */
    public <R> HttpResponse<InputStream> csvStream(String fileName, Columns<R> columns, RowSource<R> source,
                                                    CsvDialect dialect) {
        StreamingBody body = new StreamingBody();
        executor.execute(() -> {
            try {
                CsvWriter csv = new CsvWriter(body.sink(), dialect);
                csv.row(columns.names());
                source.forEach(row -> csv.row(columns.values(row)));
                csv.close();
            } catch (RuntimeException | Error e) {
                LOG.warn("CSV stream {} failed: {}", fileName, e.toString());
                body.fail(e);
            }
        });
        return HttpResponse.<InputStream>ok(body)
                .contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName));
    }

    /** Generated operations declare the JSON model as their body; a CSV answer is another representation. */
    @SuppressWarnings("unchecked")
    public static <T> HttpResponse<T> as(HttpResponse<?> response) {
        return (HttpResponse<T>) response;
    }

    private static String disposition(String fileName) {
        String safe = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + safe + "\"";
    }
}
