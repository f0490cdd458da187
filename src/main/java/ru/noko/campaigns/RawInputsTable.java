package ru.noko.campaigns;

import ru.noko.methodology.Assessment;
import ru.noko.methodology.CalculationSettings;
import ru.noko.methodology.InputProblem;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.RatingCalculator;
import ru.noko.methodology.RawInputs;
import ru.noko.methodology.RawInputsValidator;
import ru.noko.platform.web.FieldProblem;

import java.util.List;
import java.util.Map;

/**
 * Turns one organization's raw inputs (canonical names → text, as an upload row gives them) into
 * its computed result, collecting every problem with its row and column.
 */
public final class RawInputsTable {

    private final Methodology methodology;
    private final CalculationSettings settings;
    private final RawInputsValidator validator = new RawInputsValidator();
    private final RatingCalculator calculator = new RatingCalculator();

    public RawInputsTable(Methodology methodology, CalculationSettings settings) {
        this.methodology = methodology;
        this.settings = settings;
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
}
