package ru.noko.busgov;

import ru.noko.platform.text.XmlText;

import ru.noko.methodology.Score;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes a draft plan to eliminate shortcomings as the official bus.gov.ru document
 * {@code planShortcomingInfoType} (ТФФ ГМУ 1.8.3, namespace {@value #NAMESPACE}), elements in the
 * schema's order. Only organizations whose identity fits the official types get a plan (see
 * {@link #unfit}).
 */
final class PlanXml {

    static final String NAMESPACE = "http://bus.gov.ru/types/1";
    static final String ROOT = "planShortcomingInfoType";
    /** kppType of ТФФ 1.8.3: digits only (ФНС letters in places 5–6 do not pass). */
    private static final Pattern OFFICIAL_KPP = Pattern.compile("\\d{9}");
    private static final Pattern OFFICIAL_INN = Pattern.compile("\\d{10}");
    static final int STRING2000 = 2000;

    private PlanXml() {
    }

    /** Why the organization cannot get a plan that passes the official schema, or empty when it can. */
    static Optional<String> unfit(OrganizationResult organization) {
        if (!OFFICIAL_INN.matcher(organization.inn()).matches()) {
            return Optional.of("ИНН не из 10 цифр (innUlType)");
        }
        if (!OFFICIAL_KPP.matcher(organization.kpp()).matches()) {
            return Optional.of("КПП содержит буквы, а тип kppType схемы ТФФ 1.8.3 допускает только 9 цифр");
        }
        if (XmlText.clean(organization.name()).length() > STRING2000) {
            return Optional.of("наименование длиннее 2000 знаков (string2000)");
        }
        return Optional.empty();
    }

    static void write(OutputStream out, ExportedCampaign campaign, OrganizationResult organization,
                      PlanSettings settings, double threshold, List<Shortcomings.Group> groups) {
        try (XmlOut xml = new XmlOut(out)) {
            xml.root(ROOT, NAMESPACE, null)
                    .leaf("RATING_YEAR", campaign.year())
                    .leaf("SOCIAL_COUNCIL", settings.socialCouncil())
                    .leaf("PLAN_PERIOD", settings.planPeriod())
                    .leaf("DESTINATION_ORGANIZATION", organization.name())
                    .leaf("SCOPE_ACTIVITY", BusGovFields.SCOPE_ACTIVITY)
                    .leaf("INN", organization.inn())
                    .leaf("KPP", organization.kpp())
                    .leaf("ORGANIZATION_APPROVED", settings.approvedBy())
                    .leaf("LAST_NAME", settings.approverLastName())
                    .leaf("FIRST_NAME", settings.approverFirstName())
                    .leaf("MIDDLE_NAME", settings.approverMiddleName())
                    .leaf("APPROVE_DATE", settings.approveDate())
                    .leaf("DESCRIPTION", limit(description(campaign, threshold)));
            for (Shortcomings.Group group : groups) {
                xml.start("GROUPS_SHORTCOMINGS").leaf("CRITERION_NAME", group.criterion().nameRu());
                for (Shortcomings.Shortcoming shortcoming : group.shortcomings()) {
                    xml.start("SHORTCOMINGS")
                            .leaf("CRITERION_NAME", limit(group.criterion().nameRu()))
                            .leaf("NAME", limit(shortcoming.name()))
                            .leaf("ACTIVITY", limit(shortcoming.activity()))
                            .leaf("PLAN_DATE", settings.planDate())
                            .leaf("FIO", settings.responsibleName())
                            .leaf("POSITION", settings.responsiblePosition())
                            .end();
                }
                xml.end();
            }
        }
    }

    /** DESCRIPTION: marks the document as a draft and says where its content comes from. */
    static String description(ExportedCampaign campaign, double threshold) {
        String below = threshold >= 100 ? "ниже 100 баллов" : "ниже " + new Score(threshold).russian() + " баллов";
        return String.format(Locale.ROOT, "ПРОЕКТ плана по устранению недостатков, выявленных в ходе независимой оценки "
                        + "качества условий осуществления образовательной деятельности в %d году («%s», редакция результатов %d). "
                        + "Недостатки — показатели со значением %s; мероприятия, сроки и ответственные предложены "
                        + "для рассмотрения и подлежат уточнению и утверждению учредителем.",
                campaign.year(), campaign.title(), campaign.revision(), below);
    }

    /** string2000: texts from the catalogue and templates are far shorter; a longer one is cut with «…». */
    static String limit(String text) {
        String clean = XmlText.clean(text);
        if (clean.codePointCount(0, clean.length()) <= STRING2000) {
            return clean;
        }
        return clean.substring(0, clean.offsetByCodePoints(0, STRING2000 - 1)) + "…";
    }
}
