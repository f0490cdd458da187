package ru.noko.campaigns;

import ru.noko.catalog.Inn;
import ru.noko.catalog.OrganizationType;
import ru.noko.methodology.Assessment;
import ru.noko.methodology.CalculationSettings;
import ru.noko.methodology.InputProblem;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.RatingCalculator;
import ru.noko.methodology.RawInputs;
import ru.noko.methodology.RawInputsValidator;
import ru.noko.platform.csv.CsvRecords;
import ru.noko.platform.web.FieldProblem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a raw-inputs table (identity columns + canonical raw-input counts, one row per
 * organization) into computed results, collecting every problem with its row and column.
 */
public final class RawInputsTable {

    public static final List<String> IDENTITY_COLUMNS = List.of("inn", "kpp", "ogrn", "bus_reg_num", "name",
            "short_name", "type", "region_code", "oktmo", "municipality", "address", "website");

    /** Results when {@code problems} is empty; otherwise nothing may be published. */
    public record Outcome(List<ComputedResult> results, List<FieldProblem> problems) {
    }

    private static final java.util.regex.Pattern KPP = java.util.regex.Pattern.compile("\\d{4}[\\dA-Z]{2}\\d{3}");

    private final Methodology methodology;
    private final CalculationSettings settings;
    private final RawInputsValidator validator = new RawInputsValidator();
    private final RatingCalculator calculator = new RatingCalculator();

    public RawInputsTable(Methodology methodology, CalculationSettings settings) {
        this.methodology = methodology;
        this.settings = settings;
    }

    public Outcome compute(List<CsvRecords.Row> rows) {
        List<ComputedResult> results = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvRecords.Row row : rows) {
            List<FieldProblem> rowProblems = new ArrayList<>();
            OrganizationIdentity identity = identity(row, rowProblems);
            if (identity != null && !seen.add(identity.inn() + "/" + identity.kpp())) {
                rowProblems.add(cell(row, "inn", identity.inn(), "duplicate_organization",
                        "Организация с ИНН " + identity.inn() + " и КПП " + identity.kpp() + " уже есть в файле"));
            }
            Map<String, String> inputs = new LinkedHashMap<>();
            row.values().forEach((column, value) -> {
                if (!IDENTITY_COLUMNS.contains(column)) {
                    inputs.put(column, value == null ? null : value.trim());
                }
            });
            ComputedResult result = computeRow(row.line(), identity, inputs, rowProblems);
            if (result != null && rowProblems.isEmpty()) {
                results.add(result);
            }
            problems.addAll(rowProblems);
        }
        return new Outcome(problems.isEmpty() ? results : List.of(), problems);
    }

    /**
     * Validates one organization's raw inputs (canonical names → text) and computes its assessment.
     * Problems are added with the row number; null when the inputs (or the identity) are invalid.
     */
    public ComputedResult computeRow(int line, OrganizationIdentity identity, Map<String, String> inputs,
                                     List<FieldProblem> problems) {
        RawInputsValidator.Reading reading = validator.read(methodology, inputs);
        for (InputProblem problem : reading.problems()) {
            problems.add(new FieldProblem(problem.field(), line, problem.field(), inputs.get(problem.field()),
                    problem.code(), problem.message()));
        }
        if (!reading.valid() || identity == null) {
            return null;
        }
        RawInputs raw = reading.inputs();
        try {
            Assessment assessment = calculator.calculate(methodology, raw, settings);
            return new ComputedResult(identity, raw, assessment);
        } catch (ru.noko.methodology.CalculationException e) {
            problems.add(new FieldProblem(null, line, null, null, "not_computable",
                    "Показатели не могут быть рассчитаны: " + e.getMessage()));
            return null;
        }
    }

    private static OrganizationIdentity identity(CsvRecords.Row row, List<FieldProblem> problems) {
        String inn = row.get("inn");
        String kpp = row.get("kpp");
        String name = row.get("name");
        String typeCode = row.get("type");
        if (inn == null || !Inn.isValidLegalEntity(inn)) {
            problems.add(cell(row, "inn", inn, "invalid_inn", "ИНН должен состоять из 10 цифр с верным контрольным разрядом"));
        }
        if (kpp == null || !KPP.matcher(kpp).matches()) {
            problems.add(cell(row, "kpp", kpp, "invalid_kpp", "КПП должен состоять из 9 символов"));
        }
        if (name == null) {
            problems.add(cell(row, "name", null, "required", "Не указано наименование организации"));
        }
        OrganizationType type = typeCode == null ? null : OrganizationType.fromCode(typeCode).orElse(null);
        if (type == null) {
            problems.add(cell(row, "type", typeCode, "invalid_type",
                    "Тип организации должен быть одним из: preschool, school, vocational, additional, higher"));
        }
        String oktmo = row.get("oktmo");
        if (oktmo != null && !(ru.noko.platform.text.Digits.only(oktmo, 8) || ru.noko.platform.text.Digits.only(oktmo, 11))) {
            problems.add(cell(row, "oktmo", oktmo, "invalid_oktmo", "ОКТМО должен состоять из 8 или 11 цифр"));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new OrganizationIdentity(inn, kpp, row.get("ogrn"), row.get("bus_reg_num"), name, row.get("short_name"),
                type, oktmo, row.get("address"), row.get("website"));
    }

    private static FieldProblem cell(CsvRecords.Row row, String column, String value, String code, String message) {
        return new FieldProblem(column, row.line(), column, value, code, message);
    }
}
