package ru.noko.catalog.web;

import ru.noko.catalog.OrganizationLink;
import ru.noko.catalog.OrganizationLinks;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import ru.noko.api.AdminOrganizationLinksApi;
import ru.noko.api.model.OrganizationLinkInput;
import ru.noko.api.model.OrganizationLinkList;
import ru.noko.platform.security.CurrentCaller;
import ru.noko.platform.web.Page;
import ru.noko.platform.web.PageLinking;
import ru.noko.platform.web.PageRequest;

import java.net.URI;

/** Predecessor / successor links between organizations: admins anywhere, operators within their regions. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class AdminOrganizationLinkController implements AdminOrganizationLinksApi {

    private final OrganizationLinks links;
    private final CatalogMapper mapper;
    private final CurrentCaller caller;

    AdminOrganizationLinkController(OrganizationLinks links, CatalogMapper mapper, CurrentCaller caller) {
        this.links = links;
        this.mapper = mapper;
        this.caller = caller;
    }

    @Override
    public HttpResponse<ru.noko.api.model.OrganizationLink> createOrganizationLink(OrganizationLinkInput input) {
        OrganizationLink created = links.create(caller.get(), new OrganizationLinks.NewLink(input.getPredecessorId(),
                input.getSuccessorId(), input.getKind().getValue(), input.getEffectiveDate(), input.getNote()));
        return HttpResponse.created(mapper.link(created))
                .headers(h -> h.location(URI.create("/api/v1/admin/organization-links/" + created.id())));
    }

    @Override
    public HttpResponse<ru.noko.api.model.OrganizationLink> getOrganizationLink(Long id) {
        return HttpResponse.ok(mapper.link(links.find(caller.get(), id)));
    }

    @Override
    public HttpResponse<Void> deleteOrganizationLink(Long id) {
        links.delete(caller.get(), id);
        return HttpResponse.status(HttpStatus.NO_CONTENT);
    }

    @Override
    public HttpResponse<OrganizationLinkList> listOrganizationLinks(Long organization, Integer page, Integer perPage) {
        Page<OrganizationLink> found = links.list(caller.get(), organization, PageRequest.of(page, perPage));
        OrganizationLinkList list = new OrganizationLinkList(found.rows().stream().map(mapper::link).toList(),
                PageLinking.meta(found), PageLinking.links(found));
        return PageLinking.withLinkHeader(HttpResponse.ok(list), list.getLinks());
    }
}
