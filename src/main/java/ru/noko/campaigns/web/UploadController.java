package ru.noko.campaigns.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import ru.noko.api.model.ImportJob;
import ru.noko.campaigns.Campaign;
import ru.noko.campaigns.CampaignAdmin;
import ru.noko.campaigns.jobs.SpoolFile;
import ru.noko.campaigns.jobs.Uploads;
import ru.noko.campaigns.upload.InputLevel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * {@code POST /api/v1/admin/campaigns/{id}/uploads}, written by hand because the file must arrive
 * as raw bytes (its encoding is detected, not assumed) and be streamed to disk, which the
 * generated interface (AdminUploadsApi, which this class does not extend) cannot express. The
 * contract in openapi.yaml describes this route exactly; the contract tests check its answers.
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class UploadController {

    private final CampaignAdmin admin;
    private final Uploads uploads;
    private final AdminMapper mapper;
    private final ru.noko.platform.security.CurrentCaller caller;

    UploadController(CampaignAdmin admin, Uploads uploads, AdminMapper mapper, ru.noko.platform.security.CurrentCaller caller) {
        this.admin = admin;
        this.uploads = uploads;
        this.mapper = mapper;
        this.caller = caller;
    }

    @Post(uri = "/api/v1/admin/campaigns/{id}/uploads", consumes = {"text/csv", MediaType.APPLICATION_JSON},
            produces = {MediaType.APPLICATION_JSON, "application/problem+json"})
    HttpResponse<ImportJob> upload(@PathVariable long id, @Nullable @QueryValue String level,
                                   @Nullable @QueryValue("dry_run") Boolean dryRun,
                                   @Nullable @QueryValue("source_name") String sourceName,
                                   HttpRequest<?> request, @Body InputStream body) {
        var who = caller.get();
        Campaign campaign = admin.visible(who, id);
        // the parameters were checked against the contract before the request got here
        InputLevel inputLevel = level == null ? null : InputLevel.fromCode(level).orElseThrow();
        String format = request.getContentType().map(MediaType::getSubtype).orElse("csv").equals("json") ? "json" : "csv";
        // closing deletes the file unless the job took it over: a refused, invalid, too large or
        // broken-off upload leaves nothing behind
        try (SpoolFile file = uploads.newSpoolFile()) {
            long bytes = spool(body, file);
            ru.noko.campaigns.jobs.ImportJob job = admin.upload(who, campaign, file, format, bytes, inputLevel,
                    Boolean.TRUE.equals(dryRun), sourceName);
            URI location = URI.create("/api/v1/admin/jobs/" + job.id());
            return HttpResponse.<ImportJob>status(job.finished() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                    .body(mapper.job(job)).headers(h -> h.location(location));
        }
    }

    private static long spool(InputStream body, SpoolFile file) {
        try (InputStream in = body) {
            return file.write(in);
        } catch (IOException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ContentLengthExceededException tooLarge) {
                    throw tooLarge;
                }
            }
            throw new UncheckedIOException(e);
        }
    }
}
