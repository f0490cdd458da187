package ru.noko.methodology;

import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Turns the three catalogue CSV files into {@link Methodology} records, checking every row and
 * every cross-reference and reporting all problems at once ({@link CatalogueException}).
 * File formats: {@code data-seeds/methodology/README.md}.
 */
final class CatalogueReader {

    static final String METHODOLOGIES_FILE = "methodologies.csv";
    static final String CRITERIA_FILE = "criteria.csv";
    static final String INDICATORS_FILE = "indicators.csv";

    static final List<String> METHODOLOGY_COLUMNS = List.of(
            "code", "title", "legal_basis", "valid_from_year", "default_variant", "default_zero_rule", "description");
    /** Scale, total rule and the years of use; absent = percent, mean, from {@code valid_from_year} on. */
    static final List<String> OPTIONAL_METHODOLOGY_COLUMNS = List.of("scale", "total_rule", "first_year", "last_year");
    static final List<String> CRITERION_COLUMNS = List.of(
            "methodology", "code", "field", "position", "name_ru", "name_en", "bus_gov_field");
    /** Top of the criterion's scale; absent = 100. */
    static final List<String> OPTIONAL_CRITERION_COLUMNS = List.of("max_score");
    /** Per-question denominators that may be absent and what replaces them; one per numerator or empty. */
    static final List<String> OPTIONAL_INDICATOR_COLUMNS = List.of("fallback_denominators");
    static final List<String> INDICATOR_COLUMNS = List.of(
            "methodology", "criterion", "code", "field", "position", "weight", "source", "formula",
            "numerators", "denominators", "all_respondents_denominators", "points_per_item", "max_items",
            "name_ru", "name_en");

    private static final String LIST_SEPARATOR = "\\|";

    private final List<String> problems = new ArrayList<>();

    List<Methodology> read(Reader methodologies, Reader criteria, Reader indicators) {
        CsvTable methodologyTable = CsvTable.read(METHODOLOGIES_FILE, methodologies, METHODOLOGY_COLUMNS,
                OPTIONAL_METHODOLOGY_COLUMNS, problems);
        CsvTable criterionTable = CsvTable.read(CRITERIA_FILE, criteria, CRITERION_COLUMNS, OPTIONAL_CRITERION_COLUMNS,
                problems);
        CsvTable indicatorTable = CsvTable.read(INDICATORS_FILE, indicators, INDICATOR_COLUMNS,
                OPTIONAL_INDICATOR_COLUMNS, problems);

        List<MethodologyDraft> methodologyDrafts = parseMethodologies(methodologyTable);
        List<CriterionDraft> criterionDrafts = parseCriteria(criterionTable);
        List<IndicatorDraft> indicatorDrafts = parseIndicators(indicatorTable);
        List<Methodology> result = assemble(methodologyDrafts, criterionDrafts, indicatorDrafts);
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
        return result;
    }

