package ru.noko.opendata.web;

import ru.noko.opendata.DatasetCatalog;
import ru.noko.opendata.Passports;
import ru.noko.opendata.PublicUrls;
import ru.noko.opendata.Takedowns;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import ru.noko.api.AdminOpendataApi;
import ru.noko.api.model.Takedown;
import ru.noko.api.model.TakedownInput;
import ru.noko.api.model.WithdrawnFile;
import ru.noko.platform.security.Caller;
import ru.noko.platform.security.CurrentCaller;
import ru.noko.platform.web.ApiProblemException;
import ru.noko.platform.web.FieldProblem;

import java.util.List;

/** {@code POST /api/v1/admin/campaigns/{id}/takedown}: admin tokens only (authentication comes from the contract). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class TakedownController implements AdminOpendataApi {

    private final Takedowns takedowns;
    private final DatasetCatalog catalog;
    private final PublicUrls urls;
    private final CurrentCaller caller;

    TakedownController(Takedowns takedowns, DatasetCatalog catalog, PublicUrls urls, CurrentCaller caller) {
        this.takedowns = takedowns;
        this.catalog = catalog;
        this.urls = urls;
        this.caller = caller;
    }

    @Override
    public HttpResponse<Takedown> takedownCampaign(Long id, TakedownInput input) {
        Caller admin = caller.requireAdmin();
        String reason = input.getReason().strip();
        if (reason.length() < 3) {
            throw ApiProblemException.invalid("The takedown is invalid", List.of(FieldProblem.ofField("reason", input.getReason(),
                    "too_short", "Укажите юридическое основание изъятия")));
        }
        Takedowns.Result result = takedowns.takedown(admin, id, reason);
        List<WithdrawnFile> files = result.files().stream().map(file -> {
            String identifier = catalog.identifier(file.dataset());
            String folder = urls.folder(identifier);
            return new WithdrawnFile(identifier, folder + Passports.dataFileName(file.withdrawn(), file.dataset()),
                    folder + Passports.dataFileName(file.replacement(), file.dataset()));
        }).toList();
        return HttpResponse.ok(new Takedown(id, result.takedown().reason(), result.takedown().at(), result.retracted(), files));
    }
}
