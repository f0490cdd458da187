package ru.noko.explorer.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers and dates as a Russian reader writes them: decimal comma, «7 декабря 2025 г.». */
public final class Format {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy 'г.'", RU);
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private Format() {
    }

    /** Two decimals, as the API's {@code round=2}; a dash for no value. */
    public static String score(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.2f", value).replace('.', ',');
    }

    /** A change with its sign (a true minus); a dash for none. */
    public static String change(Double value) {
        if (value == null) {
            return "—";
        }
        String text = score(Math.abs(value));
        if (text.equals("0,00")) {
            return "±0,00";
        }
        return (value > 0 ? "+" : "−") + text;
    }

    public static String date(OffsetDateTime at) {
        return at == null ? "—" : DATE.format(at.atZoneSameInstant(MOSCOW));
    }

    public static String date(LocalDate day) {
        return day == null ? "—" : DATE.format(day);
    }

    public static String integer(Integer value) {
        return value == null ? "—" : String.valueOf(value);
    }
}
