package ru.noko.campaigns.upload;

import ru.noko.methodology.Indicator;
import ru.noko.methodology.Methodology;
import ru.noko.platform.csv.CsvRecords;
import ru.noko.platform.seeds.SeedFiles;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Canonical field names (METHODOLOGY.md §8) an upload may carry, and the mapping of the headers
 * operators write onto them: canonical names as they are, Russian and customary headers through
 * {@code data-seeds/import/header-aliases.csv}, and the methodology's own criterion and indicator
 * names (as the catalogue writes them). Matching ignores case, surrounding spaces and punctuation,
 * reads ё as е and a Latin K as Cyrillic К.
 */
public final class UploadFields {

    public static final List<String> IDENTITY = List.of("inn", "kpp", "ogrn", "bus_reg_num", "name", "short_name", "type",
            "oktmo", "municipality", "address", "website");
    public static final List<String> CRITERIA = List.of("k1", "k2", "k3", "k4", "k5");
    public static final List<String> PLACES = List.of("place_region", "place_type", "place_municipality");
    public static final String TOTAL = "total";
    public static final String ORGANIZATION_INN = "organization_inn";
    public static final String ORGANIZATION_KPP = "organization_kpp";
    public static final List<String> QUESTIONS = List.of("q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10",
            "q11", "q12", "q13", "q14");
    /** Optional at the answers level: who filled the questionnaire (parent or student). */
    public static final String RESPONDENT_GROUP = "respondent_group";

    /** Quotes a header may open with, and quotes and punctuation it may close with. */
    private static final String LEADING_MARKS = "\"'«";
    private static final String TRAILING_MARKS = "\"'»:*.";

    private final Methodology methodology;
    private final Set<String> known = new LinkedHashSet<>();
    private final Map<String, String> aliases;
    private final List<String> rawInputNames;
    private final Set<String> optionalRawInputs;
    private final List<ru.noko.methodology.Indicator> indicators;

    public UploadFields(Methodology methodology, Map<String, String> aliases) {
        this.methodology = methodology;
        Map<String, String> withNames = new HashMap<>(aliases);
        methodology.criteria().forEach(criterion -> withNames.putIfAbsent(normalize(criterion.nameRu()), criterion.field()));
        methodology.indicators().forEach(indicator -> withNames.putIfAbsent(normalize(indicator.nameRu()), indicator.field()));
        this.aliases = withNames;
        this.rawInputNames = methodology.rawInputNames();
        this.optionalRawInputs = methodology.optionalInputNames();
        this.indicators = methodology.indicators();
        known.addAll(IDENTITY);
        known.addAll(CRITERIA);
        known.add(TOTAL);
        known.addAll(indicatorFields());
        known.addAll(PLACES);
        known.addAll(methodology.rawInputNames());
        known.add(ORGANIZATION_INN);
        known.add(ORGANIZATION_KPP);
        known.addAll(QUESTIONS);
        known.add(RESPONDENT_GROUP);
    }

    /** The alias table shipped in data-seeds/import/header-aliases.csv, keys already normalized. */
    public static Map<String, String> seedAliases() {
        Map<String, String> aliases = new HashMap<>();
        for (CsvRecords.Row row : SeedFiles.read("import/header-aliases.csv")) {
            aliases.put(normalize(row.get("alias")), row.get("field"));
        }
        return aliases;
    }

    public Methodology methodology() {
        return methodology;
    }

    /** {@link Methodology#rawInputNames()}, computed once (it is read for every row). */
    public List<String> rawInputNames() {
        return rawInputNames;
    }

    /** {@link Methodology#optionalInputNames()}, computed once: a raw-inputs file may leave these columns out. */
    public Set<String> optionalRawInputs() {
        return optionalRawInputs;
    }

    /** {@link Methodology#indicators()}, computed once. */
    public List<ru.noko.methodology.Indicator> indicators() {
        return indicators;
    }

    /** The canonical field a header means, or null when it means nothing we know. */
    public String fieldOf(String header) {
        if (header == null) {
            return null;
        }
        String key = normalize(header);
        if (key.isEmpty()) {
            return null;
        }
        String canonical = key.replace('к', 'k').replace(' ', '_');
        if (known.contains(canonical)) {
            return canonical;
        }
        String alias = aliases.get(key);
        return alias != null && known.contains(alias) ? alias : null;
    }

    /**
     * "  Итоговый  Балл: " → "итоговый балл"; "K1" (Latin) → "к1". Plain loops, one pass each: a header
     * is operator input and may be long (no regular expression that could backtrack over it).
     */
    public static String normalize(String header) {
        String text = header.replace('\uFEFF', ' ').replace('\u00A0', ' ').toLowerCase(Locale.ROOT).replace('ё', 'е');
        text = collapseSpaces(text).strip();
        int start = 0;
        int end = text.length();
        while (start < end && LEADING_MARKS.indexOf(text.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && TRAILING_MARKS.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        text = text.substring(start, end).strip();
        if (text.length() == 2 && text.charAt(0) == 'k' && text.charAt(1) >= '1' && text.charAt(1) <= '5') {
            text = "к" + text.substring(1);
        }
        return text;
    }

    /** Every run of ASCII whitespace and underscores becomes one space. */
    private static String collapseSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == '_' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (!space) {
                out.append(c);
            } else if (!inRun) {
                out.append(' ');
            }
            inRun = space;
        }
        return out.toString();
    }

    /** i1_1, i1_2, … in catalogue order. */
    public List<String> indicatorFields() {
        List<String> fields = new ArrayList<>();
        for (Indicator indicator : methodology.indicators()) {
            fields.add(indicator.field());
        }
        return fields;
    }

    /** Raw inputs of expert indicators, in methodology order. */
    public List<String> expertInputs() {
        List<String> inputs = new ArrayList<>();
        for (Indicator indicator : methodology.indicators()) {
            if (indicator.source() == ru.noko.methodology.IndicatorSource.EXPERT) {
                indicator.formula().inputs().stream().filter(i -> !inputs.contains(i)).forEach(inputs::add);
            }
        }
        return inputs;
    }

    /** Raw inputs the survey provides (everything but the expert ones and recipients). */
    public List<String> surveyInputs() {
        List<String> survey = new ArrayList<>(methodology.rawInputNames());
        survey.removeAll(expertInputs());
        survey.remove(Methodology.RECIPIENTS);
        return survey;
    }

    /** Which level a set of columns looks like. */
    public InputLevel detectLevel(Set<String> fields) {
        if (fields.contains(ORGANIZATION_INN) || QUESTIONS.stream().anyMatch(fields::contains)) {
            return InputLevel.ANSWERS;
        }
        boolean survey = surveyInputs().stream().anyMatch(fields::contains);
        if (!survey && CRITERIA.stream().anyMatch(fields::contains)) {
            return InputLevel.RESULTS;
        }
        if (!survey && expertInputs().stream().anyMatch(fields::contains)) {
            return InputLevel.EXPERT;
        }
        return InputLevel.RAW_INPUTS;
    }
}
