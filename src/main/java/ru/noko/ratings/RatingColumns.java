package ru.noko.ratings;

import ru.noko.campaigns.results.ResultColumns;

import ru.noko.catalog.CatalogColumns;
import ru.noko.catalog.Organization;
import ru.noko.platform.web.Columns;
import ru.noko.platform.xlsx.CellKind;

import java.util.List;

/** Columns of an organization's history, regional statistics and comparisons: the same in JSON and CSV. */
public final class RatingColumns {

    public static final Columns<HistoryRow> HISTORY;
    public static final Columns<YearStatistics> STATISTICS;
    public static final Columns<ComparedEntry> COMPARISON;

    /** A ranking: the place in the scope first, then identity, criteria, total and every stored place. */
    public static final Columns<RankedRow> RANKING = Columns.<RankedRow>builder()
            .add("place", "Место", CellKind.INTEGER, RankedRow::place)
            .add("place_region", "Место в регионе", CellKind.INTEGER, r -> r.result().placeRegion())
            .add("place_type", "Место среди организаций типа", CellKind.INTEGER, r -> r.result().placeType())
            .add("place_municipality", "Место в муниципалитете", CellKind.INTEGER, r -> r.result().placeMunicipality())
            .add("organization_id", "Идентификатор организации", CellKind.INTEGER, r -> r.result().organizationId())
            .add("inn", "ИНН", CellKind.IDENTIFIER, r -> r.result().inn())
            .add("kpp", "КПП", CellKind.IDENTIFIER, r -> r.result().kpp())
            .add("name", "Наименование", CellKind.TEXT, r -> r.result().name())
            .add("type", "Тип организации", CellKind.TEXT, r -> r.result().type())
            .add("oktmo", "ОКТМО", CellKind.IDENTIFIER, r -> r.result().oktmo())
            .add("municipality", "Муниципалитет", CellKind.TEXT, r -> r.result().municipality())
            .add("k1", "Критерий 1", CellKind.SCORE, r -> r.result().criterion(0))
            .add("k2", "Критерий 2", CellKind.SCORE, r -> r.result().criterion(1))
            .add("k3", "Критерий 3", CellKind.SCORE, r -> r.result().criterion(2))
            .add("k4", "Критерий 4", CellKind.SCORE, r -> r.result().criterion(3))
            .add("k5", "Критерий 5", CellKind.SCORE, r -> r.result().criterion(4))
            .add("total", "Итоговый балл", CellKind.SCORE, r -> r.result().total())
            .add("total_computed", "Итоговый балл (пересчёт)", CellKind.SCORE, r -> r.result().totalComputed())
            .add("total_check", "Сверка итогового балла", CellKind.TEXT, r -> r.result().totalCheck())
            .add("zero_rule_indicators", "Показатели по правилу нулевого знаменателя", CellKind.TEXT, r -> r.result().zeroRuleIndicators())
            .build();

    public static final Columns<Organization> ORGANIZATION = CatalogColumns.ORGANIZATION;

    private static final List<String> CRITERIA = List.of("k1", "k2", "k3", "k4", "k5");

