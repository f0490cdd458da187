package ru.noko.campaigns;

import ru.noko.platform.web.FieldProblem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the law and the region fix about a campaign: the regional order that ordered it, the survey
 * period, the deadline for placing the results on bus.gov.ru. Each is optional.
 */
public record CampaignFacts(String regionalOrderNumber, LocalDate regionalOrderDate, LocalDate surveyStartedOn,
                            LocalDate surveyFinishedOn, LocalDate busGovDeadline) {

    public static final CampaignFacts NONE = new CampaignFacts(null, null, null, null, null);

    /**
     * The dates out of order, each naming the later field of its pair: the order comes before the
     * survey, the survey ends after it starts, the results are placed after the survey.
     */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (before(surveyStartedOn, regionalOrderDate)) {
            problems.add(outOfOrder("survey_started_on", surveyStartedOn,
                    "Анкетирование начинается раньше даты приказа " + regionalOrderDate));
        }
        if (before(surveyFinishedOn, surveyStartedOn)) {
            problems.add(outOfOrder("survey_finished_on", surveyFinishedOn,
                    "Анкетирование заканчивается раньше, чем начинается (" + surveyStartedOn + ")"));
        }
        if (before(busGovDeadline, surveyFinishedOn)) {
            problems.add(outOfOrder("bus_gov_deadline", busGovDeadline,
                    "Срок размещения на bus.gov.ru раньше окончания анкетирования " + surveyFinishedOn));
        }
        return problems;
    }

    private static boolean before(LocalDate later, LocalDate earlier) {
        return later != null && earlier != null && later.isBefore(earlier);
    }

    private static FieldProblem outOfOrder(String field, LocalDate value, String message) {
        return FieldProblem.ofField(field, value.toString(), "invalid_dates", message);
    }
}
