package ru.noko.campaigns.upload;

import java.util.Locale;
import java.util.Map;

/**
 * The respondent group of a questionnaire as operators write it: parents (legal representatives) or
 * students, who are surveyed from 14 (METHODOLOGY §1), so a kindergarten has no student questionnaires.
 */
final class RespondentGroups {

    static final String PARENT = "parent";
    static final String STUDENT = "student";

    private static final Map<String, String> WRITTEN = Map.ofEntries(
            Map.entry("parent", PARENT), Map.entry("родитель", PARENT), Map.entry("родители", PARENT),
            Map.entry("законный представитель", PARENT), Map.entry("законные представители", PARENT),
            Map.entry("родитель (законный представитель)", PARENT), Map.entry("родители (законные представители)", PARENT),
            Map.entry("student", STUDENT), Map.entry("обучающийся", STUDENT), Map.entry("обучающиеся", STUDENT),
            Map.entry("учащийся", STUDENT), Map.entry("учащиеся", STUDENT), Map.entry("ученик", STUDENT),
            Map.entry("студент", STUDENT));

    private RespondentGroups() {
    }

    /** {@code parent}, {@code student}, or null when the text names neither. */
    static String of(String written) {
        if (written == null || written.length() > 100) {
            return null;
        }
        String key = written.toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ").strip();
        return WRITTEN.get(key);
    }
}
