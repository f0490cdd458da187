package ru.noko.catalog.web;

import ru.noko.methodology.Criterion;
import ru.noko.methodology.Indicator;
import ru.noko.methodology.Methodology;
import ru.noko.platform.web.Columns;
import ru.noko.platform.xlsx.CellKind;

import java.util.ArrayList;
import java.util.List;

/** The methodology catalogue as tables (CSV, XLSX): methodologies, and criteria with their indicators. */
final class MethodologyColumns {

    /** A row of the criteria table: a criterion ({@code indicator} null) or one of its indicators. */
    record CriterionRow(Methodology methodology, Criterion criterion, Indicator indicator) {
        String level() {
            return indicator == null ? "criterion" : "indicator";
        }
    }

    static final Columns<Methodology> METHODOLOGIES = Columns.<Methodology>builder()
            .add("code", "Код методики", CellKind.IDENTIFIER, Methodology::code)
            .add("title", "Методика", CellKind.TEXT, Methodology::title)
            .add("valid_from_year", "Действует с года", CellKind.INTEGER, Methodology::validFromYear)
            .add("first_year", "Применима с года", CellKind.INTEGER, Methodology::firstYear)
            .add("last_year", "Применима по год", CellKind.INTEGER, Methodology::lastYear)
            .add("scale", "Шкала", CellKind.TEXT, m -> m.scale().code())
            .add("total_rule", "Итоговый балл", CellKind.TEXT, m -> m.totalRule().code())
            .add("max_total", "Максимум итогового балла", CellKind.NUMBER, Methodology::maxTotal)
            .add("legal_basis", "Правовое основание", CellKind.TEXT, Methodology::legalBasis)
            .add("default_variant", "Вариант знаменателей по умолчанию", CellKind.TEXT, m -> m.defaultVariant().code())
            .add("default_zero_rule", "Правило нулевого знаменателя по умолчанию", CellKind.TEXT,
                    m -> m.defaultZeroRule().code())
            .add("criteria_count", "Критериев", CellKind.INTEGER, m -> m.criteria().size())
            .add("indicators_count", "Показателей", CellKind.INTEGER, m -> m.indicators().size())
            .add("description", "Описание", CellKind.TEXT, Methodology::description)
            .build();

    static final Columns<CriterionRow> CRITERIA = Columns.<CriterionRow>builder()
            .add("methodology", "Методика", CellKind.IDENTIFIER, r -> r.methodology().code())
            .add("level", "Уровень", CellKind.TEXT, CriterionRow::level)
            .add("criterion_code", "Код критерия", CellKind.IDENTIFIER, r -> r.criterion().code())
            .add("code", "Код", CellKind.IDENTIFIER, r -> r.indicator() == null ? r.criterion().code() : r.indicator().code())
            .add("field", "Поле в данных", CellKind.IDENTIFIER,
                    r -> r.indicator() == null ? r.criterion().field() : r.indicator().field())
            .add("position", "Порядок", CellKind.INTEGER,
                    r -> r.indicator() == null ? r.criterion().position() : r.indicator().position())
            .add("name_ru", "Наименование", CellKind.TEXT,
                    r -> r.indicator() == null ? r.criterion().nameRu() : r.indicator().nameRu())
            .add("name_en", "Наименование (англ.)", CellKind.TEXT,
                    r -> r.indicator() == null ? r.criterion().nameEn() : r.indicator().nameEn())
            .add("max_score", "Максимум баллов", CellKind.NUMBER, r -> r.indicator() == null ? r.criterion().maxScore() : null)
            .add("weight", "Вес в критерии", CellKind.NUMBER, r -> r.indicator() == null ? null : r.indicator().weight())
            .add("source", "Источник значения", CellKind.TEXT,
                    r -> r.indicator() == null ? null : r.indicator().source().code())
            .add("formula", "Формула", CellKind.TEXT,
                    r -> r.indicator() == null ? null : MethodologyMapper.formulaText(r.indicator().formula()))
            .add("bus_gov_field", "Поле bus.gov.ru", CellKind.IDENTIFIER,
                    r -> r.indicator() == null ? r.criterion().busGovField() : null)
            .build();

    private MethodologyColumns() {
    }

    static List<CriterionRow> rows(Methodology methodology) {
        List<CriterionRow> rows = new ArrayList<>();
        for (Criterion criterion : methodology.criteria()) {
            rows.add(new CriterionRow(methodology, criterion, null));
            for (Indicator indicator : criterion.indicators()) {
                rows.add(new CriterionRow(methodology, criterion, indicator));
            }
        }
        return rows;
    }
}
