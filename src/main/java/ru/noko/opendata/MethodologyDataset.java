package ru.noko.opendata;

import java.util.List;

import static ru.noko.opendata.ColumnType.NUMBER;
import static ru.noko.opendata.ColumnType.STRING;
import static ru.noko.opendata.DatasetColumn.required;

/** The methodology catalogue: criteria, indicators, weights, sources and formulas. */
record MethodologyDataset() implements Dataset {

    @Override
    public String code() {
        return "noko-methodology";
    }

    @Override
    public String title() {
        return "Методика независимой оценки качества условий образовательной деятельности: критерии и показатели";
    }

    @Override
    public String description() {
        return "Критерии и показатели НОКО для образовательных организаций (Приказ Минпросвещения России № 114, "
                + "Приказ Минтруда России № 344н): веса показателей в критериях, источник данных и формула расчёта.";
    }

    @Override
    public String subject() {
        return "НОКО, методика, критерии, показатели, веса";
    }

    @Override
    public List<DatasetColumn> columns() {
        return List.of(
                required("methodology", STRING, "Methodology code", "Код методики"),
                required("criterion", STRING, "Criterion code", "Код критерия").with("pattern", "^K[0-9]$"),
                required("criterion_name", STRING, "Criterion name (Russian)", "Наименование критерия"),
                required("indicator", STRING, "Indicator code", "Код показателя").with("pattern", "^[0-9]\\.[0-9]$"),
                required("field", STRING, "Column name of the indicator in results", "Имя поля показателя"),
                required("indicator_name", STRING, "Indicator name (Russian)", "Наименование показателя"),
                required("weight", NUMBER, "Weight of the indicator in its criterion", "Вес показателя в критерии")
                        .with("minimum", 0).with("maximum", 1),
                required("source", STRING, "Source: expert check or survey", "Источник: экспертная оценка или опрос")
                        .with("enum", List.of("expert", "survey")),
                required("inputs", STRING, "Raw inputs the formula reads, separated by |", "Исходные данные формулы через |"));
    }

    @Override
    public List<String> primaryKey() {
        return List.of("methodology", "indicator");
    }
}
