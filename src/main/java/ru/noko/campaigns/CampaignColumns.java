package ru.noko.campaigns;

import ru.noko.platform.web.Columns;
import ru.noko.platform.xlsx.CellKind;

/** The public campaign as a table row: the same names in JSON and CSV. */
public final class CampaignColumns {

    public static final Columns<PublishedCampaign> ALL = Columns.<PublishedCampaign>builder()
            .add("id", "Идентификатор", CellKind.INTEGER, PublishedCampaign::id)
            .add("region_code", "Код региона", CellKind.IDENTIFIER, PublishedCampaign::regionCode)
            .add("region_name", "Регион", CellKind.TEXT, PublishedCampaign::regionName)
            .add("year", "Год", CellKind.INTEGER, PublishedCampaign::year)
            .add("title", "Кампания", CellKind.TEXT, PublishedCampaign::title)
            .add("types", "Типы организаций", CellKind.TEXT, PublishedCampaign::types)
            .add("methodology", "Методика", CellKind.TEXT, PublishedCampaign::methodology)
            .add("denominator_variant", "Вариант знаменателей", CellKind.TEXT, PublishedCampaign::denominatorVariant)
            .add("zero_rule", "Правило нулевого знаменателя", CellKind.TEXT, PublishedCampaign::zeroRule)
            .add("operator_name", "Оператор", CellKind.TEXT, PublishedCampaign::operatorName)
            .add("started_on", "Начало", CellKind.DATE, PublishedCampaign::startedOn)
            .add("finished_on", "Окончание", CellKind.DATE, PublishedCampaign::finishedOn)
            .add("council_protocol", "Протокол общественного совета", CellKind.TEXT, PublishedCampaign::councilProtocol)
            .add("regional_order_number", "Номер регионального приказа", CellKind.TEXT, c -> c.facts().regionalOrderNumber())
            .add("regional_order_date", "Дата регионального приказа", CellKind.DATE, c -> c.facts().regionalOrderDate())
            .add("survey_started_on", "Начало опроса", CellKind.DATE, c -> c.facts().surveyStartedOn())
            .add("survey_finished_on", "Окончание опроса", CellKind.DATE, c -> c.facts().surveyFinishedOn())
            .add("bus_gov_deadline", "Срок размещения на bus.gov.ru", CellKind.DATE, c -> c.facts().busGovDeadline())
            .add("status", "Статус", CellKind.TEXT, PublishedCampaign::status)
            .add("revision", "Редакция", CellKind.INTEGER, PublishedCampaign::revision)
            .add("published_at", "Опубликовано", CellKind.DATE, PublishedCampaign::publishedAt)
            .add("retracted_at", "Отозвано", CellKind.DATE, PublishedCampaign::retractedAt)
            .add("retraction_reason", "Причина отзыва", CellKind.TEXT, PublishedCampaign::retractionReason)
            .add("demo", "Демонстрационные данные", CellKind.TEXT, PublishedCampaign::demo)
            .add("organizations_count", "Организаций", CellKind.INTEGER, PublishedCampaign::organizationsCount)
            .build();

    private CampaignColumns() {
    }
}
