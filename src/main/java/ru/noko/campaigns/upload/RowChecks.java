package ru.noko.campaigns.upload;

import ru.noko.campaigns.ComputedResult;
import ru.noko.campaigns.OrganizationIdentity;
import ru.noko.campaigns.RawInputsTable;
import ru.noko.catalog.SearchText;
import ru.noko.methodology.Indicator;
import ru.noko.methodology.InputProblem;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.RawInputs;
import ru.noko.methodology.RawInputsValidator;
import ru.noko.methodology.Score;
import ru.noko.methodology.SurveySample;
import ru.noko.methodology.TotalCheck;
import ru.noko.platform.csv.NumberText;
import ru.noko.platform.text.Excerpt;
import ru.noko.platform.web.FieldProblem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks of each input level, row by row; checked rows go to a {@link RowSink}. */
abstract class RowChecks {

    protected final CampaignScope scope;
    protected final UploadFields fields;
    protected final Set<String> missingColumns;
    protected final UploadReport report;
    protected final RowSink sink;
    protected final IdentityColumns identities;
    protected Character decimalSeparator;
    protected int staged;

    RowChecks(CampaignScope scope, UploadFields fields, Set<String> missingColumns, UploadReport report, RowSink sink) {
        this.scope = scope;
        this.fields = fields;
        this.missingColumns = missingColumns;
        this.report = report;
        this.sink = sink;
        this.identities = new IdentityColumns(scope);
    }

    /** Columns a file of this level must have. */
    static List<String> requiredColumns(InputLevel level, UploadFields fields, CampaignScope scope) {
        List<String> required = new ArrayList<>();
        if (level == InputLevel.ANSWERS) {
            required.add(UploadFields.ORGANIZATION_INN);
            required.add(UploadFields.ORGANIZATION_KPP);
            required.addAll(UploadFields.QUESTIONS);
            return required;
        }
        required.addAll(List.of("inn", "kpp", "name"));
        if (scope.defaultType() == null) {
            required.add("type");
        }
        switch (level) {
            case RESULTS -> scope.methodology().criteria().forEach(criterion -> required.add(criterion.field()));
            case RAW_INPUTS -> fields.rawInputNames().stream()
                    .filter(name -> !fields.optionalRawInputs().contains(name)).forEach(required::add);
            case EXPERT -> required.addAll(fields.expertInputs());
            default -> {
            }
        }
        return required;
    }

    static RowChecks of(InputLevel level, CampaignScope scope, UploadFields fields, Set<String> missing,
                        UploadReport report, RowSink sink, Map<String, StagedRow> checklist) {
        return switch (level) {
            case RESULTS -> new ResultsTable(scope, fields, missing, report, sink);
            case RAW_INPUTS -> new RawInputRows(scope, fields, missing, report, sink);
            case EXPERT -> new ExpertChecklist(scope, fields, missing, report, sink);
            case ANSWERS -> new Answers(scope, fields, missing, report, sink, checklist);
        };
    }

    abstract void accept(UploadTable.SourceRow row);

    /** After the last row. */
    void finish() {
    }

    int staged() {
        return staged;
    }

    Character decimalSeparator() {
        return decimalSeparator;
    }

    protected void stage(StagedRow row) {
        staged++;
        sink.accept(row);
    }

    protected String number(String raw) {
        NumberText.Normalized normalized = NumberText.normalize(raw);
        if (normalized == null) {
            return null;
        }
        if (decimalSeparator == null && normalized.decimalSeparator() != null) {
            decimalSeparator = normalized.decimalSeparator();
        }
        return normalized.text();
    }

    /** A 0..100 score; reports and returns null when it is not one. */
    protected Double score(UploadTable.SourceRow row, String field, boolean required) {
        return score(row, field, required, 100);
    }

