package ru.noko.catalog.web;

import ru.noko.platform.web.PublicRead;
import ru.noko.platform.web.StoredPages;
import ru.noko.catalog.CatalogColumns;
import ru.noko.catalog.Municipality;
import ru.noko.catalog.Organization;
import ru.noko.catalog.OrganizationOverview;
import ru.noko.catalog.OrganizationQuery;
import ru.noko.catalog.OrganizationRepository;
import ru.noko.catalog.OrganizationSort;
import ru.noko.catalog.OrganizationType;
import ru.noko.catalog.Region;
import ru.noko.catalog.RegionRepository;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import ru.noko.api.CatalogApi;
import ru.noko.api.model.CsvDialect;
import ru.noko.api.model.ListOrganizationsSortParameter;
import ru.noko.api.model.MunicipalityList;
import ru.noko.api.model.OrganizationDetail;
import ru.noko.api.model.OrganizationList;
import ru.noko.api.model.RegionList;
import ru.noko.api.model.ResponseFormat;
import ru.noko.api.model.TableHeaderNames;
import ru.noko.platform.web.ApiProblemException;
import ru.noko.platform.web.Page;
import ru.noko.platform.web.PageLinking;
import ru.noko.platform.web.PageRequest;
import ru.noko.platform.web.Representation;
import ru.noko.platform.web.TableResponses;
import ru.noko.platform.web.TableSource;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@PublicRead
class CatalogController implements CatalogApi {

    private final RegionRepository regions;
    private final OrganizationRepository organizations;
    private final OrganizationOverview overview;
    private final CatalogMapper mapper;
    private final TableResponses tables;

    CatalogController(RegionRepository regions, OrganizationRepository organizations,
                      OrganizationOverview overview, CatalogMapper mapper, TableResponses tables) {
        this.regions = regions;
        this.organizations = organizations;
        this.overview = overview;
        this.mapper = mapper;
        this.tables = tables;
    }

    @Override
    public HttpResponse<RegionList> listRegions(Integer page, Integer perPage, ResponseFormat format, CsvDialect dialect,
                                                TableHeaderNames headers, Integer round) {
        Representation representation = Representation.current();
        if (representation.isTable()) {
            return TableResponses.as(tables.table("regions", CatalogColumns.REGION,
                    regions.findAll(PageRequest.of(1, Integer.MAX_VALUE)).rows(), representation,
                    TableSource.of("Субъекты Российской Федерации")));
        }
        Page<Region> found = regions.findAll(PageRequest.of(page, perPage));
        RegionList body = new RegionList(found.rows().stream().map(mapper::region).toList(),
                PageLinking.meta(found), PageLinking.links(found));
        return PageLinking.withLinkHeader(HttpResponse.ok(body), body.getLinks());
    }

    @Override
    public HttpResponse<ru.noko.api.model.Region> getRegion(String code) {
        return HttpResponse.ok(mapper.region(requireRegion(code)));
    }

    @Override
    public HttpResponse<MunicipalityList> listMunicipalities(String code, Integer page, Integer perPage,
                                                             ResponseFormat format, CsvDialect dialect,
                                                             TableHeaderNames headers, Integer round) {
        Region region = requireRegion(code);
        Representation representation = Representation.current();
        if (representation.isTable()) {
            return TableResponses.as(tables.table("municipalities-" + code, CatalogColumns.MUNICIPALITY,
                    regions.findMunicipalities(code, PageRequest.of(1, Integer.MAX_VALUE)).rows(), representation,
                    TableSource.of("Муниципальные образования (ОКТМО)").line("Регион", code + " " + region.name())));
        }
        Page<Municipality> found = regions.findMunicipalities(code, PageRequest.of(page, perPage));
        MunicipalityList body = new MunicipalityList(found.rows().stream().map(mapper::municipality).toList(),
                PageLinking.meta(found), PageLinking.links(found));
        return PageLinking.withLinkHeader(HttpResponse.ok(body), body.getLinks());
    }

    @Override
    public HttpResponse<OrganizationList> listOrganizations(String region, String municipality,
                                                            ru.noko.api.model.OrganizationType type, String inn,
                                                            String q, ListOrganizationsSortParameter sort,
                                                            Integer page, Integer perPage, ResponseFormat format,
                                                            CsvDialect dialect, TableHeaderNames headers, Integer round) {
        OrganizationQuery query = new OrganizationQuery(region, municipality,
                type == null ? null : OrganizationType.fromCode(type.getValue()).orElseThrow(), inn, q,
                OrganizationSort.fromKey(sort == null ? "name" : sort.getValue()).orElseThrow());
        Representation representation = Representation.current();
        if (representation.isTable()) {
            return TableResponses.as(tables.tableStream("organizations", CatalogColumns.ORGANIZATION,
                    sink -> organizations.stream(query, sink), representation,
                    TableSource.of("Образовательные организации")));
        }
        Page<Organization> found = organizations.find(query, PageRequest.of(page, perPage));
        OrganizationList body = new OrganizationList(found.rows().stream().map(mapper::organization).toList(),
                PageLinking.meta(found), PageLinking.links(found));
        return PageLinking.withLinkHeader(HttpResponse.ok(body), body.getLinks());
    }

    @Override
    @PublicRead(stored = true)
    public HttpResponse<OrganizationDetail> getOrganization(Long id) {
        OrganizationOverview.Overview found = overview.find(id)
                .orElseThrow(() -> ApiProblemException.notFound("No organization with id " + id));
        StoredPages.scope(found.organization().regionCode(), id);
        OrganizationDetail detail = new OrganizationDetail(mapper.organization(found.organization()),
                found.predecessors().stream().map(mapper::linked).toList(),
                found.successors().stream().map(mapper::linked).toList());
        detail.setRegionName(found.regionName());
        found.latest().map(mapper::latestResult).ifPresent(detail::setLatestResult);
        return HttpResponse.ok(detail);
    }

    private Region requireRegion(String code) {
        return regions.findByCode(code).orElseThrow(() -> ApiProblemException.notFound("No region with code " + code));
    }
}
