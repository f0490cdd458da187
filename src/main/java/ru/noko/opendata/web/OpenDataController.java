package ru.noko.opendata.web;

import ru.noko.opendata.Dataset;
import ru.noko.opendata.DatasetCatalog;
import ru.noko.opendata.DatasetFiles;
import ru.noko.opendata.Edition;
import ru.noko.opendata.Editions;
import ru.noko.opendata.Passport;
import ru.noko.opendata.Passports;
import ru.noko.opendata.PublicUrls;
import ru.noko.opendata.ReleaseRepository;
import ru.noko.opendata.Structure;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
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
    static final String REVALIDATE = "public, max-age=300, stale-while-revalidate=3600, stale-if-error=86400";

    private final DatasetCatalog catalog;
    private final Passports passports;
    private final DatasetFiles files;
    private final ReleaseRepository releases;
    private final Editions editions;
    private final PublicUrls urls;

    OpenDataController(DatasetCatalog catalog, Passports passports, DatasetFiles files, ReleaseRepository releases,
                       Editions editions, PublicUrls urls) {
        this.catalog = catalog;
        this.passports = passports;
        this.files = files;
        this.releases = releases;
        this.editions = editions;
        this.urls = urls;
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
        return csv(rows, "list.csv", REVALIDATE, null);
    }

    @Override
    public HttpResponse<FileCustomizableResponseType> getDatasetPassport(String identifier) {
        Dataset dataset = dataset(identifier);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("property", "value"));
        passports.passport(dataset).rows().forEach(e -> rows.add(List.of(e.getKey(), e.getValue())));
        return csv(rows, "meta.csv", REVALIDATE, describedBy(identifier));
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
        StreamedFile file = new StreamedFile(new ByteArrayInputStream(body), MediaType.TEXT_PLAIN_TYPE, 0, body.length);
        return HttpResponse.<FileCustomizableResponseType>ok(file)
                .contentType(MediaType.of("text/plain; charset=utf-8"))
                .header(HttpHeaders.CACHE_CONTROL, REVALIDATE);
    }

    @Override
    public HttpResponse<FileCustomizableResponseType> getDatasetStructure(String identifier, String structure) {
        Structure found = dataset(identifier).structure(structure).orElseThrow(() ->
                ApiProblemException.notFound("Dataset " + identifier + " has no structure version " + structure));
        return csv(Passports.structure(found), Passports.structureFileName(found), IMMUTABLE, describedBy(identifier));
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
        if (etag.equals(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH))) {
            return HttpResponse.<FileCustomizableResponseType>notModified()
                    .header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
        }
        String fileName = Passports.dataFileName(edition, dataset);
        StreamedFile file = new StreamedFile(files.open(dataset, edition), CSV, edition.release().createdAt().toInstant().toEpochMilli(),
                fingerprint.bytes()).attach(fileName);
        return HttpResponse.<FileCustomizableResponseType>ok(file)
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

    private static MutableHttpResponse<FileCustomizableResponseType> csv(List<List<String>> rows, String fileName,
                                                                        String cacheControl, String link) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(bytes, CsvDialect.RFC4180)) {
            rows.forEach(csv::verbatimRow);
        }
        byte[] body = bytes.toByteArray();
        StreamedFile file = new StreamedFile(new ByteArrayInputStream(body), CSV, 0, body.length).attach(fileName);
        MutableHttpResponse<FileCustomizableResponseType> response = HttpResponse.<FileCustomizableResponseType>ok(file)
                .contentType(CSV)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl);
        return link == null ? response : response.header(HttpHeaders.LINK, link);
    }
}