    /** A score from 0 to {@code max} (the top of the methodology's scale); reports and returns null when it is not one. */
    protected Double score(UploadTable.SourceRow row, String field, boolean required, double max) {
        String raw = row.get(field);
        if (raw == null) {
            if (required && !missingColumns.contains(field)) {
                report.error(UploadReport.cell(row.row(), field, null, "required", "Не заполнено значение " + label(field)));
            }
            return null;
        }
        Double value = NumberText.parseDouble(number(raw));
        if (value == null) {
            report.error(UploadReport.cell(row.row(), field, raw, "not_a_number", "Значение " + label(field) + " «" + Excerpt.of(raw) + "» — не число"));
            return null;
        }
        if (value < 0 || value > max) {
            report.error(UploadReport.cell(row.row(), field, raw, "out_of_range",
                    "Значение " + label(field) + " должно быть от 0 до " + new Score(max).russian()
                            + " баллов, а указано " + Excerpt.of(raw)));
            return null;
        }
        return value;
    }

    /** The file's place in the rating (a positive whole number), when it gives one; reports and returns null otherwise. */
    protected Integer place(UploadTable.SourceRow row) {
        String field = UploadFields.PLACES.get(0);
        String raw = row.get(field);
        if (raw == null) {
            return null;
        }
        Double value = NumberText.parseDouble(number(raw));
        if (value == null || value < 1 || value != Math.rint(value) || value > Integer.MAX_VALUE) {
            report.error(UploadReport.cell(row.row(), field, raw, "invalid_place",
                    "Место в рейтинге должно быть целым числом от 1, а указано «" + Excerpt.of(raw) + "»"));
            return null;
        }
        return value.intValue();
    }

    protected static String label(String field) {
        if (field.matches("k[1-5]")) {
            return "критерия К" + field.substring(1);
        }
        if (field.equals(UploadFields.TOTAL)) {
            return "итогового балла";
        }
        if (field.matches("i\\d_\\d")) {
            return "показателя " + field.substring(1).replace('_', '.');
        }
        return field;
    }

    protected static String searchName(OrganizationIdentity o) {
        return SearchText.fold(o.name() + (o.shortName() == null ? "" : " " + o.shortName()));
    }

    /** Published criteria or total in a raw-inputs file: kept and compared with what we compute. */
    protected void comparePublished(UploadTable.SourceRow row, double[] computed, double computedTotal, Double publishedTotal) {
        for (int i = 0; i < 5; i++) {
            String field = UploadFields.CRITERIA.get(i);
            if (row.get(field) == null) {
                continue;
            }
            Double published = score(row, field, false);
            if (published != null && TotalCheck.differs(published, computed[i])) {
                report.warning(UploadReport.cell(row.row(), field, row.get(field), "criterion_mismatch",
                        "Опубликованное значение " + label(field) + " " + Excerpt.of(row.get(field)) + " отличается от рассчитанного "
                                + new Score(computed[i]).roundedText(',') + " больше чем на 0,01"));
            }
        }
        if (publishedTotal != null && TotalCheck.differs(publishedTotal, computedTotal)) {
            report.warning(UploadReport.cell(row.row(), UploadFields.TOTAL, row.get(UploadFields.TOTAL), "total_mismatch",
                    "Опубликованный итоговый балл " + Excerpt.of(row.get(UploadFields.TOTAL)) + " отличается от рассчитанного "
                            + new Score(computedTotal).roundedText(',') + " больше чем на 0,01; опубликован итоговый балл"
                            + " из файла, рассчитанный сохранён рядом с ним"));
        }
    }

