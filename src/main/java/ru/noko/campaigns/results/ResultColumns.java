package ru.noko.campaigns.results;


import ru.noko.platform.web.Columns;
import ru.noko.platform.xlsx.CellKind;

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
                .add("organization_id", "Идентификатор организации", CellKind.INTEGER, ResultRow::organizationId)
                .add("inn", "ИНН", CellKind.IDENTIFIER, ResultRow::inn)
                .add("kpp", "КПП", CellKind.IDENTIFIER, ResultRow::kpp)
                .add("name", "Наименование", CellKind.TEXT, ResultRow::name)
                .add("short_name", "Краткое наименование", CellKind.TEXT, ResultRow::shortName)
                .add("type", "Тип организации", CellKind.TEXT, ResultRow::type)
                .add("oktmo", "ОКТМО", CellKind.IDENTIFIER, ResultRow::oktmo)
                .add("municipality", "Муниципалитет", CellKind.TEXT, ResultRow::municipality);
        for (int i = 0; i < 5; i++) {
            int index = i;
            results.add("k" + (i + 1), criterionHeader(i), CellKind.SCORE, r -> r.criterion(index));
        }
        results.add("total", "Итоговый балл", CellKind.SCORE, ResultRow::total)
                .add("total_computed", "Итоговый балл (пересчёт)", CellKind.SCORE, ResultRow::totalComputed)
                .add("total_check", "Сверка итогового балла", CellKind.TEXT, ResultRow::totalCheck)
                .add("published_total", "Итоговый балл оператора", CellKind.SCORE, ResultRow::publishedTotal)
                .add("place_region", "Место в регионе", CellKind.INTEGER, ResultRow::placeRegion)
                .add("place_type", "Место среди организаций типа", CellKind.INTEGER, ResultRow::placeType)
                .add("place_municipality", "Место в муниципалитете", CellKind.INTEGER, ResultRow::placeMunicipality)
                .add("recipients", "Получателей услуг", CellKind.INTEGER, ResultRow::recipients)
                .add("respondents", "Респондентов", CellKind.INTEGER, ResultRow::respondents);
        for (String indicator : INDICATORS) {
            results.add(indicator, indicatorHeader(indicator), CellKind.SCORE, r -> r.indicators().get(indicator));
        }
        for (String indicator : INDICATORS) {
            results.add(indicator + ResultTable.COMPUTED, indicatorHeader(indicator) + " (пересчёт)", CellKind.SCORE,
                    r -> r.indicators().get(indicator + ResultTable.COMPUTED));
        }
        results.add("indicator_mismatches", "Расхождения показателей с пересчётом", CellKind.TEXT, ResultRow::indicatorMismatches);
        results.add("zero_rule_indicators", "Показатели по правилу нулевого знаменателя", CellKind.TEXT, ResultRow::zeroRuleIndicators);
        RESULTS = results.build();
    }

    private ResultColumns() {
    }

    /** Russian header of criterion {@code index} (0-based): its number, the name lives in the catalogue. */
    public static String criterionHeader(int index) {
        return "Критерий " + (index + 1);
    }

    /** Russian header of an indicator field ({@code i1_1} → «Показатель 1.1»). */
    public static String indicatorHeader(String field) {
        return "Показатель " + field.substring(1).replace('_', '.');
    }

    public static boolean needsIndicators(Columns<?> columns) {
        return columns.names().stream().anyMatch(name -> INDICATORS.contains(name)
                || INDICATORS.contains(name.replace(ResultTable.COMPUTED, "")) || name.equals("indicator_mismatches"));
    }
}
