package ru.noko.catalog.web;

import jakarta.inject.Singleton;
import ru.noko.api.model.DenominatorVariant;
import ru.noko.api.model.IndicatorSource;
import ru.noko.api.model.ZeroRule;
import ru.noko.methodology.Criterion;
import ru.noko.methodology.Formula;
import ru.noko.methodology.Indicator;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.RatioTerm;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Methodology domain records → generated API models, with each formula spelled out. */
@Singleton
class MethodologyMapper {

    private final MethodologyChoices choices;

    MethodologyMapper(MethodologyChoices choices) {
        this.choices = choices;
    }

    ru.noko.api.model.Methodology methodology(Methodology methodology) {
        ru.noko.api.model.Methodology model = new ru.noko.api.model.Methodology(methodology.code(), methodology.title(),
                methodology.validFromYear(), methodology.firstYear(),
                ru.noko.api.model.MethodologyScale.fromValue(methodology.scale().code()),
                ru.noko.api.model.MethodologyTotalRule.fromValue(methodology.totalRule().code()), methodology.maxTotal(),
                methodology.computable(), DenominatorVariant.fromValue(methodology.defaultVariant().code()),
                ZeroRule.fromValue(methodology.defaultZeroRule().code()),
                Arrays.stream(ru.noko.methodology.DenominatorVariant.values()).map(v -> DenominatorVariant.fromValue(v.code())).toList(),
                Arrays.stream(ru.noko.methodology.ZeroDenominatorRule.values()).map(r -> ZeroRule.fromValue(r.code())).toList(),
                methodology.criteria().size(), methodology.indicators().size(), methodology.rawInputNames());
        model.setLastYear(methodology.lastYear());
        model.setLegalBasis(methodology.legalBasis());
        model.setDescription(methodology.description());
        model.setChoices(choices.of(methodology));
        return model;
    }

    ru.noko.api.model.Criterion criterion(Methodology methodology, Criterion criterion) {
        ru.noko.api.model.Criterion model = new ru.noko.api.model.Criterion(criterion.code(), criterion.field(),
                criterion.position(), criterion.nameRu(), methodology.code(),
                criterion.indicators().stream().map(MethodologyMapper::indicator).toList());
        model.setNameEn(criterion.nameEn());
        model.setBusGovField(criterion.busGovField());
        model.setMaxScore(criterion.maxScore());
        return model;
    }

    private static ru.noko.api.model.Indicator indicator(Indicator indicator) {
        ru.noko.api.model.Indicator model = new ru.noko.api.model.Indicator(indicator.code(), indicator.field(),
                indicator.nameRu(), indicator.weight(), IndicatorSource.fromValue(indicator.source().code()),
                formulaText(indicator.formula()), indicator.formula().inputs());
        model.setNameEn(indicator.nameEn());
        return model;
    }

    static String formulaText(Formula formula) {
        if (formula instanceof Formula.Ratio ratio) {
            return term(ratio.term()) + " × 100";
        }
        if (formula instanceof Formula.MeanOfRatios mean) {
            return "mean(" + mean.terms().stream().map(MethodologyMapper::term).collect(Collectors.joining(", ")) + ") × 100";
        }
        Formula.CappedCount count = (Formula.CappedCount) formula;
        return "min(100, " + trim(count.pointsPerItem()) + " × " + count.count() + ")";
    }

    private static String term(RatioTerm term) {
        String perQuestion = term.numerator() + " / " + term.perQuestionDenominator()
                + (term.fallbackDenominator() == null ? "" : " (when not given: " + term.fallbackDenominator() + ")");
        if (!term.dependsOnVariant()) {
            return perQuestion;
        }
        return perQuestion + " [all_respondents: " + term.numerator() + " / " + term.allRespondentsDenominator() + "]";
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

}
