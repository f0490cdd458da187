package ru.noko.busgov.web;

import ru.noko.busgov.BusGovExport;
import ru.noko.busgov.BusGovFounders;
import ru.noko.api.model.BusGovFounder;
import ru.noko.api.model.BusGovFounderInput;
import ru.noko.platform.security.Caller;
import ru.noko.busgov.BusGovExportException;
import ru.noko.busgov.BusGovOptions;
import ru.noko.busgov.BusGovSchema;
import ru.noko.busgov.PlanSettings;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.server.types.files.FileCustomizableResponseType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import ru.noko.api.BusgovApi;
import ru.noko.platform.csv.CsvDialect;
import ru.noko.platform.security.CurrentCaller;
import ru.noko.platform.web.ApiProblemException;
import ru.noko.platform.web.EntityTags;
import ru.noko.platform.web.FieldProblem;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code GET /api/v1/admin/campaigns/{id}/exports/busgov} (bearer token) and the public
 * {@code GET /busgov/results.xsd}.
 *
 * <p>Authentication of the admin route is declared by the contract (the generated interface carries
 * {@code @Secured(IS_AUTHENTICATED)}); the region scope of operator tokens is checked here: campaigns
 * of other regions answer 404 exactly like campaigns that do not exist.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class BusGovController implements BusgovApi {

    static final String NOT_PUBLISHED_TYPE = "/docs/problems#campaign-not-published";
    static final String RETRACTED_TYPE = "/docs/problems#campaign-retracted";
    static final String UNSUPPORTED_METHODOLOGY_TYPE = "/docs/problems#methodology-not-for-bus-gov";
    private static final MediaType ZIP = MediaType.of("application/zip");
    private static final MediaType XML = MediaType.of("application/xml; charset=utf-8");
    private static final String SCHEMA_CACHE = "public, max-age=86400, stale-while-revalidate=604800, stale-if-error=604800";

    private final BusGovExport exports;
    private final BusGovSchema schema;
    private final CurrentCaller caller;
    private final BusGovFounders founders;

    BusGovController(BusGovExport exports, BusGovSchema schema, CurrentCaller caller, BusGovFounders founders) {
        this.founders = founders;
        this.exports = exports;
        this.schema = schema;
        this.caller = caller;
    }

    @Override
    public HttpResponse<FileCustomizableResponseType> exportCampaignToBusGov(
            Long id, ru.noko.api.model.CsvDialect dialect, Double threshold, String socialCouncil, Integer planPeriod,
            String approvedBy, String approverLastName, String approverFirstName, String approverMiddleName,
            LocalDate approveDate, LocalDate planDate, String responsibleName, String responsiblePosition) {
        try {
            // another region's campaign gets the very 404 of an unknown one
            caller.requireRegion(exports.regionOf(id), () -> problem(BusGovExport.notFound(id)));
            PlanSettings plan = new PlanSettings(socialCouncil, planPeriod, approvedBy, approverLastName,
                    approverFirstName, approverMiddleName, approveDate, planDate, responsibleName, responsiblePosition);
            List<FieldProblem> problems = plan.invalid().stream()
                    .map(p -> FieldProblem.ofField(p.parameter(), null, "invalid_parameter", p.message()))
                    .toList();
            if (!problems.isEmpty()) {
                throw ApiProblemException.invalid("The request has " + problems.size() + " invalid parameter(s); see errors.",
                        problems);
            }
            BusGovOptions options = new BusGovOptions(
                    dialect == null ? CsvDialect.RFC4180 : CsvDialect.fromCode(dialect.getValue()),
                    threshold == null ? BusGovOptions.DEFAULT_THRESHOLD : threshold, plan);
            BusGovExport.Archive archive = exports.export(id, options);
            long lastModified = archive.publishedAt() == null ? 0 : archive.publishedAt().toInstant().toEpochMilli();
            StreamedFile file = new StreamedFile(new ByteArrayInputStream(archive.bytes()), ZIP, lastModified,
                    archive.bytes().length).attach(archive.fileName());
            return HttpResponse.<FileCustomizableResponseType>ok(file)
                    .contentType(ZIP)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header("X-Checksum-SHA256", sha256(archive.bytes()));
        } catch (BusGovExportException e) {
            throw problem(e);
        }
    }

    @Override
    public HttpResponse<BusGovFounder> getBusGovFounder(Long id) {
        inScope(id);
        BusGovFounders.Saved saved = founders.find(id).orElse(null);
        PlanSettings plan = saved == null ? PlanSettings.none() : saved.plan();
        return HttpResponse.ok(BusGovFounderMapper.model(id, saved, founders.missing(id, plan)));
    }

    @Override
    public HttpResponse<BusGovFounder> saveBusGovFounder(Long id, BusGovFounderInput input) {
        Caller who = inScope(id);
        PlanSettings plan = BusGovFounderMapper.plan(input);
        List<FieldProblem> problems = plan.invalid().stream()
                .map(p -> FieldProblem.ofField(p.parameter(), null, "invalid_parameter", p.message()))
                .toList();
        if (!problems.isEmpty()) {
            throw ApiProblemException.invalid("The founder's fields have " + problems.size() + " invalid value(s); see errors.",
                    problems);
        }
        BusGovFounders.Saved saved = founders.save(who, id, plan, input.getThreshold());
        return HttpResponse.ok(BusGovFounderMapper.model(id, saved, founders.missing(id, saved.plan())));
    }

    /** The caller, when the campaign is in its regions; another region's campaign gets the 404 of an unknown one. */
    private Caller inScope(long id) {
        try {
            return caller.requireRegion(exports.regionOf(id), () -> problem(BusGovExport.notFound(id)));
        } catch (BusGovExportException e) {
            throw problem(e);
        }
    }

    @Override
    public HttpResponse<String> getBusGovResultsSchema(String ifNoneMatch) {
        String etag = "\"" + schema.sha256() + "\"";
        if (EntityTags.matches(ifNoneMatch, etag)) {
            return HttpResponse.<String>notModified().header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, SCHEMA_CACHE);
        }
        return HttpResponse.ok(schema.text()).contentType(XML)
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, SCHEMA_CACHE);
    }

    static ApiProblemException problem(BusGovExportException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> ApiProblemException.notFound(e.getMessage());
            case NOT_PUBLISHED -> new ApiProblemException(HttpStatus.CONFLICT, NOT_PUBLISHED_TYPE,
                    "Campaign not published", e.getMessage(), List.of());
            case RETRACTED -> new ApiProblemException(HttpStatus.CONFLICT, RETRACTED_TYPE,
                    "Campaign retracted", e.getMessage(), List.of());
            case UNSUPPORTED_METHODOLOGY -> new ApiProblemException(HttpStatus.CONFLICT, UNSUPPORTED_METHODOLOGY_TYPE,
                    "Methodology not accepted by bus.gov.ru", e.getMessage(), List.of());
        };
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
