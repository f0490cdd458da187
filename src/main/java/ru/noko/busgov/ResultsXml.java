package ru.noko.busgov;

import ru.noko.methodology.Criterion;
import ru.noko.methodology.Indicator;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.Score;

import java.io.OutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/** Writes {@code results.xml} (namespace {@value #NAMESPACE}, schema {@code results.xsd}). */
final class ResultsXml {

    static final String NAMESPACE = "urn:noko-opendata:busgov-results:1";
    /** ogsCodeType of ТФФ 1.8.3; a regNum of another shape is left out rather than break the schema. */
    static final Pattern REG_NUM = Pattern.compile("\\d{13}|\\d{3}[A-Za-zА-Яа-яЁё0-9]{5}");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

    private ResultsXml() {
    }

    static void write(OutputStream out, ExportedCampaign campaign, Methodology methodology,
                      List<OrganizationResult> organizations) {
        List<Criterion> criteria = BusGovFields.criteriaInOrder(methodology);
        try (XmlOut xml = new XmlOut(out)) {
            xml.root("results", NAMESPACE, "results.xsd");
            xml.start("campaign")
                    .leaf("id", campaign.id())
                    .leaf("revision", campaign.revision())
                    .leaf("title", campaign.title())
                    .leaf("regionCode", campaign.regionCode())
                    .leaf("regionName", campaign.regionName())
                    .leaf("ratingYear", campaign.year())
                    .leaf("publishedAt", timestamp(campaign))
                    .leaf("operatorName", campaign.operatorName())
                    .leaf("councilProtocol", campaign.councilProtocol());
            group(xml);
            xml.leaf("organizationsCount", organizations.size())
                    .leaf("demo", campaign.demo())
                    .end();

            xml.start("methodology").attribute("code", methodology.code()).leaf("title", methodology.title());
            for (Criterion criterion : criteria) {
                xml.start("criterion")
                        .attribute("position", String.valueOf(criteria.indexOf(criterion) + 1))
                        .attribute("code", criterion.code())
                        .attribute("field", criterion.field())
                        .attribute("busGovField", criterion.busGovField())
                        .leaf("name", criterion.nameRu());
                for (Indicator indicator : criterion.indicators()) {
                    xml.start("indicator")
                            .attribute("code", indicator.code())
                            .attribute("field", indicator.field())
                            .attribute("weight", new Score(indicator.weight()).exact())
                            .attribute("source", indicator.source().name().toLowerCase(java.util.Locale.ROOT))
                            .leaf("name", indicator.nameRu())
                            .end();
                }
                xml.end();
            }
            xml.end();

            for (OrganizationResult organization : organizations) {
                organization(xml, campaign, criteria, organization);
            }
        }
    }

    private static void organization(XmlOut xml, ExportedCampaign campaign, List<Criterion> criteria,
                                     OrganizationResult o) {
        xml.start("organization")
                .leaf("inn", o.inn())
                .leaf("kpp", o.kpp())
                .leaf("ogrn", o.ogrn())
                .leaf("regNum", regNum(o))
                .leaf("oktmo", o.oktmo())
                .leaf("municipality", o.municipality())
                .leaf("fullName", o.name())
                .leaf("type", o.type());
        group(xml);
        xml.leaf("ratingYear", campaign.year());
        xml.start("criteria");
        for (int i = 0; i < criteria.size(); i++) {
            Criterion criterion = criteria.get(i);
            double value = o.criteria().get(criterion.field());
            xml.start("criterion")
                    .attribute("position", String.valueOf(i + 1))
                    .attribute("code", criterion.code())
                    .attribute("busGovField", criterion.busGovField())
                    .attribute("name", criterion.nameRu());
            score(xml, value).end();
        }
        xml.end();
        xml.start("indicators");
        for (Criterion criterion : criteria) {
            for (Indicator indicator : criterion.indicators()) {
                OrganizationResult.IndicatorValue value = o.indicators().get(indicator.code());
                xml.start("indicator").attribute("code", indicator.code()).attribute("criterion", criterion.code());
                if (value != null && value.zeroRuleApplied()) {
                    xml.attribute("zeroDenominator", "true");
                }
                if (value != null && value.value() != null) {
                    score(xml, value.value());
                }
                xml.end();
            }
        }
        xml.end();
        score(xml.start("total"), o.total()).end();
        if (o.publishedTotal() != null) {
            xml.leaf("publishedTotal", new Score(o.publishedTotal()).exact());
        }
        xml.leaf("totalComputed", new Score(o.totalComputed()).exact());
        xml.leaf("totalCheck", o.totalCheck());
        if (o.placeRegion() != null || o.placeType() != null || o.placeMunicipality() != null) {
            xml.start("places")
                    .leaf("region", o.placeRegion())
                    .leaf("type", o.placeType())
                    .leaf("municipality", o.placeMunicipality())
                    .end();
        }
        xml.leaf("respondents", o.respondents());
        xml.end();
    }

    /** A score as results.xsd has it: the stored value, then its display rounding. */
    private static XmlOut score(XmlOut xml, double value) {
        Score score = new Score(value);
        return xml.leaf("value", score.exact()).leaf("rounded", score.roundedText('.'));
    }

    private static void group(XmlOut xml) {
        xml.start("organizationGroup").attribute("code", String.valueOf(BusGovFields.EDUCATION_GROUP_CODE))
                .text(BusGovFields.EDUCATION_GROUP_NAME).end();
    }

    /** The bus.gov.ru regNum when it has the official shape, else null. */
    static String regNum(OrganizationResult organization) {
        String regNum = organization.busRegNum();
        return regNum != null && REG_NUM.matcher(regNum).matches() ? regNum : null;
    }

    static String timestamp(ExportedCampaign campaign) {
        return campaign.publishedAt() == null ? null
                : UTC.format(campaign.publishedAt().withOffsetSameInstant(ZoneOffset.UTC));
    }
}
