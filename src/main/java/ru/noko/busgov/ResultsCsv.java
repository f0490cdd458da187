package ru.noko.busgov;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import ru.noko.methodology.Criterion;
import ru.noko.methodology.Indicator;
import ru.noko.methodology.Methodology;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code results.csv}: the fields of results.xml, one row per organization in the same order,
 * header row of machine names (README.txt explains them in Russian). Criteria come in bus.gov.ru's
 * order; unrounded values first, then the criteria and total rounded to 2 decimals for typing in.
 */
final class ResultsCsv {

    private ResultsCsv() {
    }

    static void write(OutputStream out, ExportedCampaign campaign, Methodology methodology,
                      List<OrganizationResult> organizations, CsvDialect dialect) {
        List<Criterion> criteria = BusGovFields.criteriaInOrder(methodology);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(dialect.delimiter())
                .setRecordSeparator("\r\n")
                .setQuoteMode(QuoteMode.MINIMAL)
                .get();
        try {
            if (dialect.byteOrderMark()) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(writer, format);
            printer.printRecord(header(criteria));
            for (OrganizationResult o : organizations) {
                printer.printRecord(row(campaign, criteria, o, dialect));
            }
            printer.flush();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> header(List<Criterion> criteria) {
        List<String> header = new ArrayList<>(List.of("year", "inn", "kpp", "ogrn", "reg_num", "oktmo", "municipality", "name",
                "type", "organization_group"));
        criteria.forEach(c -> header.add(c.field()));
        header.add("total");
        criteria.forEach(c -> header.add(c.field() + "_rounded"));
        header.add("total_rounded");
        criteria.forEach(c -> c.indicators().forEach(i -> header.add(i.field())));
        header.addAll(List.of("published_total", "place_region", "place_type", "place_municipality", "respondents"));
        return header;
    }

    private static List<String> row(ExportedCampaign campaign, List<Criterion> criteria, OrganizationResult o,
                                    CsvDialect dialect) {
        List<String> row = new ArrayList<>(List.of(String.valueOf(campaign.year()), o.inn(), o.kpp(), text(o.ogrn()),
                text(ResultsXml.regNum(o)), text(o.oktmo()), text(o.municipality()), XmlText.clean(o.name()), o.type(),
                String.valueOf(BusGovFields.EDUCATION_GROUP_CODE)));
        criteria.forEach(c -> row.add(number(Numbers.exact(o.criteria().get(c.field())), dialect)));
        row.add(number(Numbers.exact(o.total()), dialect));
        criteria.forEach(c -> row.add(number(Numbers.rounded(o.criteria().get(c.field())), dialect)));
        row.add(number(Numbers.rounded(o.total()), dialect));
        for (Criterion criterion : criteria) {
            for (Indicator indicator : criterion.indicators()) {
                OrganizationResult.IndicatorValue value = o.indicators().get(indicator.code());
                row.add(value == null || value.value() == null ? "" : number(Numbers.exact(value.value()), dialect));
            }
        }
        row.add(o.publishedTotal() == null ? "" : number(Numbers.exact(o.publishedTotal()), dialect));
        row.add(text(o.placeRegion()));
        row.add(text(o.placeType()));
        row.add(text(o.placeMunicipality()));
        row.add(text(o.respondents()));
        return row;
    }

    private static String number(String plain, CsvDialect dialect) {
        return plain.replace('.', dialect.decimalSeparator());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
