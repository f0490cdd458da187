package ru.noko.catalog.web;

import ru.noko.catalog.LinkedOrganization;
import ru.noko.catalog.Municipality;
import ru.noko.catalog.OrganizationLink;
import ru.noko.catalog.Organization;
import ru.noko.catalog.OrganizationType;
import ru.noko.catalog.Region;

import jakarta.inject.Singleton;
import ru.noko.api.model.CodeValue;
import ru.noko.api.model.LatestResult;
import ru.noko.api.model.OrganizationLinkKind;
import ru.noko.api.model.TotalCheck;
import ru.noko.methodology.Criterion;
import ru.noko.methodology.MethodologyCatalogue;
import ru.noko.catalog.PublishedResult;
import ru.noko.methodology.Score;

import java.util.ArrayList;
import java.util.List;

/** Domain records → generated API models. */
@Singleton
class CatalogMapper {

    private final MethodologyCatalogue catalogue;

    CatalogMapper(MethodologyCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    ru.noko.api.model.Region region(Region region) {
        ru.noko.api.model.Region model = new ru.noko.api.model.Region(region.code(), region.okatoCode(), region.name(),
                region.demo(), region.municipalitiesCount(), region.organizationsCount());
        model.setFederalDistrict(region.federalDistrict());
        return model;
    }

    ru.noko.api.model.Municipality municipality(Municipality municipality) {
        ru.noko.api.model.Municipality model = new ru.noko.api.model.Municipality(municipality.oktmo(),
                municipality.name(), municipality.regionCode(), municipality.organizationsCount());
        model.setKind(municipality.kind());
        return model;
    }

    ru.noko.api.model.Organization organization(Organization organization) {
        ru.noko.api.model.Organization model = new ru.noko.api.model.Organization(organization.id(),
                organization.inn(), organization.kpp(), organization.name(),
                ru.noko.api.model.OrganizationType.fromValue(organization.type().code()),
                organization.regionCode(), organization.demo());
        model.setOgrn(organization.ogrn());
        model.setBusRegNum(organization.busRegNum());
        model.setShortName(organization.shortName());
        model.setOktmo(organization.oktmo());
        model.setMunicipality(organization.municipality());
        model.setAddress(organization.address());
        model.setWebsite(organization.website());
        return model;
    }

    ru.noko.api.model.LinkedOrganization linked(LinkedOrganization organization) {
        ru.noko.api.model.LinkedOrganization model = new ru.noko.api.model.LinkedOrganization(organization.id(),
                organization.name(), organization.inn(), organization.regionCode(),
                OrganizationLinkKind.fromValue(organization.kind()), organization.date());
        model.setNote(organization.note());
        return model;
    }

    ru.noko.api.model.OrganizationLink link(OrganizationLink link) {
        ru.noko.api.model.OrganizationLink model = new ru.noko.api.model.OrganizationLink(link.id(),
                linked(link.predecessor()), linked(link.successor()), OrganizationLinkKind.fromValue(link.kind()),
                link.effectiveDate(), link.createdAt(), link.createdBy());
        model.setNote(link.note());
        return model;
    }

    LatestResult latestResult(PublishedResult result) {
        List<CodeValue> values = new ArrayList<>();
        // the criteria of the result's own methodology (four before 2019), each from its k1..k5 column
        List<Criterion> criteria = catalogue.find(result.methodologyCode())
                .orElse(catalogue.defaultMethodology()).criteria();
        for (Criterion criterion : criteria) {
            if (!criterion.field().matches("k[1-5]")) {
                continue;
            }
            Double given = result.criteria().get(Integer.parseInt(criterion.field().substring(1)) - 1);
            CodeValue value = new CodeValue(criterion.code());
            value.setValue(given);
            value.setNameRu(criterion.nameRu());
            value.setRounded(Score.roundedOrNull(given));
            values.add(value);
        }
        LatestResult model = new LatestResult(result.campaignId(), result.year(), result.total(),
                result.totalComputed(), TotalCheck.fromValue(result.totalCheck()), values,
                result.zeroRuleIndicators());
        model.setCampaignTitle(result.campaignTitle());
        model.setPublishedAt(result.publishedAt());
        model.setPlaceRegion(result.placeRegion());
        model.setPlaceType(result.placeType());
        model.setPlaceMunicipality(result.placeMunicipality());
        model.setRespondents(result.respondents());
        model.setGroups(GroupModels.groups(result.groups()));
        return model;
    }
}
