package ru.noko.widgets.web;

import ru.noko.catalog.OrganizationType;
import ru.noko.methodology.Score;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Words, numbers and dates of the widgets in Russian (default) or English. */
final class Labels {

    /** Publication dates are shown as dates in Moscow time, as official documents give them. */
    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

    private static final String[] MONTHS_RU = {"января", "февраля", "марта", "апреля", "мая", "июня", "июля",
            "августа", "сентября", "октября", "ноября", "декабря"};
    private static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};
    private static final char NBSP = '\u00A0';

    static final Labels RU = new Labels(false);
    static final Labels EN = new Labels(true);

    private final boolean en;

    private Labels(boolean en) {
        this.en = en;
    }

    static Labels of(String lang) {
        return "en".equals(lang) ? EN : RU;
    }

    String lang() {
        return en ? "en" : "ru";
    }

    boolean english() {
        return en;
    }

    String t(String ru, String english) {
        return en ? english : ru;
    }

    /** Two decimals, the display rounding of METHODOLOGY.md §4: «87,45» or "87.45". */
    String score(double value) {
        return new Score(value).roundedText(en ? '.' : ',');
    }

    /** A signed change: «+2,31», «−0,40» (with a real minus sign). */
    String signedScore(double delta) {
        String magnitude = score(Math.abs(delta));
        int sign = shownSign(delta);
        return (sign > 0 ? "+" : sign < 0 ? "\u2212" : "") + magnitude;
    }

    /** The sign of a change as shown: a change that rounds to 0,00 is no change. */
    static int shownSign(double delta) {
        return new Score(delta).rounded().signum();
    }

    /** For SVG geometry: a plain decimal with a point. */
    static String geometry(double value) {
        return new Score(value).shortText('.');
    }

    String count(long n) {
        if (en) {
            return String.format(java.util.Locale.ENGLISH, "%,d", n);
        }
        if (n < 10_000) {
            return Long.toString(n);
        }
        return String.format(java.util.Locale.ENGLISH, "%,d", n).replace(',', NBSP);
    }

    String date(OffsetDateTime at) {
        LocalDate day = at.atZoneSameInstant(ZONE).toLocalDate();
        return en
                ? day.getDayOfMonth() + " " + MONTHS_EN[day.getMonthValue() - 1] + " " + day.getYear()
                : day.getDayOfMonth() + " " + MONTHS_RU[day.getMonthValue() - 1] + " " + day.getYear() + "\u00A0г.";
    }

    static String isoDate(OffsetDateTime at) {
        return at.atZoneSameInstant(ZONE).toLocalDate().toString();
    }

    String typeName(OrganizationType type) {
        if (!en) {
            return type.nameRu();
        }
        return switch (type) {
            case PRESCHOOL -> "preschool educational organization";
            case SCHOOL -> "general education school";
            case VOCATIONAL -> "vocational education organization";
            case ADDITIONAL -> "additional education organization";
            case HIGHER -> "higher education organization";
        };
    }

    /** The type group after «среди»: «общеобразовательных организаций», "schools". */
    String typeGroup(OrganizationType type) {
        if (en) {
            return switch (type) {
                case PRESCHOOL -> "preschools";
                case SCHOOL -> "schools";
                case VOCATIONAL -> "vocational organizations";
                case ADDITIONAL -> "additional education organizations";
                case HIGHER -> "higher education organizations";
            };
        }
        return switch (type) {
            case PRESCHOOL -> "дошкольных образовательных организаций";
            case SCHOOL -> "общеобразовательных организаций";
            case VOCATIONAL -> "профессиональных образовательных организаций";
            case ADDITIONAL -> "организаций дополнительного образования";
            case HIGHER -> "образовательных организаций высшего образования";
        };
    }

    /** Title of a ranking of one type: «Общеобразовательные организации», "Schools". */
    String typeTitle(OrganizationType type) {
        if (en) {
            String group = typeGroup(type);
            return Character.toUpperCase(group.charAt(0)) + group.substring(1);
        }
        return switch (type) {
            case PRESCHOOL -> "Дошкольные образовательные организации";
            case SCHOOL -> "Общеобразовательные организации";
            case VOCATIONAL -> "Профессиональные образовательные организации";
            case ADDITIONAL -> "Организации дополнительного образования";
            case HIGHER -> "Образовательные организации высшего образования";
        };
    }

    /** «среди 1046 организаций», «среди 21 организации», "of 1,046 organizations". */
    String amongOrganizations(long n) {
        if (en) {
            return "of " + count(n) + (n == 1 ? " organization" : " organizations");
        }
        boolean singular = n % 10 == 1 && n % 100 != 11;
        return "среди " + count(n) + (singular ? " организации" : " организаций");
    }

    /** «36 место», "36th". */
    String place(int place) {
        if (!en) {
            return place + "\u00A0место";
        }
        int mod100 = place % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th"
                : switch (place % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return place + suffix + "\u00A0place";
    }
}
