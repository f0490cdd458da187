package ru.noko.feeds;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The Russian title and summary of a feed entry. */
final class EventTexts {

    /** What a campaign covers, as a reader of a headline says it. */
    private static final Map<String, String> TYPES = Map.of(
            "preschool", "детские сады",
            "school", "школы",
            "vocational", "колледжи и техникумы",
            "additional", "организации дополнительного образования",
            "higher", "вузы");

    private EventTexts() {
    }

    /** «Опубликованы результаты НОКО: Республика Адыгея, 2024, школы (редакция 2)». */
    static String title(FeedEvent event) {
        String scope = event.regionName() + ", " + event.year() + ", " + types(event.types());
        String title = switch (event.kind()) {
            case PUBLICATION -> "Опубликованы результаты НОКО: " + scope;
            case CORRECTION -> "Опубликованы исправленные результаты НОКО: " + scope + " (редакция " + event.revision() + ")";
            case RETRACTION -> "Отозваны результаты НОКО: " + scope;
        };
        return event.demo() ? title + " — демонстрационные данные" : title;
    }

    static String summary(FeedEvent event) {
        StringBuilder summary = new StringBuilder("Кампания «").append(event.campaignTitle()).append("».");
        if (event.kind() == FeedEvent.Kind.RETRACTION) {
            summary.append(" Результаты больше не публикуются");
            if (event.revision() != null) {
                summary.append(" (отозвана редакция ").append(event.revision()).append(')');
            }
            summary.append('.');
            if (present(event.text())) {
                summary.append(" Причина: ").append(event.text().strip());
            }
        } else {
            if (event.organizations() != null) {
                summary.append(" Организаций: ").append(event.organizations()).append('.');
            }
            if (event.kind() == FeedEvent.Kind.CORRECTION) {
                summary.append(" Редакция ").append(event.revision()).append(" заменяет прежнюю.");
            }
            if (present(event.text())) {
                summary.append(" Примечание: ").append(event.text().strip());
            }
        }
        if (event.demo()) {
            summary.append(" Демонстрационные данные вымышленного региона.");
        }
        return summary.toString();
    }

    static String author(FeedEvent event) {
        return present(event.operatorName()) ? event.operatorName().strip() : "Оператор НОКО: " + event.regionName();
    }

    static String types(List<String> codes) {
        if (codes.isEmpty()) {
            return "все типы организаций";
        }
        return codes.stream().map(code -> TYPES.getOrDefault(code, code)).collect(Collectors.joining(", "));
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