    /**
     * A row computed from raw inputs. {@code officialCriteria} and {@code officialIndicators} are
     * what the file gave beside the raw inputs (null when nothing): they are published, ours is kept
     * beside them.
     */
    protected StagedRow computed(int line, ComputedResult result, String municipality, Double publishedTotal,
                                 Integer publishedPlace, double[] officialCriteria, Double[] officialIndicators) {
        double[] computedCriteria = result.assessment().criteria().values().stream().mapToDouble(Double::doubleValue).toArray();
        double[] criteria = officialCriteria != null ? officialCriteria : computedCriteria;
        List<Indicator> indicators = fields.indicators();
        Double[] computedValues = new Double[indicators.size()];
        Double[] values = new Double[indicators.size()];
        String[] checks = new String[indicators.size()];
        for (int i = 0; i < values.length; i++) {
            computedValues[i] = result.assessment().indicators().get(indicators.get(i).code());
            Double official = officialIndicators == null ? null : officialIndicators[i];
            values[i] = official != null ? official : computedValues[i];
            IndicatorCheck check = IndicatorCheck.of(official, computedValues[i], true);
            checks[i] = check == null ? null : check.code();
        }
        RawInputs raw = result.inputs();
        List<String> names = fields.rawInputNames();
        Long[] rawValues = new Long[names.size()];
        for (int i = 0; i < rawValues.length; i++) {
            rawValues[i] = raw.has(names.get(i)) ? raw.get(names.get(i)) : null;
        }
        for (InputProblem warning : SurveySample.check(raw)) {
            report.warning(UploadReport.cell(line, warning.field(),
                    String.valueOf(raw.get(Methodology.RESPONDENTS)), warning.code(), warning.message()));
        }
        return new StagedRow(line, result.organization(), municipality, criteria, result.assessment().total(), publishedTotal,
                publishedPlace, raw.has(Methodology.RECIPIENTS) ? raw.get(Methodology.RECIPIENTS) : null,
                raw.has(Methodology.RESPONDENTS) ? raw.get(Methodology.RESPONDENTS) : null,
                values, List.copyOf(result.assessment().zeroDenominatorIndicators()), rawValues, computedValues, checks);
    }

    /** The indicator values the file gives, in catalogue order; null when it gives none. Reports bad ones. */
    protected Double[] givenIndicators(UploadTable.SourceRow row) {
        List<String> indicatorFields = fields.indicatorFields();
        Double[] indicators = null;
        for (int i = 0; i < indicatorFields.size(); i++) {
            Double value = row.get(indicatorFields.get(i)) == null ? null : score(row, indicatorFields.get(i), false);
            if (value != null) {
                if (indicators == null) {
                    indicators = new Double[indicatorFields.size()];
                }
                indicators[i] = value;
            }
        }
        return indicators;
    }

