package ru.noko.methodology;

import java.util.ArrayList;
import java.util.List;

/**
 * The survey sample rule (Приказ Минтруда № 675н as applied by operators): at least 40 % of the
 * organization's recipients, at most 600 respondents. Breaking it does not stop a calculation;
 * it is a warning an operator must see.
 */
public final class SurveySample {

    public static final double MIN_SHARE_OF_RECIPIENTS = 0.4;
    public static final long MAX_RESPONDENTS = 600;

    private SurveySample() {
    }

    public static List<InputProblem> check(RawInputs inputs) {
        List<InputProblem> warnings = new ArrayList<>();
        if (!inputs.has("respondents")) {
            return warnings;
        }
        long respondents = inputs.get("respondents");
        if (respondents > MAX_RESPONDENTS) {
            warnings.add(new InputProblem("respondents", "sample_too_large",
                    "Опрошено " + respondents + " респондентов — больше 600"));
        }
        if (inputs.has("recipients")) {
            long recipients = inputs.get("recipients");
            if (recipients > 0 && respondents < MIN_SHARE_OF_RECIPIENTS * recipients && respondents < MAX_RESPONDENTS) {
                warnings.add(new InputProblem("respondents", "sample_too_small",
                        "Опрошено " + respondents + " из " + recipients + " получателей услуг — меньше 40 %"));
            }
        }
        return warnings;
    }
}
