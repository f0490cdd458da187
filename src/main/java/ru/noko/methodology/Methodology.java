package ru.noko.methodology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A set of criteria and indicators with their formulas, as fixed by one legal basis (e.g.
 * {@code edu-2019}). Loaded from the catalogue files by {@link MethodologyCatalogue}.
 */
public record Methodology(
        String code,
        String title,
        String legalBasis,
        int validFromYear,
        String description,
        DenominatorVariant defaultVariant,
        ZeroDenominatorRule defaultZeroRule,
        List<Criterion> criteria) {

    /** Count of all recipients of the organization's services (for the 40 % sample rule); optional. */
    public static final String RECIPIENTS = "recipients";
    /** Count of all survey respondents; always required. */
    public static final String RESPONDENTS = "respondents";

    public Methodology {
        Indicator.requireText(code, "code");
        Indicator.requireText(title, "title");
        Objects.requireNonNull(legalBasis, "legalBasis");
        description = description == null ? "" : description;
        Objects.requireNonNull(defaultVariant, "defaultVariant");
        Objects.requireNonNull(defaultZeroRule, "defaultZeroRule");
        criteria = List.copyOf(criteria);
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("methodology " + code + " has no criteria");
        }
    }

    /** Every indicator, criterion by criterion, in catalogue order. */
    public List<Indicator> indicators() {
        List<Indicator> all = new ArrayList<>();
        criteria.forEach(criterion -> all.addAll(criterion.indicators()));
        return List.copyOf(all);
    }

    public Optional<Criterion> criterion(String criterionCode) {
        return criteria.stream().filter(c -> c.code().equals(criterionCode)).findFirst();
    }

    public Optional<Indicator> indicator(String indicatorCode) {
        return indicators().stream().filter(i -> i.code().equals(indicatorCode)).findFirst();
    }

    /**
     * Every raw input the formulas read (in either denominator variant) plus {@link #RECIPIENTS} and
     * {@link #RESPONDENTS}, in the order of METHODOLOGY.md §8, derived from the catalogue as:
     * <ol>
     *   <li>inputs of expert indicators in catalogue order, each ratio as numerator then denominator
     *       (what is present, then what is required);</li>
     *   <li>{@code recipients}, {@code respondents};</li>
     *   <li>inputs of survey indicators in catalogue order, each ratio as denominator then numerator
     *       (who was asked or answered, then who answered yes).</li>
     * </ol>
     * A name appears once, at its first place.
     */
    public List<String> rawInputNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Indicator indicator : indicators()) {
            if (indicator.source() == IndicatorSource.EXPERT) {
                names.addAll(indicator.formula().inputs());
            }
        }
        names.add(RECIPIENTS);
        names.add(RESPONDENTS);
        for (Indicator indicator : indicators()) {
            if (indicator.source() != IndicatorSource.SURVEY) {
                continue;
            }
            Formula formula = indicator.formula();
            if (formula.ratioTerms().isEmpty()) {
                names.addAll(formula.inputs());
            }
            for (RatioTerm term : formula.ratioTerms()) {
                if (term.fallbackDenominator() != null) {
                    names.add(term.fallbackDenominator());
                }
                names.add(term.perQuestionDenominator());
                names.add(term.allRespondentsDenominator());
                names.add(term.numerator());
            }
        }
        return List.copyOf(names);
    }

    /**
     * Raw inputs that may be left out: {@link #RECIPIENTS} and every per-question denominator with a
     * fallback (e.g. those who answered the comfort question, else all respondents).
     */
    public Set<String> optionalInputNames() {
        Set<String> names = new LinkedHashSet<>();
        names.add(RECIPIENTS);
        for (Indicator indicator : indicators()) {
            for (RatioTerm term : indicator.formula().ratioTerms()) {
                if (term.optionalDenominator() != null) {
                    names.add(term.optionalDenominator());
                }
            }
        }
        return Set.copyOf(names);
    }
}