    static {
        Columns.Builder<HistoryRow> history = Columns.<HistoryRow>builder()
                .add("campaign_id", "Идентификатор кампании", CellKind.INTEGER, HistoryRow::campaignId)
                .add("campaign_title", "Кампания", CellKind.TEXT, HistoryRow::campaignTitle)
                .add("year", "Год", CellKind.INTEGER, HistoryRow::year)
                .add("published_at", "Опубликовано", CellKind.DATE, HistoryRow::publishedAt)
                .add("type", "Тип организации", CellKind.TEXT, HistoryRow::type)
                .add("oktmo", "ОКТМО", CellKind.IDENTIFIER, HistoryRow::oktmo)
                .add("municipality", "Муниципалитет", CellKind.TEXT, HistoryRow::municipality);
        for (int i = 0; i < CRITERIA.size(); i++) {
            int index = i;
            history.add(CRITERIA.get(i), ResultColumns.criterionHeader(i), CellKind.SCORE, r -> r.criteria().get(index));
        }
        history.add("total", "Итоговый балл", CellKind.SCORE, HistoryRow::total)
                .add("total_computed", "Итоговый балл (пересчёт)", CellKind.SCORE, HistoryRow::totalComputed)
                .add("total_check", "Сверка итогового балла", CellKind.TEXT, HistoryRow::totalCheck)
                .add("place_region", "Место в регионе", CellKind.INTEGER, HistoryRow::placeRegion)
                .add("place_type", "Место среди организаций типа", CellKind.INTEGER, HistoryRow::placeType)
                .add("place_municipality", "Место в муниципалитете", CellKind.INTEGER, HistoryRow::placeMunicipality)
                .add("organizations_in_region", "Организаций в регионе", CellKind.INTEGER, HistoryRow::organizationsInRegion)
                .add("organizations_in_type", "Организаций типа", CellKind.INTEGER, HistoryRow::organizationsInType)
                .add("organizations_in_municipality", "Организаций в муниципалитете", CellKind.INTEGER, HistoryRow::organizationsInMunicipality)
                .add("respondents", "Респондентов", CellKind.INTEGER, HistoryRow::respondents);
        for (String indicator : ResultColumns.INDICATORS) {
            history.add(indicator, ResultColumns.indicatorHeader(indicator), CellKind.SCORE, r -> r.indicators().get(indicator));
        }
        for (String indicator : ResultColumns.INDICATORS) {
            String computed = indicator + ru.noko.campaigns.results.ResultTable.COMPUTED;
            history.add(computed, ResultColumns.indicatorHeader(indicator) + " (пересчёт)", CellKind.SCORE,
                    r -> r.indicators().get(computed));
        }
        history.add("indicator_mismatches", "Расхождения показателей с пересчётом", CellKind.TEXT, HistoryRow::indicatorMismatches);
        history.add("zero_rule_indicators", "Показатели по правилу нулевого знаменателя", CellKind.TEXT, HistoryRow::zeroRuleIndicators)
                .add("previous_campaign_id", "Предыдущая кампания", CellKind.INTEGER, HistoryRow::previousCampaignId)
                .add("previous_year", "Предыдущий год", CellKind.INTEGER, HistoryRow::previousYear)
                .add("change_total", "Изменение итогового балла", CellKind.SCORE, HistoryRow::changeOfTotal);
        for (int i = 0; i < CRITERIA.size(); i++) {
            int index = i;
            history.add("change_" + CRITERIA.get(i), "Изменение: " + ResultColumns.criterionHeader(i).toLowerCase(java.util.Locale.ROOT),
                    CellKind.SCORE, r -> r.changeOfCriterion(index));
        }
        history.add("organization_id", "Идентификатор организации", CellKind.INTEGER, HistoryRow::organizationId)
                .add("organization_name", "Организация", CellKind.TEXT, HistoryRow::organizationName)
                .add("via_link", "Через связь организаций", CellKind.TEXT, r -> r.lineage().viaLink())
                .add("link_kind", "Вид связи", CellKind.TEXT, r -> r.lineage().linkKind())
                .add("link_date", "Дата связи", CellKind.DATE, r -> r.lineage().linkDate())
                .add("methodology", "Методика", CellKind.TEXT, HistoryRow::methodologyCode)
                .add("scale", "Шкала", CellKind.TEXT, HistoryRow::scale)
                .add("methodology_break", "Смена методики", CellKind.TEXT, HistoryRow::methodologyBreak);
        HISTORY = history.build();

        Columns.Builder<YearStatistics> statistics = Columns.<YearStatistics>builder()
                .add("year", "Год", CellKind.INTEGER, YearStatistics::year)
                .add("type", "Тип организации", CellKind.TEXT, YearStatistics::type)
                .add("campaigns", "Кампаний", CellKind.INTEGER, YearStatistics::campaigns)
                .add("count", "Организаций", CellKind.INTEGER, YearStatistics::count)
                .add("total_mean", "Итоговый балл: среднее", CellKind.SCORE, s -> s.total().mean())
                .add("total_min", "Итоговый балл: минимум", CellKind.SCORE, s -> s.total().min())
                .add("total_max", "Итоговый балл: максимум", CellKind.SCORE, s -> s.total().max());
        for (int i = 0; i < CRITERIA.size(); i++) {
            int index = i;
            String k = CRITERIA.get(i);
            String header = ResultColumns.criterionHeader(i);
            statistics.add(k + "_mean", header + ": среднее", CellKind.SCORE, s -> s.criterionMean(index))
                    .add(k + "_min", header + ": минимум", CellKind.SCORE, s -> s.criterionMin(index))
                    .add(k + "_max", header + ": максимум", CellKind.SCORE, s -> s.criterionMax(index));
        }
        statistics.add("methodology", "Методика", CellKind.TEXT, YearStatistics::methodologyCode)
                .add("scale", "Шкала", CellKind.TEXT, YearStatistics::scale);
        STATISTICS = statistics.build();

        Columns.Builder<ComparedEntry> comparison = Columns.<ComparedEntry>builder()
                .add("year", "Год", CellKind.INTEGER, ComparedEntry::year)
                .add("organization_id", "Идентификатор организации", CellKind.INTEGER, ComparedEntry::organizationId)
                .add("name", "Наименование", CellKind.TEXT, ComparedEntry::name)
                .add("assessed", "Оценивалась", CellKind.TEXT, ComparedEntry::assessed)
                .add("campaign_id", "Идентификатор кампании", CellKind.INTEGER, ComparedEntry::campaignId)
                .add("type", "Тип организации", CellKind.TEXT, ComparedEntry::type);
        for (int i = 0; i < CRITERIA.size(); i++) {
            int index = i;
            comparison.add(CRITERIA.get(i), ResultColumns.criterionHeader(i), CellKind.SCORE, e -> e.criterion(index));
        }
        comparison.add("total", "Итоговый балл", CellKind.SCORE, ComparedEntry::total)
                .add("total_computed", "Итоговый балл (пересчёт)", CellKind.SCORE, ComparedEntry::totalComputed)
                .add("total_check", "Сверка итогового балла", CellKind.TEXT, ComparedEntry::totalCheck)
                .add("place_region", "Место в регионе", CellKind.INTEGER, ComparedEntry::placeRegion)
                .add("place_type", "Место среди организаций типа", CellKind.INTEGER, ComparedEntry::placeType)
                .add("place_municipality", "Место в муниципалитете", CellKind.INTEGER, ComparedEntry::placeMunicipality)
                .add("zero_rule_indicators", "Показатели по правилу нулевого знаменателя", CellKind.TEXT, ComparedEntry::zeroRuleIndicators)
                .add("methodology", "Методика", CellKind.TEXT, ComparedEntry::methodologyCode)
                .add("methodology_break", "Смена методики", CellKind.TEXT, ComparedEntry::methodologyBreak);
        COMPARISON = comparison.build();
    }

    private RatingColumns() {
    }
}
