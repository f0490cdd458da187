package ru.noko.platform.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.core.propagation.PropagatedContextElement;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.noko.platform.csv.CsvDialect;
import ru.noko.platform.csv.CsvWriter;
import ru.noko.platform.xlsx.CellKind;
import ru.noko.platform.xlsx.XlsxWriter;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * CSV and XLSX answers of list endpoints, one mechanism for all: small tables already in memory are
 * rendered at once as CSV (and then cached like JSON), large ones are streamed from the database
 * while they are read, through a server-side cursor on a blocking thread, in constant memory.
 * XLSX is always streamed (never cached): its zip is written when the last row is in.
 *
 * <p>{@code headers=ru} gives CSV the Russian column names instead of the codes; {@code round=2}
 * rounds scores as the methodology rounds them ({@link ScoreRounding}).
 */
@Singleton
public class TableResponses {

    /** A table read row by row, e.g. from a database cursor; calls {@code sink} once per row. */
    @FunctionalInterface
    public interface RowSource<R> {
        void forEach(Consumer<R> sink);
    }

    public static final MediaType TEXT_CSV = MediaType.of("text/csv; charset=utf-8");
    public static final MediaType XLSX = MediaType.of(Representation.XLSX_TYPE);
    private static final String SERVICE = "NOKO Open Data — открытые данные независимой оценки качества условий "
            + "осуществления образовательной деятельности";

    private static final Logger LOG = LoggerFactory.getLogger(TableResponses.class);

    private final ExecutorService executor;
    private final ScoreRounding rounding;
    private final PublicBaseUrl baseUrl;
    private final String license;

    public TableResponses(@Named(TaskExecutors.BLOCKING) ExecutorService executor, ScoreRounding rounding,
                          PublicBaseUrl baseUrl,
                          @Value("${noko.opendata.license:https://creativecommons.org/licenses/by/4.0/}") String license) {
        this.executor = executor;
        this.rounding = rounding;
        this.baseUrl = baseUrl;
        this.license = license;
    }

    /** How the client wants a table written: from {@code headers} and {@code round} of the current request. */
    private record Options(boolean russianHeaders, boolean rounded) {
        static Options current() {
            return ServerRequestContext.currentRequest().map(request -> new Options(
                    "ru".equals(request.getParameters().get("headers")),
                    "2".equals(request.getParameters().get("round")))).orElse(new Options(false, false));
        }
    }

    /**
     * A table in memory as the representation asked for (CSV or XLSX); {@code baseName} is the
     * file name without extension.
     */
    public <R> HttpResponse<?> table(String baseName, Columns<R> columns, List<R> rows,
                                     Representation representation, TableSource source) {
        if (representation == Representation.XLSX) {
            return xlsxStream(baseName, columns, rows::forEach, source);
        }
        return csv(baseName + ".csv", columns, rows, representation.dialect());
    }

    /** A table read row by row as the representation asked for (CSV or XLSX), streamed. */
    public <R> HttpResponse<?> tableStream(String baseName, Columns<R> columns, RowSource<R> rows,
                                           Representation representation, TableSource source) {
        if (representation == Representation.XLSX) {
            return xlsxStream(baseName, columns, rows, source);
        }
        return csvStream(baseName + ".csv", columns, rows, representation.dialect());
    }

    private <R> HttpResponse<InputStream> xlsxStream(String baseName, Columns<R> columns, RowSource<R> source,
                                                      TableSource about) {
        boolean rounded = Options.current().rounded();
        Map<String, String> notes = notes(about);
        String fileName = baseName + ".xlsx";
        StreamingBody body = new StreamingBody();
        outsideTransaction(() -> {
            XlsxWriter xlsx = new XlsxWriter(body.sink());
            try {
                xlsx.table("Данные", columns.headers(), columns.names(), columns.kinds());
                source.forEach(row -> xlsx.row(values(columns, row, rounded)));
                xlsx.notes("Источник", notes);
                xlsx.close();
            } catch (RuntimeException | Error e) {
                LOG.warn("XLSX stream {} failed: {}", fileName, e.toString());
                xlsx.discard();
                body.fail(e);
            }
        });
        return HttpResponse.<InputStream>ok(body)
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName));
    }

    private Map<String, String> notes(TableSource about) {
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("Источник", SERVICE);
        notes.put("Сервис", baseUrl.current());
        ServerRequestContext.currentRequest().map(HttpRequest::getUri)
                .ifPresent(uri -> notes.put("Запрос", baseUrl.current() + uri));
        notes.putAll(about.lines());
        notes.put("Лицензия", "Creative Commons «С указанием авторства» 4.0 (CC BY 4.0), " + license);
        notes.put("Выгружено", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString());
        notes.put("Столбцы", "первая строка — названия, вторая — коды столбцов, как в JSON и CSV");
        return notes;
    }

    private <R> List<?> values(Columns<R> columns, R row, boolean rounded) {
        List<Object> values = columns.values(row);
        if (!rounded) {
            return values;
        }
        List<CellKind> kinds = columns.kinds();
        List<Object> result = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            result.add(kinds.get(i) == CellKind.SCORE && value instanceof Number number
                    && !Double.isNaN(number.doubleValue()) ? rounding.rounded(number.doubleValue()) : value);
        }
        return result;
    }

    private static <R> List<String> header(Columns<R> columns, Options options) {
        return options.russianHeaders() ? columns.headers() : columns.names();
    }

    /** A table in memory as a CSV response. */
    public <R> HttpResponse<byte[]> csv(String fileName, Columns<R> columns, List<R> rows, CsvDialect dialect) {
        Options options = Options.current();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + rows.size() * 128);
        try (CsvWriter csv = new CsvWriter(bytes, dialect)) {
            csv.row(header(columns, options));
            rows.forEach(row -> csv.row(values(columns, row, options.rounded())));
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
        Options options = Options.current();
        StreamingBody body = new StreamingBody();
        outsideTransaction(() -> {
            try {
                CsvWriter csv = new CsvWriter(body.sink(), dialect);
                csv.row(header(columns, options));
                source.forEach(row -> csv.row(values(columns, row, options.rounded())));
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

    /**
     * Runs a stream's writer, which outlives the request's method and so its transaction (a
     * {@link PublicRead} snapshot): with the request's context but without its connection and
     * transaction, so the writer's reads open their own.
     */
    private void outsideTransaction(Runnable writer) {
        PropagatedContext context = PropagatedContext.getOrEmpty();
        for (PropagatedContextElement element : context.getAllElements()) {
            String type = element.getClass().getName();
            if (type.startsWith("io.micronaut.data.") || type.startsWith("io.micronaut.transaction.")) {
                context = context.minus(element);
            }
        }
        PropagatedContext outside = context;
        executor.execute(() -> {
            try (PropagatedContext.Scope ignored = outside.propagate()) {
                writer.run();
            }
        });
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
