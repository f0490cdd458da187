package ru.noko.catalog.web;

import jakarta.inject.Singleton;
import ru.noko.api.model.ChoiceOption;
import ru.noko.api.model.MethodologyChoice;
import ru.noko.api.model.MethodologyChoiceBasis;
import ru.noko.api.model.MethodologyChoiceSetting;
import ru.noko.methodology.Methodology;
import ru.noko.platform.csv.CsvRecords;
import ru.noko.platform.seeds.SeedFiles;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What in a calculation is a choice rather than law ({@code data-seeds/methodology/choices.csv}):
 * the denominator variant (two readings of the legal texts) and the zero-denominator rule (set by no
 * text), each option described in Russian.
 */
@Singleton
class MethodologyChoices {

    private static final String VARIANT = "variant";
    private static final String ZERO_RULE = "zero_rule";

    private final Map<String, List<CsvRecords.Row>> bySetting = new LinkedHashMap<>();

    MethodologyChoices() {
        for (CsvRecords.Row row : SeedFiles.read("methodology/choices.csv")) {
            bySetting.computeIfAbsent(row.get("setting"), setting -> new ArrayList<>()).add(row);
        }
    }

    List<MethodologyChoice> of(Methodology methodology) {
        return List.of(choice(VARIANT, methodology.defaultVariant().code()),
                choice(ZERO_RULE, methodology.defaultZeroRule().code()));
    }

    private MethodologyChoice choice(String setting, String defaultCode) {
        List<CsvRecords.Row> rows = bySetting.getOrDefault(setting, List.of());
        List<ChoiceOption> options = rows.stream()
                .map(row -> new ChoiceOption(row.get("code"), row.get("description"))).toList();
        boolean law = !rows.isEmpty() && rows.stream().allMatch(row -> "law".equals(row.get("basis")));
        return new MethodologyChoice(MethodologyChoiceSetting.fromValue(setting), defaultCode,
                law ? MethodologyChoiceBasis.LAW : MethodologyChoiceBasis.CHOICE, options);
    }
}
