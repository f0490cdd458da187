package ru.noko.busgov;

import ru.noko.methodology.Criterion;
import ru.noko.methodology.Methodology;
import ru.noko.methodology.Score;
import ru.noko.platform.csv.CsvDialect;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** README.txt of the archive: Russian, plain text, UTF-8 with BOM and CRLF so that Windows Notepad shows it right. */
final class ReadmeText {

    /** What happened to the plans, for the README. */
    record PlanSummary(int written, int withoutShortcomings, List<String> missingSettings,
                       Map<String, String> unfit, double threshold) {
    }

    private static final DateTimeFormatter PUBLISHED = DateTimeFormatter.ofPattern("dd.MM.uuuu HH:mm");

    private ReadmeText() {
    }

    static String build(ExportedCampaign campaign, Methodology methodology, List<OrganizationResult> organizations,
                        CsvDialect dialect, PlanSummary plans) {
        StringBuilder t = new StringBuilder();
        List<Criterion> criteria = BusGovFields.criteriaInOrder(methodology);
        long withoutRegNum = organizations.stream().filter(o -> ResultsXml.regNum(o) == null).count();

        line(t, "ВЫГРУЗКА РЕЗУЛЬТАТОВ НОКО ДЛЯ РАЗМЕЩЕНИЯ НА BUS.GOV.RU");
        line(t, "");
        if (campaign.demo()) {
            line(t, "!!! ДЕМОНСТРАЦИОННЫЕ ДАННЫЕ. Организации и баллы вымышлены. Не размещайте их на bus.gov.ru. !!!");
            line(t, "");
        }
        line(t, "Кампания: " + campaign.title());
        line(t, "Регион: " + campaign.regionName() + " (код " + campaign.regionCode() + ")");
        line(t, "Год проведения оценки: " + campaign.year());
        line(t, "Редакция результатов: " + campaign.revision() + (campaign.publishedAt() == null ? ""
                : ", опубликована " + PUBLISHED.format(campaign.publishedAt().withOffsetSameInstant(ZoneOffset.UTC)) + " (UTC)"));
        line(t, "Организаций: " + organizations.size());
        line(t, "Методика: " + methodology.title() + " (" + methodology.code() + ")");
        line(t, "");
        line(t, "Выгрузка сформирована из опубликованной редакции и повторяет её до последней цифры: те же");
        line(t, "наименования и значения, что показывают открытый API и открытые данные сервиса. Повторная");
        line(t, "выгрузка той же редакции с теми же параметрами даёт тот же архив байт в байт.");
        line(t, "");

        line(t, "СОСТАВ АРХИВА");
        line(t, "");
        line(t, "README.txt — этот файл.");
        line(t, "");
        line(t, "results.xml — результаты всех организаций кампании: ИНН, КПП, реестровый номер bus.gov.ru (regNum),");
        line(t, "  ОКТМО, полное наименование, группа организаций bus.gov.ru (" + BusGovFields.EDUCATION_GROUP_CODE
                + " — «" + BusGovFields.EDUCATION_GROUP_NAME + "»),");
        line(t, "  год, пять критериев в порядке bus.gov.ru с наименованиями, 14 показателей, итоговый балл и места.");
        line(t, "  value — значение без округления, rounded — округлённое до двух знаков (половина вверх).");
        line(t, "  Официальный формат обмена bus.gov.ru (ТФФ ГМУ 1.8.3) не содержит типа для баллов независимой");
        line(t, "  оценки, поэтому файл описан собственной схемой results.xsd; его нельзя загрузить на bus.gov.ru");
        line(t, "  как есть — он служит источником для ввода и для сверки.");
        line(t, "");
        line(t, "results.xsd — XML-схема файла results.xml (пространство имён " + ResultsXml.NAMESPACE + ";");
        line(t, "  постоянный адрес в сервисе: /busgov/results.xsd). Типы ИНН, КПП, regNum и ОКТМО повторяют");
        line(t, "  шаблоны официальных типов ТФФ 1.8.3 (innUlType, kppType, ogsCodeType, oktmoCodeType).");
        line(t, "  Проверка: xmllint --noout --schema results.xsd results.xml");
        line(t, "");
        line(t, "results.csv — те же сведения таблицей для ручного ввода, строки в том же порядке (по месту в рейтинге).");
        if (dialect == CsvDialect.EXCEL) {
            line(t, "  Вариант для Excel: UTF-8 с BOM, разделитель «;», десятичная запятая.");
        } else {
            line(t, "  Формат RFC 4180: UTF-8, разделитель «,», десятичная точка. Для Excel запросите выгрузку");
            line(t, "  с параметром dialect=excel (разделитель «;», десятичная запятая).");
        }
        line(t, "  Excel может отбросить ведущие нули ИНН, КПП и ОКТМО: при импорте задайте этим столбцам текстовый формат.");
        line(t, "  Текст, который табличный редактор принял бы за формулу (начинается с =, +, -, @), записан с ведущим «'».");
        line(t, "  Столбцы:");
        line(t, "    year — год проведения оценки; inn — ИНН; kpp — КПП; ogrn — ОГРН; reg_num — реестровый номер bus.gov.ru;");
        line(t, "    oktmo — ОКТМО; municipality — муниципальное образование; name — полное наименование;");
        line(t, "    type — тип организации (preschool — дошкольная, school — общеобразовательная, vocational —");
        line(t, "    профессиональная, additional — дополнительного образования, higher — высшего образования);");
        line(t, "    organization_group — группа организаций bus.gov.ru (" + BusGovFields.EDUCATION_GROUP_CODE + ");");
        for (Criterion criterion : criteria) {
            line(t, "    " + criterion.field() + " — " + criterion.code() + " «" + criterion.nameRu() + "»");
        }
        line(t, "    total — итоговый балл: официальный, как его опубликовал оператор; если его не было — среднее пяти критериев;");
        line(t, "    " + criteria.get(0).field() + "_rounded … total_rounded — те же значения, округлённые до двух знаков;");
        line(t, "    i1_1 … i5_3 — значения показателей 1.1 … 5.3 (пусто — показатель исключён из расчёта);");
        line(t, "    published_total — итоговый балл, как его опубликовал оператор (если был дан);");
        line(t, "    total_computed — итоговый балл, пересчитанный нами (среднее пяти критериев);");
        line(t, "    total_check — сверка: match — совпадает с официальным (разница не больше 0,01), mismatch — расходится,");
        line(t, "    not_given — официального балла не было;");
        line(t, "    place_region — место среди всех организаций кампании; place_type — среди организаций того же типа;");
        line(t, "    place_municipality — в муниципальном образовании; respondents — число опрошенных.");
        line(t, "");
        line(t, "plans/<ИНН>-<КПП>.xml — проекты планов по устранению недостатков, по одному на организацию с недостатками,");
        line(t, "  в официальном формате bus.gov.ru (элемент planShortcomingInfoType, ТФФ ГМУ 1.8.3,");
        line(t, "  пространство имён http://bus.gov.ru/types/1); каждый файл проходит проверку официальной схемой Types.xsd.");
        line(t, "");

        line(t, "ПРОЕКТЫ ПЛАНОВ");
        line(t, "");
        String below = plans.threshold() >= 100 ? "ниже 100 баллов (любой потерянный балл)"
                : "ниже " + new Score(plans.threshold()).russian() + " баллов";
        line(t, "Недостаток — показатель со значением " + below + ". Недостатки сгруппированы по критериям;");
        line(t, "в каждом указано, чего не хватает (по исходным данным оценки, если они загружены), и предложено");
        line(t, "мероприятие. Сроки, ответственных и утверждающего определяет учредитель: это проекты, их нужно");
        line(t, "проверить, дополнить и утвердить, прежде чем размещать.");
        line(t, "");
        if (!plans.missingSettings().isEmpty()) {
            line(t, "Планы НЕ сформированы: официальная схема требует сведений, которые определяет только учредитель,");
            line(t, "а они не заданы. Запросите выгрузку повторно, указав параметры:");
            plans.missingSettings().forEach(m -> line(t, "  " + m));
        } else {
            line(t, "Сформировано планов: " + plans.written() + ".");
        }
        line(t, "Организаций без недостатков (план не нужен): " + plans.withoutShortcomings() + ".");
        if (!plans.unfit().isEmpty()) {
            line(t, "План не может быть сформирован в официальном формате для организаций:");
            plans.unfit().forEach((key, reason) -> line(t, "  " + key + " — " + reason));
        }
        line(t, "");

        line(t, "КАК ИСПОЛЬЗОВАТЬ НА BUS.GOV.RU");
        line(t, "");
        line(t, "1. Результаты. Сведения о результатах независимой оценки вносит уполномоченный орган в своём личном");
        line(t, "   кабинете на bus.gov.ru. Для каждой организации (поиск по ИНН/КПП или реестровому номеру) перенесите");
        line(t, "   из results.csv значения критериев в порядке bus.gov.ru ("
                + criteria.stream().map(Criterion::field).collect(Collectors.joining(", ")) + ") и итоговый балл (total).");
        line(t, "   Столбцы *_rounded содержат значения с двумя знаками после запятой.");
        if (withoutRegNum > 0) {
            line(t, "   Организаций, чей реестровый номер bus.gov.ru сервису неизвестен: " + withoutRegNum
                    + " — ищите их по ИНН и КПП.");
        }
        line(t, "2. Планы. Передайте проекты из папки plans учредителям. Утверждённый план размещается на bus.gov.ru.");
        line(t, "   Файл соответствует официальной схеме обмена ТФФ ГМУ 1.8.3: его можно передать через");
        line(t, "   информационный обмен, если он настроен в вашем регионе, или перенести содержание в форму плана");
        line(t, "   в личном кабинете вручную. Проверка файла официальной схемой:");
        line(t, "   xmllint --noout --schema Types.xsd plans/<ИНН>-<КПП>.xml");
        line(t, "3. Сверка. Значения в results.xml и results.csv совпадают с опубликованными в сервисе; при");
        line(t, "   исправлении результатов публикуется новая редакция — сделайте выгрузку заново.");
        return t.toString();
    }

    private static void line(StringBuilder text, String line) {
        text.append(line).append("\r\n");
    }
}
