package ru.noko.catalog.web;

import ru.noko.catalog.Organization;
import ru.noko.catalog.OrganizationMoves;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import ru.noko.api.AdminOrganizationsApi;
import ru.noko.api.model.OrganizationMoveInput;
import ru.noko.platform.security.Caller;
import ru.noko.platform.security.CurrentCaller;

/** Catalogue corrections only an admin token may make. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminOrganizationController implements AdminOrganizationsApi {

    private final OrganizationMoves moves;
    private final CatalogMapper mapper;
    private final CurrentCaller caller;

    AdminOrganizationController(OrganizationMoves moves, CatalogMapper mapper, CurrentCaller caller) {
        this.moves = moves;
        this.mapper = mapper;
        this.caller = caller;
    }

    @Override
    public HttpResponse<ru.noko.api.model.Organization> moveOrganization(Long id, OrganizationMoveInput input) {
        Caller admin = caller.requireAdmin();
        Organization moved = moves.move(admin, id, input.getRegionCode(), input.getOktmo(), input.getReason().strip());
        return HttpResponse.ok(mapper.organization(moved));
    }
}
