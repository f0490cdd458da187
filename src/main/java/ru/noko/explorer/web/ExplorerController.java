package ru.noko.explorer.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import ru.noko.api.ExplorerApi;
import ru.noko.api.model.OrganizationType;
import ru.noko.api.model.ResultSort;

import java.util.List;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ExplorerController implements ExplorerApi {

    private final ExplorerResponses responses;
    private final HomePages home;
    private final RegionPages regions;
    private final OrganizationPages organizations;

    ExplorerController(ExplorerResponses responses, HomePages home, RegionPages regions, OrganizationPages organizations) {
        this.responses = responses;
        this.home = home;
        this.regions = regions;
        this.organizations = organizations;
    }

    @Override
    public HttpResponse<String> getExplorerHome(String q) {
        return responses.page(() -> home.home(q));
    }

    @Override
    public HttpResponse<String> getExplorerRegions() {
        return responses.page(home::regions);
    }

    @Override
    public HttpResponse<String> getExplorerMethodology() {
        return responses.page(home::methodology);
    }

    @Override
    public HttpResponse<String> getExplorerRegion(String code) {
        return responses.page(() -> regions.region(code));
    }

    @Override
    public HttpResponse<String> getExplorerRatings(String code, Integer year, OrganizationType type, String municipality,
                                                   ResultSort sort, Integer page, Integer perPage) {
        return responses.page(() -> regions.ratings(code, year, type == null ? null : type.getValue(), municipality,
                sort == null ? null : sort.getValue(), page, perPage));
    }

    @Override
    public HttpResponse<String> getExplorerMunicipality(String oktmo) {
        return responses.page(() -> regions.municipality(oktmo));
    }

    @Override
    public HttpResponse<String> getExplorerOrganization(Long id) {
        return responses.page(() -> organizations.organization(id));
    }

    @Override
    public HttpResponse<String> getExplorerComparison(List<Long> ids) {
        return responses.page(() -> organizations.compare(ids));
    }
}
