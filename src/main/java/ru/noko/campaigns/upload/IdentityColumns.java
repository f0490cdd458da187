package ru.noko.campaigns.upload;

import ru.noko.campaigns.OrganizationIdentity;
import ru.noko.catalog.Inn;
import ru.noko.catalog.Kpp;
import ru.noko.catalog.OrganizationType;
import ru.noko.platform.text.Digits;
import ru.noko.platform.text.Excerpt;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads and checks the identity of the organization a row is about: ИНН (with its check digit),
 * КПП, name, type (canonical code or the Russian words operators use), ОКТМО, website. Remembers every
 * (ИНН, КПП) it has seen so a repeated organization is reported.
 */
final class IdentityColumns {

    private final CampaignScope scope;
    private final Set<String> seen = new HashSet<>();

    IdentityColumns(CampaignScope scope) {
        this.scope = scope;
    }

    /** The identity, or null when a problem was reported. */
    OrganizationIdentity read(UploadTable.SourceRow row, Set<String> missingColumns, UploadReport report) {
        int before = report.errorCount();
        int line = row.row();
        String inn = digits(row.get("inn"));
        String kpp = row.get("kpp") == null ? null : row.get("kpp").toUpperCase(Locale.ROOT);
        String name = row.get("name");
        if (!missingColumns.contains("inn") && (inn == null || !Inn.isValidLegalEntity(inn))) {
            report.error(UploadReport.cell(line, "inn", row.get("inn"), "invalid_inn", inn == null
                    ? "Не указан ИНН организации"
                    : inn.length() != 10 ? "ИНН организации должен состоять из 10 цифр, а «" + Excerpt.of(row.get("inn")) + "» — нет"
                    : "Неверный ИНН: не сходится контрольная цифра"));
        }
        if (!missingColumns.contains("kpp") && !Kpp.isValid(kpp)) {
            report.error(UploadReport.cell(line, "kpp", row.get("kpp"), "invalid_kpp",
                    kpp == null ? "Не указан КПП организации" : "КПП должен состоять из 9 символов (4 цифры, 2 цифры или буквы, 3 цифры)"));
        }
        if (!missingColumns.contains("name") && name == null) {
            report.error(UploadReport.cell(line, "name", null, "required", "Не указано наименование организации"));
        }
        OrganizationType type = type(row.get("type"));
        if (row.get("type") == null) {
            type = scope.defaultType();
            if (type == null && !missingColumns.contains("type")) {
                report.error(UploadReport.cell(line, "type", null, "required", "Не указан тип организации"));
            }
        } else if (type == null) {
            report.error(UploadReport.cell(line, "type", row.get("type"), "invalid_type",
                    "Неизвестный тип организации; допустимы: preschool, school, vocational, additional, higher"
                            + " или «дошкольная», «общеобразовательная», «профессиональная», «дополнительного образования»"));
        } else if (!scope.types().isEmpty() && !scope.types().contains(type)) {
            report.error(UploadReport.cell(line, "type", row.get("type"), "type_outside_campaign",
                    "Кампания не охватывает организации типа " + type.code()));
        }
        String oktmo = digits(row.get("oktmo"));
        if (row.get("oktmo") != null && (oktmo == null || !(oktmo.length() == 8 || oktmo.length() == 11))) {
            report.error(UploadReport.cell(line, "oktmo", row.get("oktmo"), "invalid_oktmo", "ОКТМО должен состоять из 8 или 11 цифр"));
        } else if (oktmo != null && scope.okatoCode() != null && !oktmo.startsWith(scope.okatoCode())) {
            report.warning(UploadReport.cell(line, "oktmo", oktmo, "oktmo_other_region",
                    "ОКТМО " + oktmo + " относится к другому субъекту (ожидается код " + scope.okatoCode() + "…)"));
        }
        String ogrn = row.get("ogrn");
        if (ogrn != null && !Digits.only(ogrn, 13)) {
            report.error(UploadReport.cell(line, "ogrn", ogrn, "invalid_ogrn", "ОГРН должен состоять из 13 цифр"));
        }
        String website = row.get("website") == null ? null : WebsiteAddress.normalize(row.get("website"));
        if (row.get("website") != null && website == null) {
            report.error(UploadReport.cell(line, "website", row.get("website"), "invalid_website",
                    "Адрес сайта должен быть адресом http:// или https:// (например, https://school.ru), а «"
                            + Excerpt.of(row.get("website")) + "» — нет"));
        }
        if (report.errorCount() > before || inn == null || kpp == null || name == null || type == null) {
            return null;
        }
        if (!seen.add(inn + "/" + kpp)) {
            report.error(UploadReport.cell(line, "inn", inn, "duplicate_organization",
                    "Организация с ИНН " + inn + " и КПП " + kpp + " уже есть в файле выше"));
            return null;
        }
        return new OrganizationIdentity(inn, kpp, ogrn, row.get("bus_reg_num"), name, row.get("short_name"), type, oktmo,
                row.get("address"), website);
    }

    /** Digits of an identifier typed in a spreadsheet: spaces dropped; a number Excel turned into 7.70101E+9 is not fixed. */
    static String digits(String text) {
        if (text == null) {
            return null;
        }
        if (Digits.only(text)) {
            return text;
        }
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!(c == ' ' || c == '\u00A0' || (c >= '\t' && c <= '\r'))) {
                return null;
            }
        }
        return digits.isEmpty() ? null : digits.toString();
    }

    static OrganizationType type(String text) {
        if (text == null) {
            return null;
        }
        String t = text.toLowerCase(Locale.ROOT).replace('ё', 'е').strip();
        var byCode = OrganizationType.fromCode(t);
        if (byCode.isPresent()) {
            return byCode.get();
        }
        if (t.contains("дошкол") || t.equals("доу") || t.equals("доо") || t.contains("детский сад")) {
            return OrganizationType.PRESCHOOL;
        }
        if (t.contains("дополнительн") || List.of("до", "удо", "одо").contains(t)) {
            return OrganizationType.ADDITIONAL;
        }
        if (t.contains("профессиональн") || List.of("спо", "поо").contains(t) || t.contains("колледж") || t.contains("техникум")) {
            return OrganizationType.VOCATIONAL;
        }
        if (t.contains("высш") || t.equals("вуз")) {
            return OrganizationType.HIGHER;
        }
        if (t.contains("общеобразоват") || t.contains("школ") || List.of("оо", "сош", "оош").contains(t)) {
            return OrganizationType.SCHOOL;
        }
        return null;
    }
}
