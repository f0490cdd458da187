package ru.noko.busgov;

import ru.noko.platform.text.XmlText;

import ru.noko.methodology.Criterion;
import ru.noko.methodology.Indicator;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.Score;
import ru.noko.platform.csv.CsvDialect;
import ru.noko.platform.csv.CsvWriter;
import ru.noko.platform.web.Columns;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes {@code results.csv}: the fields of results.xml, one row per organization in the same order,
 * header row of machine names (README.txt explains them in Russian), through the service's common
 * CSV writer (dialects, quoting, formula neutralisation as in every CSV of the API). Criteria come
 * in bus.gov.ru's order; unrounded values first with the same digits as results.xml, then the
 * criteria and total rounded to 2 decimals for typing in.
 */
final class ResultsCsv {

    private ResultsCsv() {
    }

    static void write(OutputStream out, ExportedCampaign campaign, Methodology methodology,
                      List<OrganizationResult> organizations, CsvDialect dialect) {
        Columns<OrganizationResult> columns = columns(campaign, BusGovFields.criteriaInOrder(methodology));
        CsvWriter csv = new CsvWriter(out, dialect);
        csv.row(columns.names());
        for (OrganizationResult organization : organizations) {
            csv.row(columns.values(organization));
        }
        csv.flush(); // not closed: the stream is a ZIP entry
    }

    static Columns<OrganizationResult> columns(ExportedCampaign campaign, List<Criterion> criteria) {
        Columns.Builder<OrganizationResult> columns = Columns.<OrganizationResult>builder()
                .add("year", o -> campaign.year())
                .add("inn", OrganizationResult::inn)
                .add("kpp", OrganizationResult::kpp)
                .add("ogrn", OrganizationResult::ogrn)
                .add("reg_num", ResultsXml::regNum)
                .add("oktmo", OrganizationResult::oktmo)
                .add("municipality", OrganizationResult::municipality)
                .add("name", o -> XmlText.clean(o.name()))
                .add("type", OrganizationResult::type)
                .add("organization_group", o -> BusGovFields.EDUCATION_GROUP_CODE);
        for (Criterion criterion : criteria) {
            columns.add(criterion.field(), o -> exact(o.criteria().get(criterion.field())));
        }
        columns.add("total", o -> exact(o.total()));
        for (Criterion criterion : criteria) {
            columns.add(criterion.field() + "_rounded", o -> new Score(o.criteria().get(criterion.field())).rounded());
        }
        columns.add("total_rounded", o -> new Score(o.total()).rounded());
        for (Criterion criterion : criteria) {
            for (Indicator indicator : criterion.indicators()) {
                columns.add(indicator.field(), o -> {
                    OrganizationResult.IndicatorValue value = o.indicators().get(indicator.code());
                    return value == null ? null : exact(value.value());
                });
            }
        }
        return columns
                .add("published_total", o -> exact(o.publishedTotal()))
                .add("total_computed", o -> exact(o.totalComputed()))
                .add("total_check", OrganizationResult::totalCheck)
                .add("place_region", OrganizationResult::placeRegion)
                .add("place_type", OrganizationResult::placeType)
                .add("place_municipality", OrganizationResult::placeMunicipality)
                .add("respondents", OrganizationResult::respondents)
                .build();
    }

    /** The digits of results.xml ({@link Score#exact}); the writer applies the dialect's decimal separator. */
    private static BigDecimal exact(Double value) {
        return value == null ? null : new BigDecimal(new Score(value).exact());
    }
}