    private List<MethodologyDraft> parseMethodologies(CsvTable table) {
        if (table.rows().isEmpty() && table.headerComplete()) {
            problems.add(table.fileName() + ": no methodologies");
        }
        List<MethodologyDraft> drafts = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String code = required(row, "code");
            String title = required(row, "title");
            Integer year = integer(row, "valid_from_year", true);
            DenominatorVariant variant = DenominatorVariant.fromCode(row.get("default_variant")).orElse(null);
            if (variant == null) {
                problem(row, "default_variant '" + row.get("default_variant") + "' is not one of "
                        + Arrays.stream(DenominatorVariant.values()).map(DenominatorVariant::code).toList());
            }
            ZeroDenominatorRule rule = ZeroDenominatorRule.fromCode(row.get("default_zero_rule")).orElse(null);
            if (rule == null) {
                problem(row, "default_zero_rule '" + row.get("default_zero_rule") + "' is not one of "
                        + Arrays.stream(ZeroDenominatorRule.values()).map(ZeroDenominatorRule::code).toList());
            }
            Scale scale = row.get("scale").isEmpty() ? Scale.PERCENT : Scale.fromCode(row.get("scale")).orElse(null);
            if (scale == null) {
                problem(row, "scale '" + row.get("scale") + "' is not one of "
                        + Arrays.stream(Scale.values()).map(Scale::code).toList());
            }
            TotalRule totalRule = row.get("total_rule").isEmpty() ? TotalRule.MEAN
                    : TotalRule.fromCode(row.get("total_rule")).orElse(null);
            if (totalRule == null) {
                problem(row, "total_rule '" + row.get("total_rule") + "' is not one of "
                        + Arrays.stream(TotalRule.values()).map(TotalRule::code).toList());
            }
            Integer firstYear = integer(row, "first_year", false);
            Integer lastYear = integer(row, "last_year", false);
            if (code != null) {
                // Kept even when incomplete, so that its criteria and indicators are still checked
                // and do not all report an "unknown methodology".
                boolean complete = title != null && year != null && variant != null && rule != null && scale != null
                        && totalRule != null && (firstYear != null || row.get("first_year").isEmpty())
                        && (lastYear != null || row.get("last_year").isEmpty());
                int validFrom = year == null ? 0 : year;
                drafts.add(new MethodologyDraft(row, code, complete, title, row.get("legal_basis"),
                        validFrom, row.get("description"), variant, rule, scale, totalRule,
                        firstYear == null ? validFrom : firstYear, lastYear));
            }
        }
        return drafts;
    }

    private List<CriterionDraft> parseCriteria(CsvTable table) {
        List<CriterionDraft> drafts = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String methodology = required(row, "methodology");
            String code = required(row, "code");
            String field = required(row, "field");
            Integer position = integer(row, "position", true);
            String nameRu = required(row, "name_ru");
            String nameEn = required(row, "name_en");
            Double maxScore = maxScore(row);
            if (methodology != null && code != null && field != null && position != null
                    && nameRu != null && nameEn != null && maxScore != null) {
                drafts.add(new CriterionDraft(row, methodology, code, field, position, nameRu, nameEn,
                        row.get("bus_gov_field"), maxScore));
            }
        }
        return drafts;
    }

    private List<IndicatorDraft> parseIndicators(CsvTable table) {
        List<IndicatorDraft> drafts = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String methodology = required(row, "methodology");
            String criterion = required(row, "criterion");
            String code = required(row, "code");
            Integer position = integer(row, "position", true);
            BigDecimal weight = weight(row);
            IndicatorSource source = IndicatorSource.fromCode(row.get("source")).orElse(null);
            if (source == null) {
                problem(row, "source '" + row.get("source") + "' is not one of "
                        + Arrays.stream(IndicatorSource.values()).map(IndicatorSource::code).toList());
            }
            if (methodology == null || criterion == null || code == null || position == null || weight == null
                    || source == null) {
                continue;
            }
            try {
                Indicator indicator = new Indicator(code, row.get("field"), criterion, position,
                        weight.doubleValue(), source, formula(row), row.get("name_ru"), row.get("name_en"));
                drafts.add(new IndicatorDraft(row, methodology, weight, indicator));
            } catch (IllegalArgumentException e) {
                problem(row, "indicator " + code + ": " + e.getMessage());
            }
        }
        return drafts;
    }

    private Formula formula(CsvTable.Row row) {
        String kind = row.get("formula");
        List<String> numerators = list(row.get("numerators"));
        List<String> denominators = list(row.get("denominators"));
        List<String> allRespondents = list(row.get("all_respondents_denominators"));
        List<String> fallbacks = list(row.get("fallback_denominators"));
        String pointsPerItem = row.get("points_per_item");
        String maxItems = row.get("max_items");
        switch (kind) {
            case Formula.Ratio.KIND, Formula.MeanOfRatios.KIND -> {
                if (!pointsPerItem.isEmpty() || !maxItems.isEmpty()) {
                    throw new IllegalArgumentException(kind + " takes no points_per_item or max_items");
                }
                List<RatioTerm> terms = ratioTerms(numerators, denominators, allRespondents, fallbacks);
                if (kind.equals(Formula.Ratio.KIND)) {
                    if (terms.size() != 1) {
                        throw new IllegalArgumentException("ratio takes exactly one numerator and one denominator");
                    }
                    return new Formula.Ratio(terms.get(0));
                }
                return new Formula.MeanOfRatios(terms);
            }
            case Formula.CappedCount.KIND -> {
                if (numerators.size() != 1 || !denominators.isEmpty() || !allRespondents.isEmpty() || !fallbacks.isEmpty()) {
                    throw new IllegalArgumentException(
                            "capped_count takes its count in numerators (one name) and no denominators");
                }
                if (pointsPerItem.isEmpty()) {
                    throw new IllegalArgumentException("capped_count needs points_per_item");
                }
                double points;
                try {
                    points = new BigDecimal(pointsPerItem).doubleValue();
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("points_per_item '" + pointsPerItem + "' is not a number");
                }
                return new Formula.CappedCount(numerators.get(0), points, optionalInt(maxItems, "max_items"));
            }
            default -> throw new IllegalArgumentException("formula '" + kind + "' is not one of "
                    + Formula.Ratio.KIND + ", " + Formula.MeanOfRatios.KIND + ", " + Formula.CappedCount.KIND);
        }
    }

    private static List<RatioTerm> ratioTerms(List<String> numerators, List<String> denominators,
                                              List<String> allRespondents, List<String> fallbacks) {
        if (numerators.isEmpty() || numerators.size() != denominators.size()) {
            throw new IllegalArgumentException("numerators and denominators must list the same number (≥ 1) of"
                    + " names, got " + numerators.size() + " and " + denominators.size());
        }
        if (!allRespondents.isEmpty() && allRespondents.size() != numerators.size()) {
            throw new IllegalArgumentException("all_respondents_denominators must be empty or list one name per"
                    + " numerator, got " + allRespondents.size() + " for " + numerators.size());
        }
        if (!fallbacks.isEmpty() && fallbacks.size() != numerators.size()) {
            throw new IllegalArgumentException("fallback_denominators must be empty or list one name per"
                    + " numerator, got " + fallbacks.size() + " for " + numerators.size());
        }
        List<RatioTerm> terms = new ArrayList<>();
        for (int i = 0; i < numerators.size(); i++) {
            String allRespondentsDenominator = allRespondents.isEmpty() ? null : allRespondents.get(i);
            String fallback = fallbacks.isEmpty() ? null : fallbacks.get(i);
            terms.add(new RatioTerm(numerators.get(i), denominators.get(i), allRespondentsDenominator, fallback));
        }
        return terms;
    }

    private List<Methodology> assemble(List<MethodologyDraft> methodologies, List<CriterionDraft> criteria,
                                       List<IndicatorDraft> indicators) {
        Map<String, MethodologyDraft> byCode = new LinkedHashMap<>();
        for (MethodologyDraft draft : methodologies) {
            if (byCode.putIfAbsent(draft.code(), draft) != null) {
                problem(draft.row(), "methodology " + draft.code() + " is defined twice");
            }
        }
        for (CriterionDraft criterion : criteria) {
            if (!byCode.containsKey(criterion.methodology())) {
                problem(criterion.row(), "criterion " + criterion.code() + " refers to unknown methodology "
                        + criterion.methodology());
            }
        }
        for (IndicatorDraft indicator : indicators) {
            boolean criterionExists = criteria.stream().anyMatch(criterion ->
                    criterion.methodology().equals(indicator.methodology())
                            && criterion.code().equals(indicator.indicator().criterionCode()));
            if (!criterionExists) {
                problem(indicator.row(), "indicator " + indicator.indicator().code() + " refers to unknown criterion "
                        + indicator.methodology() + "/" + indicator.indicator().criterionCode());
            }
        }
        List<Methodology> result = new ArrayList<>();
        for (MethodologyDraft draft : byCode.values()) {
            Methodology methodology = assembleMethodology(draft, criteria, indicators);
            if (methodology != null) {
                result.add(methodology);
            }
        }
        return result;
    }

    private Methodology assembleMethodology(MethodologyDraft draft, List<CriterionDraft> allCriteria,
                                            List<IndicatorDraft> allIndicators) {
        List<CriterionDraft> criteria = allCriteria.stream()
                .filter(criterion -> criterion.methodology().equals(draft.code()))
                .sorted(Comparator.comparingInt(CriterionDraft::position))
                .toList();
        List<IndicatorDraft> indicators = allIndicators.stream()
                .filter(indicator -> indicator.methodology().equals(draft.code()))
                .toList();
        if (criteria.isEmpty()) {
            problem(draft.row(), "methodology " + draft.code() + " has no criteria");
            return null;
        }
        Set<String> criterionCodes = new HashSet<>();
        Set<Integer> criterionPositions = new HashSet<>();
        Set<String> fields = new HashSet<>();
        Set<String> indicatorCodes = new HashSet<>();
        for (CriterionDraft criterion : criteria) {
            unique(criterionCodes, criterion.code(), criterion.row(), "criterion code");
            unique(criterionPositions, criterion.position(), criterion.row(), "criterion position");
            unique(fields, criterion.field(), criterion.row(), "field");
        }
        for (IndicatorDraft indicator : indicators) {
            unique(indicatorCodes, indicator.indicator().code(), indicator.row(), "indicator code");
            unique(fields, indicator.indicator().field(), indicator.row(), "field");
        }
        // A methodology known only from published results lists no indicators at all; otherwise every
        // criterion needs its own.
        boolean resultsOnly = indicators.isEmpty();
        List<Criterion> built = new ArrayList<>();
        for (CriterionDraft criterion : criteria) {
            Criterion assembled = assembleCriterion(criterion, indicators, resultsOnly);
            if (assembled != null) {
                built.add(assembled);
            }
        }
        if (built.size() != criteria.size() || !draft.complete()) {
            return null;
        }
        try {
            return new Methodology(draft.code(), draft.title(), draft.legalBasis(), draft.validFromYear(),
                    draft.description(), draft.defaultVariant(), draft.defaultZeroRule(), built, draft.scale(),
                    draft.totalRule(), draft.firstYear(), draft.lastYear());
        } catch (IllegalArgumentException e) {
            problem(draft.row(), "methodology " + draft.code() + ": " + e.getMessage());
            return null;
        }
    }

    private Criterion assembleCriterion(CriterionDraft criterion, List<IndicatorDraft> methodologyIndicators,
                                        boolean resultsOnly) {
        if (resultsOnly) {
            return criterion(criterion, List.of());
        }
        List<IndicatorDraft> own = methodologyIndicators.stream()
                .filter(indicator -> indicator.indicator().criterionCode().equals(criterion.code()))
                .sorted(Comparator.comparingInt(indicator -> indicator.indicator().position()))
                .toList();
        if (own.isEmpty()) {
            problem(criterion.row(), "criterion " + criterion.methodology() + "/" + criterion.code()
                    + " has no indicators");
            return null;
        }
        Set<Integer> positions = new HashSet<>();
        BigDecimal weightSum = BigDecimal.ZERO;
        for (IndicatorDraft indicator : own) {
            unique(positions, indicator.indicator().position(), indicator.row(), "indicator position in "
                    + criterion.code());
            weightSum = weightSum.add(indicator.weight());
        }
        if (weightSum.compareTo(BigDecimal.ONE) != 0) {
            problem(criterion.row(), "weights of the indicators of " + criterion.methodology() + "/" + criterion.code()
                    + " sum to " + weightSum.stripTrailingZeros().toPlainString() + ", not 1 ("
                    + own.stream().map(i -> i.indicator().code() + " × " + i.weight().toPlainString()).toList() + ")");
            return null;
        }
        return criterion(criterion, own.stream().map(IndicatorDraft::indicator).toList());
    }

    private Criterion criterion(CriterionDraft criterion, List<Indicator> indicators) {
        try {
            return new Criterion(criterion.code(), criterion.field(), criterion.position(), criterion.nameRu(),
                    criterion.nameEn(), criterion.busGovField(), indicators, criterion.maxScore());
        } catch (IllegalArgumentException e) {
            problem(criterion.row(), "criterion " + criterion.code() + ": " + e.getMessage());
            return null;
        }
    }

    private Double maxScore(CsvTable.Row row) {
        String value = row.get("max_score");
        if (value.isEmpty()) {
            return Criterion.PERCENT_MAX;
        }
        try {
            double max = new BigDecimal(value).doubleValue();
            if (max <= 0) {
                problem(row, "max_score " + value + " is not positive");
                return null;
            }
            return max;
        } catch (NumberFormatException e) {
            problem(row, "max_score '" + value + "' is not a decimal number");
            return null;
        }
    }

    private <T> void unique(Set<T> seen, T value, CsvTable.Row row, String what) {
        if (!seen.add(value)) {
            problem(row, what + " '" + value + "' is used twice");
        }
    }

    private String required(CsvTable.Row row, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            problem(row, column + " is empty");
            return null;
        }
        return value;
    }

    private Integer integer(CsvTable.Row row, String column, boolean required) {
        String value = row.get(column);
        if (value.isEmpty()) {
            if (required) {
                problem(row, column + " is empty");
            }
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problem(row, column + " '" + value + "' is not an integer");
            return null;
        }
    }

    private BigDecimal weight(CsvTable.Row row) {
        String value = row.get("weight");
        try {
            BigDecimal weight = new BigDecimal(value);
            if (weight.signum() <= 0 || weight.compareTo(BigDecimal.ONE) > 0) {
                problem(row, "weight " + value + " is not in (0, 1]");
                return null;
            }
            return weight;
        } catch (NumberFormatException e) {
            problem(row, "weight '" + value + "' is not a decimal number");
            return null;
        }
    }

    private static OptionalInt optionalInt(String value, String column) {
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + value + "' is not an integer");
        }
    }

    private static List<String> list(String cell) {
        if (cell.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(cell.split(LIST_SEPARATOR, -1)).map(String::trim).toList();
    }

    private void problem(CsvTable.Row row, String message) {
        problems.add(row.where() + ": " + message);
    }

    private record MethodologyDraft(CsvTable.Row row, String code, boolean complete, String title, String legalBasis,
                                    int validFromYear,
                                    String description, DenominatorVariant defaultVariant,
                                    ZeroDenominatorRule defaultZeroRule, Scale scale, TotalRule totalRule,
                                    int firstYear, Integer lastYear) {
    }

    private record CriterionDraft(CsvTable.Row row, String methodology, String code, String field, int position,
                                  String nameRu, String nameEn, String busGovField, double maxScore) {
    }

    private record IndicatorDraft(CsvTable.Row row, String methodology, BigDecimal weight, Indicator indicator) {
    }
}
