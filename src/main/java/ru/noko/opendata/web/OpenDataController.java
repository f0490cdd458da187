package ru.noko.opendata.web;

import ru.noko.opendata.Dataset;
import ru.noko.opendata.DatasetCatalog;
import ru.noko.opendata.DatasetFiles;
import ru.noko.opendata.Edition;
import ru.noko.opendata.Editions;
import ru.noko.opendata.Passport;
import ru.noko.opendata.Passports;
import ru.noko.opendata.PublicUrls;
import ru.noko.opendata.PublisherPlaceholders;
import ru.noko.opendata.ReleaseRepository;
import ru.noko.opendata.Structure;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.server.types.files.FileCustomizableResponseType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import ru.noko.api.OpendataApi;
import ru.noko.api.model.DatasetPassport;
import ru.noko.platform.csv.CsvDialect;
import ru.noko.platform.csv.CsvWriter;
import ru.noko.platform.web.ApiProblemException;
import ru.noko.platform.web.EntityTags;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class OpenDataController implements OpendataApi {

    private static final MediaType CSV = MediaType.of("text/csv; charset=utf-8");
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final long IMMUTABLE_SECONDS = 31_536_000;
    static final String REVALIDATE = "public, max-age=300, stale-while-revalidate=3600, stale-if-error=86400";
    private static final long REVALIDATE_SECONDS = 300;
    /** The latest URLs move with each new version: caches keep them briefly. */
    private static final String LATEST = "public, max-age=60";
    /** Registry and passports also carry the settings (publisher), which change only with a restart. */
    private static final Instant STARTED = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final DatasetCatalog catalog;
    private final Passports passports;
    private final DatasetFiles files;
    private final ReleaseRepository releases;
    private final Editions editions;
    private final PublicUrls urls;
    private final PublisherPlaceholders placeholders;

    OpenDataController(DatasetCatalog catalog, Passports passports, DatasetFiles files, ReleaseRepository releases,
                       Editions editions, PublicUrls urls, PublisherPlaceholders placeholders) {
        this.catalog = catalog;
        this.passports = passports;
        this.files = files;
        this.releases = releases;
        this.editions = editions;
        this.urls = urls;
        this.placeholders = placeholders;
    }

    @Override
    public HttpResponse<FileCustomizableResponseType> getOpenDataRegistry() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("property", "title", "value", "format"));
        rows.add(List.of("standardversion", "Версия методических рекомендаций", Passport.STANDARD_VERSION, ""));
        for (Dataset dataset : catalog.all()) {
            String identifier = catalog.identifier(dataset);
            rows.add(List.of(identifier, dataset.title(), urls.folder(identifier) + "meta.csv", "csv"));
        }
        List<String> flagged = placeholders.flagged();
        if (!flagged.isEmpty()) {
            // last, so that readers of the standard's rows meet it after every dataset
            rows.add(List.of("warning", "Внимание: реквизиты публикатора в паспортах — заглушки, а не данные "
                    + "ответственного за открытые данные; исправьте их в настройках перед размещением на портале",
                    String.join(" ", flagged), ""));
        }
        Instant changed = releases.latestAt().map(OffsetDateTime::toInstant).filter(STARTED::isBefore).orElse(STARTED);
        return csv(rows, "list.csv", REVALIDATE, REVALIDATE_SECONDS, changed, null);
    }

    @Override
    public HttpResponse<FileCustomizableResponseType> getDatasetPassport(String identifier) {
        Dataset dataset = dataset(identifier);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("property", "value"));
        passports.passport(dataset).rows().forEach(e -> rows.add(List.of(e.getKey(), e.getValue())));
        return csv(rows, "meta.csv", REVALIDATE, REVALIDATE_SECONDS, changed(dataset), describedBy(identifier));
    }

    @Override
    public HttpResponse<DatasetPassport> getDatasetPassportJson(String identifier) {
        Passport passport = passports.passport(dataset(identifier));
        return HttpResponse.ok(PassportJson.of(passport)).header(HttpHeaders.CACHE_CONTROL, REVALIDATE);
    }

    @Override
    public HttpResponse<Map<String, Object>> getDatasetPackage(String identifier) {
        return HttpResponse.ok(passports.dataPackage(dataset(identifier)))
                .header(HttpHeaders.CACHE_CONTROL, REVALIDATE);
    }

    @Override
    public HttpResponse<FileCustomizableResponseType> getDatasetChecksums(String identifier) {
        Dataset dataset = dataset(identifier);
        StringBuilder lines = new StringBuilder();
        for (Edition edition : editions.current(dataset)) {
            lines.append(files.fingerprint(dataset, edition).sha256()).append("  ")
                    .append(Passports.dataFileName(edition, dataset)).append('\n');
        }
        byte[] body = lines.toString().getBytes(StandardCharsets.UTF_8);
        StreamedFile file = new StreamedFile(new ByteArrayInputStream(body), MediaType.TEXT_PLAIN_TYPE,
                changed(dataset).toEpochMilli(), body.length);
        return expiring(HttpResponse.<FileCustomizableResponseType>ok(file)
                .contentType(MediaType.of("text/plain; charset=utf-8"))
                .header(HttpHeaders.CACHE_CONTROL, REVALIDATE), REVALIDATE_SECONDS);
    }

    @Override
    public HttpResponse<FileCustomizableResponseType> getDatasetStructure(String identifier, String structure) {
        Structure found = dataset(identifier).structure(structure).orElseThrow(() ->
                ApiProblemException.notFound("Dataset " + identifier + " has no structure version " + structure));
        Instant dated = LocalDate.parse(found.version(), DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
        return csv(Passports.structure(found), Passports.structureFileName(found), IMMUTABLE, IMMUTABLE_SECONDS, dated,
                describedBy(identifier));
    }

    @Override
    public HttpResponse<Void> getDatasetDataLatest(String identifier) {
        Dataset dataset = dataset(identifier);
        Edition latest = passports.latest(dataset).orElseThrow(() ->
                ApiProblemException.notFound("Dataset " + identifier + " has no data version yet"));
        return latest(urls.folder(identifier) + Passports.dataFileName(latest, dataset));
    }

    @Override
    public HttpResponse<Void> getDatasetStructureLatest(String identifier) {
        Dataset dataset = dataset(identifier);
        Structure structure = passports.latest(dataset).map(e -> dataset.structureOf(e.release())).orElse(dataset.structure());
        return latest(urls.folder(identifier) + Passports.structureFileName(structure));
    }

    private static HttpResponse<Void> latest(String location) {
        return HttpResponse.<Void>status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, location)
                .header(HttpHeaders.CACHE_CONTROL, LATEST);
    }

    @Override
    public HttpResponse<FileCustomizableResponseType> getDatasetData(String identifier, String version, String structure) {
        Dataset dataset = dataset(identifier);
        // YYYYMMDDTHHMMSS is edition 1, YYYYMMDDTHHMMSS-N edition N ≥ 2 (the contract checked the digits)
        int dash = version.indexOf('-');
        String releaseVersion = dash < 0 ? version : version.substring(0, dash);
        int asked = dash < 0 ? 1 : Integer.parseInt(version.substring(dash + 1));
        boolean canonical = dash < 0 || (asked >= 2 && version.charAt(dash + 1) != '0');
        Edition edition = releases.byVersion(releaseVersion)
                .filter(r -> canonical && dataset.structureOf(r).version().equals(structure))
                .flatMap(r -> editions.current(dataset).stream().filter(e -> e.release().id() == r.id()).findFirst())
                .filter(e -> asked <= e.number())
                .orElseThrow(() -> ApiProblemException.notFound(
                        "Dataset " + identifier + " has no data version " + version + " with structure " + structure));
        if (asked < edition.number()) {
            throw new VersionWithdrawn(edition.withdrawalOf(asked),
                    urls.folder(identifier) + Passports.dataFileName(edition, dataset));
        }
        DatasetFiles.Fingerprint fingerprint = files.fingerprint(dataset, edition);
        String etag = "\"" + fingerprint.sha256() + "\"";
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElseThrow();
        if (EntityTags.notModified(request, etag)) {
            return HttpResponse.<FileCustomizableResponseType>notModified()
                    .header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
        }
        String fileName = Passports.dataFileName(edition, dataset);
        StreamedFile file = new StreamedFile(files.open(dataset, edition, fingerprint), CSV, edition.madeAt().toInstant().toEpochMilli(),
                fingerprint.bytes()).attach(fileName);
        return expiring(HttpResponse.<FileCustomizableResponseType>ok(file), IMMUTABLE_SECONDS)
                .contentType(CSV)
                .header(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
                .header(HttpHeaders.ETAG, etag)
                .header("X-Checksum-SHA256", fingerprint.sha256())
                .header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(fingerprint.sha256())))
                .header(HttpHeaders.LINK, describedBy(identifier));
    }

    private Dataset dataset(String identifier) {
        return catalog.byIdentifier(identifier)
                .orElseThrow(() -> ApiProblemException.notFound("No dataset " + identifier + "; see /opendata/list.csv"));
    }

    private String describedBy(String identifier) {
        return "<" + urls.folder(identifier) + "datapackage.json>; rel=\"describedby\"; type=\"application/json\"";
    }

    /** Changes of the dataset's files, or of the settings its passport carries. */
    private Instant changed(Dataset dataset) {
        return passports.lastChanged(dataset).filter(STARTED::isBefore).orElse(STARTED);
    }

    /**
     * An Expires that says what Cache-Control says. Without it the file writer would add one of its
     * own (the server's file cache seconds), contradicting the max-age.
     */
    private static <T> MutableHttpResponse<T> expiring(MutableHttpResponse<T> response, long maxAgeSeconds) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        return response.header(HttpHeaders.DATE, DateTimeFormatter.RFC_1123_DATE_TIME.format(now))
                .header(HttpHeaders.EXPIRES, DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(maxAgeSeconds)));
    }

    private static MutableHttpResponse<FileCustomizableResponseType> csv(List<List<String>> rows, String fileName,
                                                                        String cacheControl, long maxAgeSeconds,
                                                                        Instant lastModified, String link) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(bytes, CsvDialect.RFC4180)) {
            rows.forEach(csv::verbatimRow);
        }
        byte[] body = bytes.toByteArray();
        StreamedFile file = new StreamedFile(new ByteArrayInputStream(body), CSV, lastModified.toEpochMilli(), body.length)
                .attach(fileName);
        MutableHttpResponse<FileCustomizableResponseType> response = expiring(HttpResponse.<FileCustomizableResponseType>ok(file)
                .contentType(CSV)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl), maxAgeSeconds);
        return link == null ? response : response.header(HttpHeaders.LINK, link);
    }
}
