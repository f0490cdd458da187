package ru.noko.busgov;

import ru.noko.methodology.Formula;
import ru.noko.methodology.Indicator;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.RatioTerm;
import ru.noko.methodology.RawInputs;
import ru.noko.methodology.CalculationSettings;
import ru.noko.methodology.Score;
import ru.noko.platform.csv.CsvRecords;
import ru.noko.platform.seeds.SeedFiles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of draft plans (data-seeds/busgov/shortcomings.csv): per indicator a short name, a
 * template saying what is missing, filled from raw inputs, and a draft measure. See the README
 * next to the file for the placeholders.
 */
final class ShortcomingTexts {

    static final String FILE = "busgov/shortcomings.csv";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9_]+)}");
    private static final Pattern ANY_BRACE = Pattern.compile("[{}]");

    /** The texts of one indicator. */
    record Text(String shortName, String shortcoming, String activity) {
    }

    private final Map<String, Text> texts;

    private ShortcomingTexts(Map<String, Text> texts) {
        this.texts = Map.copyOf(texts);
    }

    static ShortcomingTexts fromClasspath() {
        return of(SeedFiles.read(FILE));
    }

    /** @throws IllegalArgumentException listing every malformed row */
    static ShortcomingTexts of(List<CsvRecords.Row> rows) {
        Map<String, Text> texts = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (CsvRecords.Row row : rows) {
            String methodology = row.get("methodology");
            String indicator = row.get("indicator");
            Text text = new Text(row.get("short_name"), row.get("shortcoming"), row.get("activity"));
            if (methodology == null || indicator == null || text.shortName() == null || text.shortcoming() == null
                    || text.activity() == null) {
                problems.add("line " + row.line() + ": every column must be filled");
                continue;
            }
            String withoutPlaceholders = PLACEHOLDER.matcher(text.shortcoming()).replaceAll("");
            if (ANY_BRACE.matcher(withoutPlaceholders).find()
                    || ANY_BRACE.matcher(text.activity() + text.shortName()).find()) {
                problems.add("line " + row.line() + ": a brace that is not a {placeholder}");
            }
            if (texts.put(methodology + "/" + indicator, text) != null) {
                problems.add("line " + row.line() + ": " + methodology + " " + indicator + " appears twice");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(FILE + ": " + String.join("; ", problems));
        }
        return new ShortcomingTexts(texts);
    }

    Optional<Text> find(String methodologyCode, String indicatorCode) {
        return Optional.ofNullable(texts.get(methodologyCode + "/" + indicatorCode));
    }

    /**
     * What is wrong with the texts for this methodology: indicators without a row, placeholders its
     * formulas cannot fill. Empty when all is well.
     */
    List<String> problems(Methodology methodology) {
        List<String> problems = new ArrayList<>();
        for (Indicator indicator : methodology.indicators()) {
            Optional<Text> text = find(methodology.code(), indicator.code());
            if (text.isEmpty()) {
                problems.add(methodology.code() + " " + indicator.code() + ": no row");
                continue;
            }
            List<String> known = new ArrayList<>(placeholderNames(indicator));
            Matcher matcher = PLACEHOLDER.matcher(text.get().shortcoming());
            while (matcher.find()) {
                if (!known.contains(matcher.group(1))) {
                    problems.add(methodology.code() + " " + indicator.code() + ": unknown placeholder {" + matcher.group(1) + "}");
                }
            }
        }
        return problems;
    }

    /**
     * The template filled from the raw inputs, or empty when an input it needs is missing (a
     * results-only revision) or a denominator it shows is zero.
     */
    Optional<String> describe(Text text, Indicator indicator, RawInputs inputs, CalculationSettings settings, double score) {
        if (inputs == null) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        inputs.values().forEach((name, value) -> values.put(name, String.valueOf(value)));
        values.put("code", indicator.code());
        values.put("score", new Score(score).russian());
        if (!formulaValues(indicator.formula(), inputs, settings, values)) {
            return Optional.empty();
        }
        Matcher matcher = PLACEHOLDER.matcher(text.shortcoming());
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                return Optional.empty();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return Optional.of(out.toString());
    }

    /** Adds the formula's placeholders; false when a needed input is missing or a denominator is zero. */
    private static boolean formulaValues(Formula formula, RawInputs inputs, CalculationSettings settings,
                                         Map<String, String> values) {
        for (String name : formula.inputs(settings.variant())) {
            if (!inputs.has(name)) {
                return false;
            }
        }
        if (formula instanceof Formula.CappedCount capped) {
            long count = inputs.get(capped.count());
            long needed = (long) Math.ceil(Formula.MAX_POINTS / capped.pointsPerItem());
            if (capped.maxItems().isPresent()) {
                needed = Math.min(needed, capped.maxItems().getAsInt());
                values.put("max_items", String.valueOf(capped.maxItems().getAsInt()));
            }
            values.put("count", String.valueOf(count));
            values.put("needed", String.valueOf(needed));
            values.put("missing", String.valueOf(Math.max(0, needed - count)));
            return true;
        }
        List<RatioTerm> terms = formula.ratioTerms();
        for (int i = 0; i < terms.size(); i++) {
            long numerator = inputs.get(terms.get(i).numerator());
            long denominator = inputs.get(terms.get(i).denominator(settings.variant(), inputs));
            if (denominator == 0) {
                return false;
            }
            values.put("numerator_" + (i + 1), String.valueOf(numerator));
            values.put("denominator_" + (i + 1), String.valueOf(denominator));
            if (terms.size() == 1) {
                values.put("numerator", String.valueOf(numerator));
                values.put("denominator", String.valueOf(denominator));
                values.put("percent", new Score(numerator * 100.0 / denominator).russian());
            }
        }
        return true;
    }

    /** Placeholder names an indicator's formula can fill (raw inputs included). */
    static List<String> placeholderNames(Indicator indicator) {
        List<String> names = new ArrayList<>(List.of("code", "score"));
        Formula formula = indicator.formula();
        names.addAll(formula.inputs());
        if (formula instanceof Formula.CappedCount capped) {
            names.addAll(List.of("count", "needed", "missing"));
            if (capped.maxItems().isPresent()) {
                names.add("max_items");
            }
        }
        List<RatioTerm> terms = formula.ratioTerms();
        for (int i = 1; i <= terms.size(); i++) {
            names.add("numerator_" + i);
            names.add("denominator_" + i);
        }
        if (terms.size() == 1) {
            names.addAll(List.of("numerator", "denominator", "percent"));
        }
        return names;
    }
}
