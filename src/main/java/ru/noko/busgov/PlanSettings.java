package ru.noko.busgov;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a plan to eliminate shortcomings that only the founder can decide, as the official
 * schema requires them (ТФФ 1.8.3 {@code planShortcomingInfoType}). Blank text counts as not given.
 * {@code socialCouncil} and {@code planPeriod} have defaults from the campaign (see
 * {@link #withCampaignDefaults}); every other value must be given, or no plan is written.
 */
public record PlanSettings(String socialCouncil, Integer planPeriod, String approvedBy, String approverLastName,
                           String approverFirstName, String approverMiddleName, LocalDate approveDate,
                           LocalDate planDate, String responsibleName, String responsiblePosition) {

    /** Query parameter → the element of the official schema it fills and its maximum length. */
    private record Field(String parameter, String element, int maxLength, String meaning) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("social_council", "SOCIAL_COUNCIL", 2000, "общественный совет"),
            new Field("plan_period", "PLAN_PERIOD", 0, "год, на который составлен план"),
            new Field("approved_by", "ORGANIZATION_APPROVED", 2000, "организация, утверждающая план (учредитель)"),
            new Field("approver_last_name", "LAST_NAME", 100, "фамилия утверждающего"),
            new Field("approver_first_name", "FIRST_NAME", 100, "имя утверждающего"),
            new Field("approver_middle_name", "MIDDLE_NAME", 100, "отчество утверждающего"),
            new Field("approve_date", "APPROVE_DATE", 0, "дата утверждения"),
            new Field("plan_date", "PLAN_DATE", 0, "плановый срок реализации мероприятий"),
            new Field("responsible_name", "FIO", 500, "ФИО ответственного за мероприятия"),
            new Field("responsible_position", "POSITION", 500, "должность ответственного"));

    public PlanSettings {
        socialCouncil = trim(socialCouncil);
        approvedBy = trim(approvedBy);
        approverLastName = trim(approverLastName);
        approverFirstName = trim(approverFirstName);
        approverMiddleName = trim(approverMiddleName);
        responsibleName = trim(responsibleName);
        responsiblePosition = trim(responsiblePosition);
    }

    public static PlanSettings none() {
        return new PlanSettings(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Fills what the campaign knows: the public council from its council protocol (when it fits
     * the 2000 characters of SOCIAL_COUNCIL) and the plan period as the year after the assessment.
     */
    PlanSettings withCampaignDefaults(ExportedCampaign campaign) {
        String council = socialCouncil;
        if (council == null && campaign.councilProtocol() != null && campaign.councilProtocol().strip().length() <= 2000) {
            council = campaign.councilProtocol();
        }
        return new PlanSettings(council, planPeriod == null ? Integer.valueOf(campaign.year() + 1) : planPeriod,
                approvedBy, approverLastName, approverFirstName, approverMiddleName, approveDate, planDate,
                responsibleName, responsiblePosition);
    }

    /** Values by query parameter name, in the order of {@link #FIELDS}. */
    private Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("social_council", socialCouncil);
        values.put("plan_period", planPeriod);
        values.put("approved_by", approvedBy);
        values.put("approver_last_name", approverLastName);
        values.put("approver_first_name", approverFirstName);
        values.put("approver_middle_name", approverMiddleName);
        values.put("approve_date", approveDate);
        values.put("plan_date", planDate);
        values.put("responsible_name", responsibleName);
        values.put("responsible_position", responsiblePosition);
        return values;
    }

    /** A given value the official schema would not accept. */
    public record Problem(String parameter, String message) {
    }

    /** Given values the official schema would not accept (too long), by parameter name. */
    public List<Problem> invalid() {
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> values = values();
        for (Field field : FIELDS) {
            if (field.maxLength() > 0 && values.get(field.parameter()) instanceof String text
                    && text.codePointCount(0, text.length()) > field.maxLength()) {
                problems.add(new Problem(field.parameter(),
                        "не длиннее " + field.maxLength() + " знаков (" + field.element() + ")"));
            }
        }
        if (planPeriod != null && (planPeriod < 2014 || planPeriod > 2100)) {
            problems.add(new Problem("plan_period", "год от 2014 до 2100"));
        }
        return problems;
    }

    /** Missing values, each as «parameter (ELEMENT) — meaning», in a fixed order. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        Map<String, Object> values = values();
        for (Field field : FIELDS) {
            if (values.get(field.parameter()) == null) {
                missing.add(field.parameter() + " (" + field.element() + ") — " + field.meaning());
            }
        }
        return missing;
    }

    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
