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
 * <p>
 * A methodology applies to campaigns of the years {@code firstYear}..{@code lastYear} (no end when
 * null); {@code validFromYear} is the year it came into force, and for a year it is the methodology
 * chosen when a campaign names none. One known only from published results (the 2014 scheme) has
 * criteria without indicators: nothing can be computed from raw inputs ({@link #computable()}).
 */
public record Methodology(
        String code,
        String title,
        String legalBasis,
        int validFromYear,
        String description,
        DenominatorVariant defaultVariant,
        ZeroDenominatorRule defaultZeroRule,
        List<Criterion> criteria,
        Scale scale,
        TotalRule totalRule,
        int firstYear,
        Integer lastYear) {

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
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(totalRule, "totalRule");
        if (firstYear > validFromYear) {
            throw new IllegalArgumentException("first year " + firstYear + " is after the year it came into force, "
                    + validFromYear);
        }
        if (lastYear != null && lastYear < validFromYear) {
            throw new IllegalArgumentException("last year " + lastYear + " is before the year it came into force, "
                    + validFromYear);
        }
        long withIndicators = criteria.stream().filter(c -> !c.indicators().isEmpty()).count();
        if (withIndicators != 0 && withIndicators != criteria.size()) {
            throw new IllegalArgumentException("either every criterion has indicators or none has");
        }
        if (scale == Scale.PERCENT && criteria.stream().anyMatch(c -> c.maxScore() != Criterion.PERCENT_MAX)) {
            throw new IllegalArgumentException("a percent scale has criteria of 0..100");
        }
    }

    /** A methodology of the usual kind: percent scale, the total the mean of the criteria, from its year on. */
    public Methodology(String code, String title, String legalBasis, int validFromYear, String description,
                       DenominatorVariant defaultVariant, ZeroDenominatorRule defaultZeroRule, List<Criterion> criteria) {
        this(code, title, legalBasis, validFromYear, description, defaultVariant, defaultZeroRule, criteria,
                Scale.PERCENT, TotalRule.MEAN, validFromYear, null);
    }

    /** False for a methodology known only from published results: it has no formulas. */
    public boolean computable() {
        return !criteria.get(0).indicators().isEmpty();
    }

    /** Whether a campaign of this year may be recorded with this methodology. */
    public boolean fits(int year) {
        return year >= firstYear && (lastYear == null || year <= lastYear);
    }

    /** Whether the methodology was in force in this year (it came into force and was not yet replaced). */
    public boolean inForce(int year) {
        return year >= validFromYear && (lastYear == null || year <= lastYear);
    }

    /** The years a campaign may be recorded with it, for messages: «2014–2018», «с 2018». */
    public String yearsText() {
        return lastYear == null ? "с " + firstYear + " года" : firstYear + "–" + lastYear + " годы";
    }

    /** The total of the given criterion values (in criteria order) by {@link #totalRule()}. */
    public double total(double... criterionValues) {
        return totalRule.apply(criterionValues);
    }

    /** Top of the total's scale: 100, or the sum of the criteria's maxima (160 for the 2014 points scale). */
    public double maxTotal() {
        double[] maxima = criteria.stream().mapToDouble(Criterion::maxScore).toArray();
        return totalRule.apply(maxima);
    }

    /** The criterion that fills a canonical result column (k1..k5), if the methodology has one. */
    public Optional<Criterion> criterionOfField(String field) {
        return criteria.stream().filter(c -> c.field().equals(field)).findFirst();
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
