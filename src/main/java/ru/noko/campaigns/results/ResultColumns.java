package ru.noko.campaigns.results;


import ru.noko.platform.web.Columns;

import java.util.List;

/** Columns of results tables: METHODOLOGY §8 names, the same in JSON and CSV. */
public final class ResultColumns {

    /** Result fields of the fourteen education indicators, in catalogue order. */
    public static final List<String> INDICATORS = List.of("i1_1", "i1_2", "i1_3", "i2_1", "i2_3", "i3_1", "i3_2",
            "i3_3", "i4_1", "i4_2", "i4_3", "i5_1", "i5_2", "i5_3");

    /** Every column of a campaign's results table; {@code fields} selects among them. */
    public static final Columns<ResultRow> RESULTS;


    static {
        Columns.Builder<ResultRow> results = Columns.<ResultRow>builder()
                .add("organization_id", ResultRow::organizationId)
                .add("inn", ResultRow::inn)
                .add("kpp", ResultRow::kpp)
                .add("name", ResultRow::name)
                .add("short_name", ResultRow::shortName)
                .add("type", ResultRow::type)
                .add("oktmo", ResultRow::oktmo)
                .add("municipality", ResultRow::municipality);
        for (int i = 0; i < 5; i++) {
            int index = i;
            results.add("k" + (i + 1), r -> r.criterion(index));
        }
        results.add("total", ResultRow::total)
                .add("total_computed", ResultRow::totalComputed)
                .add("total_check", ResultRow::totalCheck)
                .add("published_total", ResultRow::publishedTotal)
                .add("place_region", ResultRow::placeRegion)
                .add("place_type", ResultRow::placeType)
                .add("place_municipality", ResultRow::placeMunicipality)
                .add("recipients", ResultRow::recipients)
                .add("respondents", ResultRow::respondents);
        for (String indicator : INDICATORS) {
            results.add(indicator, r -> r.indicators().get(indicator));
        }
        for (String indicator : INDICATORS) {
            results.add(indicator + ResultTable.COMPUTED, r -> r.indicators().get(indicator + ResultTable.COMPUTED));
        }
        results.add("indicator_mismatches", ResultRow::indicatorMismatches);
        results.add("zero_rule_indicators", ResultRow::zeroRuleIndicators);
        RESULTS = results.build();
    }

    private ResultColumns() {
    }

    public static boolean needsIndicators(Columns<?> columns) {
        return columns.names().stream().anyMatch(name -> INDICATORS.contains(name)
                || INDICATORS.contains(name.replace(ResultTable.COMPUTED, "")) || name.equals("indicator_mismatches"));
    }
}