    protected Map<String, String> counts(UploadTable.SourceRow row, List<String> names) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (String name : names) {
            String raw = row.get(name);
            if (raw != null) {
                inputs.put(name, number(raw));
            }
        }
        return inputs;
    }

    protected void addAll(List<FieldProblem> problems) {
        for (FieldProblem problem : problems) {
            if (!(InputProblem.REQUIRED.equals(problem.code()) && missingColumns.contains(problem.field()))) {
                report.error(problem);
            }
        }
    }

    /**
     * Level 1: the results table as published. Criteria, indicators, the total and the place are
     * kept as given (the official record); the total is recomputed beside it; places the file
     * does not give are ours.
     */
    static final class ResultsTable extends RowChecks {

        private final PlaceOrderCheck placeOrder = new PlaceOrderCheck();

        ResultsTable(CampaignScope scope, UploadFields fields, Set<String> missing, UploadReport report, RowSink sink) {
            super(scope, fields, missing, report, sink);
        }

        @Override
        void accept(UploadTable.SourceRow row) {
            int before = report.errorCount();
            OrganizationIdentity identity = identities.read(row, missingColumns, report);
            Methodology methodology = scope.methodology();
            // k1..k5 in order; a criterion the methodology does not have stays NaN (stored as NULL, never 0)
            double[] criteria = new double[UploadFields.CRITERIA.size()];
            java.util.Arrays.fill(criteria, Double.NaN);
            List<Double> given = new ArrayList<>();
            boolean incomplete = false;
            for (int i = 0; i < criteria.length; i++) {
                String field = UploadFields.CRITERIA.get(i);
                var criterion = methodology.criterionOfField(field);
                if (criterion.isEmpty()) {
                    if (row.get(field) != null) {
                        report.error(UploadReport.cell(row.row(), field, row.get(field), "criterion_not_in_methodology",
                                "В методике " + methodology.code() + " нет критерия К" + field.substring(1)
                                        + ": его значение не может быть указано (пустая ячейка — не ноль)"));
                    }
                    continue;
                }
                Double value = score(row, field, true, criterion.get().maxScore());
                if (value == null) {
                    incomplete = true;
                } else {
                    criteria[i] = value;
                    given.add(value);
                }
            }
            Double publishedTotal = score(row, UploadFields.TOTAL, false, methodology.maxTotal());
            Integer publishedPlace = place(row);
            Double[] indicators = givenIndicators(row);
            if (report.errorCount() > before || identity == null || incomplete) {
                return;
            }
            double total = methodology.total(given.stream().mapToDouble(Double::doubleValue).toArray());
            if (publishedTotal != null && TotalCheck.differs(publishedTotal, total)) {
                report.warning(UploadReport.cell(row.row(), UploadFields.TOTAL, row.get(UploadFields.TOTAL), "total_mismatch",
                        "Итоговый балл " + Excerpt.of(row.get(UploadFields.TOTAL)) + " отличается от "
                                + (methodology.totalRule() == ru.noko.methodology.TotalRule.SUM ? "суммы " : "среднего ")
                                + switch (given.size()) {
                                    case 4 -> "четырёх";
                                    case 5 -> "пяти";
                                    default -> String.valueOf(given.size());
                                } + " критериев "
                                + new Score(total).roundedText(',') + " больше чем на 0,01; опубликован итоговый балл"
                                + " из файла, рассчитанный сохранён рядом с ним"));
            }
            String[] checks = null;
            if (indicators != null) {
                checkCriteriaAgainstIndicators(row, criteria, indicators);
                checks = new String[indicators.length];
                for (int i = 0; i < indicators.length; i++) {
                    IndicatorCheck check = IndicatorCheck.of(indicators[i], null, false);
                    checks[i] = check == null ? null : check.code();
                }
            }
            placeOrder.add(row.row(), publishedTotal, publishedPlace);
            stage(new StagedRow(row.row(), identity, row.get("municipality"), criteria, total, publishedTotal,
                    publishedPlace, null, null, indicators, List.of(), null, null, checks));
        }

        /**
         * The file's criteria against the criteria recomputed from its indicators (the catalogue's
         * weights), for every criterion whose indicators the file gives all of: the file's criterion
         * is published, a difference above 0.01 is a warning naming the row and the criterion.
         */
        private void checkCriteriaAgainstIndicators(UploadTable.SourceRow row, double[] criteria, Double[] indicators) {
            List<Indicator> catalogue = fields.indicators();
            for (ru.noko.methodology.Criterion criterion : fields.methodology().criteria()) {
                int index = UploadFields.CRITERIA.indexOf(criterion.field());
                if (index < 0) {
                    continue;
                }
                Double weighted = criterion.fromIndicators(indicator -> indicators[catalogue.indexOf(indicator)]);
                if (weighted != null && TotalCheck.differs(criteria[index], weighted)) {
                    String field = criterion.field();
                    report.warning(UploadReport.cell(row.row(), field, row.get(field), "criterion_indicators_mismatch",
                            "Строка " + row.row() + ": значение " + label(field) + " " + Excerpt.of(row.get(field))
                                    + " отличается от рассчитанного по показателям строки "
                                    + new Score(weighted).roundedText(',') + " больше чем на 0,01; опубликовано значение"
                                    + " из файла"));
                }
            }
        }

        @Override
        void finish() {
            placeOrder.report(report);
        }
    }

    /** Level 2: raw inputs; indicators, criteria and total computed by the methodology engine. */
    static final class RawInputRows extends RowChecks {

        private final RawInputsTable table;
        private final PlaceOrderCheck placeOrder = new PlaceOrderCheck();

        RawInputRows(CampaignScope scope, UploadFields fields, Set<String> missing, UploadReport report, RowSink sink) {
            super(scope, fields, missing, report, sink);
            this.table = new RawInputsTable(scope.methodology(), scope.settings());
        }

        @Override
        void accept(UploadTable.SourceRow row) {
            OrganizationIdentity identity = identities.read(row, missingColumns, report);
            Map<String, String> inputs = counts(row, fields.rawInputNames());
            List<FieldProblem> problems = new ArrayList<>();
            ComputedResult result = table.computeRow(row.row(), identity, inputs, problems);
            addAll(problems);
            if (result == null || !problems.isEmpty()) {
                return;
            }
            Double publishedTotal = row.get(UploadFields.TOTAL) == null ? null : score(row, UploadFields.TOTAL, false);
            Integer publishedPlace = place(row);
            double[] officialCriteria = givenCriteria(row);
            Double[] officialIndicators = givenIndicators(row);
            StagedRow staged = computed(row.row(), result, row.get("municipality"), publishedTotal, publishedPlace,
                    officialCriteria, officialIndicators);
            double[] computedCriteria = result.assessment().criteria().values().stream().mapToDouble(Double::doubleValue).toArray();
            comparePublished(row, computedCriteria, staged.totalComputed(), publishedTotal);
            compareIndicators(row, staged);
            placeOrder.add(row.row(), publishedTotal, publishedPlace);
            stage(staged);
        }

        /** All five criteria as the file gives them (official), or null when it does not give all five. */
        private double[] givenCriteria(UploadTable.SourceRow row) {
            double[] criteria = new double[5];
            for (int i = 0; i < 5; i++) {
                String field = UploadFields.CRITERIA.get(i);
                Double value = row.get(field) == null ? null : NumberText.parseDouble(number(row.get(field)));
                if (value == null || value < 0 || value > 100) {
                    return null;
                }
                criteria[i] = value;
            }
            return criteria;
        }

        /** Official indicator values against ours: a difference above 0.01 is a warning naming the row and the indicator. */
        private void compareIndicators(UploadTable.SourceRow row, StagedRow staged) {
            List<String> indicatorFields = fields.indicatorFields();
            for (int i = 0; i < indicatorFields.size(); i++) {
                if (IndicatorCheck.MISMATCH.code().equals(staged.indicatorChecks()[i])) {
                    String field = indicatorFields.get(i);
                    report.warning(UploadReport.cell(row.row(), field, row.get(field), "indicator_mismatch",
                            "Строка " + row.row() + ": значение " + label(field) + " " + Excerpt.of(row.get(field))
                                    + " отличается от рассчитанного по исходным данным "
                                    + new Score(staged.indicatorsComputed()[i]).roundedText(',')
                                    + " больше чем на 0,01; опубликовано значение из файла, рассчитанное сохранено рядом"));
                }
            }
        }

        @Override
        void finish() {
            placeOrder.report(report);
        }
    }

    /** The expert half of an answers-level campaign: identity + checklist counts (+ recipients). */
    static final class ExpertChecklist extends RowChecks {

        private final RawInputsValidator validator = new RawInputsValidator();

        ExpertChecklist(CampaignScope scope, UploadFields fields, Set<String> missing, UploadReport report, RowSink sink) {
            super(scope, fields, missing, report, sink);
        }

        @Override
        void accept(UploadTable.SourceRow row) {
            int before = report.errorCount();
            OrganizationIdentity identity = identities.read(row, missingColumns, report);
            List<String> own = new ArrayList<>(fields.expertInputs());
            own.add(Methodology.RECIPIENTS);
            Map<String, String> inputs = counts(row, own);
            for (InputProblem problem : validator.validate(fields.methodology(), inputs)) {
                if (own.contains(problem.field())
                        && !(InputProblem.REQUIRED.equals(problem.code()) && missingColumns.contains(problem.field()))) {
                    report.error(UploadReport.cell(row.row(), problem.field(), inputs.get(problem.field()), problem.code(),
                            problem.message()));
                }
            }
            if (report.errorCount() > before || identity == null) {
                return;
            }
            RawInputs raw = validator.toRawInputs(inputs);
            List<String> names = fields.rawInputNames();
            Long[] rawValues = new Long[names.size()];
            for (int i = 0; i < rawValues.length; i++) {
                rawValues[i] = raw.has(names.get(i)) ? raw.get(names.get(i)) : null;
            }
            stage(new StagedRow(row.row(), identity, row.get("municipality"), null, null, null, null,
                    raw.has(Methodology.RECIPIENTS) ? raw.get(Methodology.RECIPIENTS) : null, null, null, List.of(), rawValues,
                    null, null));
        }
    }

    /**
     * Level 3: one questionnaire per row (METHODOLOGY.md §3), counted per organization into the
     * survey inputs, joined with the campaign's expert checklist, then computed as level 2. When
     * the file names the respondent group of its questionnaires, each group's questionnaires are
     * also counted apart and computed the same way, for the group's survey indicators; the
     * combined result stays computed over every questionnaire.
     */
    static final class Answers extends RowChecks {

        /**
         * Survey input → the questionnaires it counts: those that answered a question (any answer) or
         * said «yes» to it, and for a follow-up also «yes» to the question that opens it. A blank answer
         * is not an answer, so every ratio divides by those who answered its question (the federal
         * parameter table: «ответивших на соответствующий вопрос анкеты»): stand users who rated the
         * stand, respondents with a disability who rated accessibility, and so on.
         */
        private static final Count[] MAPPING = {
                Count.answered("used_stand", "q2", "q1"), Count.yes("satisfied_stand", "q2", "q1"),
                Count.answered("used_site", "q4", "q3"), Count.yes("satisfied_site", "q4", "q3"),
                Count.answered("answered_comfort", "q5", null), Count.yes("satisfied_comfort", "q5", null),
                Count.answered("respondents_disabled", "q7", "q6"), Count.yes("satisfied_accessibility", "q7", "q6"),
                Count.answered("answered_first_contact", "q8", null), Count.yes("satisfied_first_contact", "q8", null),
                Count.answered("answered_service_staff", "q9", null), Count.yes("satisfied_service_staff", "q9", null),
                Count.answered("used_remote", "q11", "q10"), Count.yes("satisfied_remote", "q11", "q10"),
                Count.answered("answered_recommend", "q12", null), Count.yes("would_recommend", "q12", null),
                Count.answered("answered_schedule", "q13", null), Count.yes("satisfied_schedule", "q13", null),
                Count.answered("answered_overall", "q14", null), Count.yes("satisfied_overall", "q14", null)};

        /** One survey count: questionnaires with an answer (or a «yes») to {@code question}, after a «yes» to {@code opener}. */
        private record Count(String input, String question, String opener, boolean yesOnly) {
            static Count answered(String input, String question, String opener) {
                return new Count(input, question, opener, false);
            }

            static Count yes(String input, String question, String opener) {
                return new Count(input, question, opener, true);
            }

            boolean counts(Map<String, Boolean> answers) {
                Boolean answer = answers.get(question);
                boolean opened = opener == null || Boolean.TRUE.equals(answers.get(opener));
                return opened && answer != null && (!yesOnly || answer);
            }
        }
        /** Follow-up question → the question that must be answered «yes» first. */
        private static final Map<String, String> FOLLOW_UPS = Map.of("q2", "q1", "q4", "q3", "q7", "q6", "q11", "q10");

        private final Map<String, StagedRow> checklist;
        private final Map<String, long[]> counts = new HashMap<>();
        /** "inn/kpp" → group → counts, as {@link #counts}. */
        private final Map<String, Map<String, long[]>> groupCounts = new HashMap<>();
        private final Map<String, Integer> firstRow = new HashMap<>();
        private final RawInputsTable table;

        Answers(CampaignScope scope, UploadFields fields, Set<String> missing, UploadReport report, RowSink sink,
                Map<String, StagedRow> checklist) {
            super(scope, fields, missing, report, sink);
            this.checklist = checklist;
            this.table = new RawInputsTable(scope.methodology(), scope.settings());
        }

        @Override
        void accept(UploadTable.SourceRow row) {
            int before = report.errorCount();
            String inn = IdentityColumns.digits(row.get(UploadFields.ORGANIZATION_INN));
            String kpp = row.get(UploadFields.ORGANIZATION_KPP);
            if (inn == null || !ru.noko.catalog.Inn.isValidLegalEntity(inn)) {
                report.error(UploadReport.cell(row.row(), UploadFields.ORGANIZATION_INN, row.get(UploadFields.ORGANIZATION_INN),
                        "invalid_inn", "Неверный ИНН организации (10 цифр с верной контрольной цифрой)"));
            }
            if (kpp == null || !ru.noko.catalog.Kpp.isValid(kpp.toUpperCase(java.util.Locale.ROOT))) {
                report.error(UploadReport.cell(row.row(), UploadFields.ORGANIZATION_KPP, kpp, "invalid_kpp", "Неверный КПП организации"));
            }
            Map<String, Boolean> answers = new HashMap<>();
            for (String question : UploadFields.QUESTIONS) {
                String raw = row.get(question);
                if (raw == null) {
                    continue;
                }
                Boolean yes = switch (raw.toLowerCase(java.util.Locale.ROOT)) {
                    case "1", "да", "yes", "true", "д" -> true;
                    case "0", "нет", "no", "false", "н" -> false;
                    default -> null;
                };
                if (yes == null) {
                    report.error(UploadReport.cell(row.row(), question, raw, "invalid_answer",
                            "Ответ должен быть 1 (да), 0 (нет) или пустым, а указано «" + Excerpt.of(raw) + "»"));
                } else {
                    answers.put(question, yes);
                }
            }
            String written = row.get(UploadFields.RESPONDENT_GROUP);
            String group = RespondentGroups.of(written);
            if (written != null && group == null) {
                report.error(UploadReport.cell(row.row(), UploadFields.RESPONDENT_GROUP, written, "invalid_respondent_group",
                        "Группа респондентов должна быть «родитель» (законный представитель) или «обучающийся»,"
                                + " а указано «" + Excerpt.of(written) + "»"));
            }
            FOLLOW_UPS.forEach((followUp, first) -> {
                if (Boolean.TRUE.equals(answers.get(followUp)) && !Boolean.TRUE.equals(answers.get(first))) {
                    report.error(UploadReport.cell(row.row(), followUp, "1", "exceeds_denominator",
                            "Респондент удовлетворён (" + followUp + " = 1), но не ответил «да» на вопрос " + first
                                    + ": удовлетворённых не может быть больше, чем воспользовавшихся"));
                }
            });
            if (report.errorCount() > before) {
                return;
            }
            String key = inn + "/" + kpp.toUpperCase(java.util.Locale.ROOT);
            if (!checklist.containsKey(key)) {
                if (firstRow.putIfAbsent(key, row.row()) == null) {
                    report.error(UploadReport.cell(row.row(), UploadFields.ORGANIZATION_INN, inn, "not_in_checklist",
                            "Организации с ИНН " + inn + " и КПП " + kpp + " нет в экспертном листе кампании"));
                }
                return;
            }
            if (RespondentGroups.STUDENT.equals(group)
                    && checklist.get(key).organization().type() == ru.noko.catalog.OrganizationType.PRESCHOOL) {
                // students are surveyed from 14: such a questionnaire belongs to another organization or another group
                report.error(UploadReport.cell(row.row(), UploadFields.RESPONDENT_GROUP, written, "student_in_preschool",
                        "Анкета обучающегося у дошкольной организации (ИНН " + inn + "): обучающихся опрашивают с 14 лет,"
                                + " в детском саду таких анкет нет; проверьте группу респондента и ИНН организации"));
                return;
            }
            firstRow.putIfAbsent(key, row.row());
            count(counts.computeIfAbsent(key, k -> new long[MAPPING.length + 1]), answers);
            if (group != null) {
                count(groupCounts.computeIfAbsent(key, k -> new java.util.TreeMap<>())
                        .computeIfAbsent(group, k -> new long[MAPPING.length + 1]), answers);
            }
        }

        private static void count(long[] c, Map<String, Boolean> answers) {
            c[MAPPING.length]++;
            for (int i = 0; i < MAPPING.length; i++) {
                if (MAPPING[i].counts(answers)) {
                    c[i]++;
                }
            }
        }

        /** The expert checklist's inputs of an organization with the survey counts of some of its questionnaires. */
        private Map<String, String> inputs(StagedRow expert, long[] c) {
            List<String> names = fields.rawInputNames();
            Map<String, String> inputs = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                if (expert.rawValues()[i] != null) {
                    inputs.put(names.get(i), String.valueOf(expert.rawValues()[i]));
                }
            }
            inputs.put(Methodology.RESPONDENTS, String.valueOf(c[MAPPING.length]));
            for (int i = 0; i < MAPPING.length; i++) {
                inputs.put(MAPPING[i].input(), String.valueOf(c[i]));
            }
            return inputs;
        }

        /** Each group's survey indicators, computed by the methodology over the group's questionnaires. */
        private List<ru.noko.catalog.GroupResult> groups(StagedRow expert, int line) {
            Map<String, long[]> byGroup = groupCounts.getOrDefault(expert.key(), Map.of());
            List<ru.noko.catalog.GroupResult> groups = new ArrayList<>();
            byGroup.forEach((group, c) -> {
                List<FieldProblem> problems = new ArrayList<>();
                ComputedResult result = table.computeRow(line, expert.organization(), inputs(expert, c), problems);
                // a group's counts are a part of the combined counts, which passed the same checks
                if (result == null || !problems.isEmpty()) {
                    throw new IllegalStateException("Respondent group " + group + " of " + expert.key() + " not computable: " + problems);
                }
                List<ru.noko.catalog.GroupResult.Value> values = new ArrayList<>();
                for (Indicator indicator : fields.indicators()) {
                    if (indicator.source() == ru.noko.methodology.IndicatorSource.SURVEY) {
                        values.add(new ru.noko.catalog.GroupResult.Value(indicator.code(),
                                result.assessment().indicators().get(indicator.code()),
                                result.assessment().zeroDenominatorIndicators().contains(indicator.code())));
                    }
                }
                groups.add(new ru.noko.catalog.GroupResult(group, Math.toIntExact(c[MAPPING.length]), List.copyOf(values)));
            });
            return groups;
        }

        @Override
        void finish() {
            checklist.values().stream().sorted(java.util.Comparator.comparingInt(StagedRow::line)).forEach(expert -> {
                long[] c = counts.get(expert.key());
                if (c == null) {
                    report.error(new FieldProblem(UploadFields.ORGANIZATION_INN, null, UploadFields.ORGANIZATION_INN,
                            expert.organization().inn(), "no_answers", "Нет ни одной анкеты организации «"
                            + Excerpt.of(expert.organization().name()) + "» (ИНН " + expert.organization().inn() + ", КПП "
                            + expert.organization().kpp() + ") из экспертного листа"));
                    return;
                }
                int line = firstRow.get(expert.key());
                List<FieldProblem> problems = new ArrayList<>();
                ComputedResult result = table.computeRow(line, expert.organization(), inputs(expert, c), problems);
                addAll(problems);
                if (result != null && problems.isEmpty()) {
                    stage(computed(line, result, expert.municipality(), null, null, null, null).withGroups(groups(expert, line)));
                }
            });
        }
    }
}
