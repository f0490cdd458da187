/*
 * Demonstration data for NOKO Open Data: a FICTIONAL region («Демонстрационная область», code 00,
 * okato_code 00) with its municipalities, educational organizations, НОКО campaigns and the
 * operator-level "raw inputs" of every campaign (expert checklist + survey counts, METHODOLOGY.md §8).
 * No real organization is described: names, addresses, ИНН/КПП/ОГРН and bus.gov.ru numbers are
 * invented (identifiers have valid check digits and start with the non-existent region code 00,
 * websites use the reserved .example TLD).
 *
 * Writes, into the directory given as the only argument:
 *   region.csv, municipalities.csv, organizations.csv, campaigns.csv, raw-inputs/<year>-<type>.csv
 *
 * Run from the repository root (JDK 17, no dependencies):
 *   java data-seeds/demo/DemoDataGenerator.java data-seeds/demo
 *
 * The output is deterministic: fixed seeds, java.util.Random (its algorithm is fixed by the JDK
 * specification), StrictMath, no hash-order iteration; UTF-8 without BOM, '\n' line endings,
 * RFC 4180 quoting.
 *
 * This file is UTF-8. JDK 17 reads a source file in the platform encoding, so under a non-UTF-8
 * locale (e.g. LANG unset) run it as: java -Dfile.encoding=UTF-8 data-seeds/demo/DemoDataGenerator.java …
 * The program refuses to run if its Russian text was mis-decoded.
 */

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

public final class DemoDataGenerator {

    // ---------------------------------------------------------------- shape of the demo region

    static final long SEED = 20190114L;
    static final String REGION_CODE = "00";
    static final String REGION_OKATO = "00";
    static final String REGION_NAME = "Демонстрационная область";
    static final String REGION_DISTRICT = "Демонстрационный";
    static final String DOMAIN = ".example";

    static final String SCHOOL = "school";
    static final String PRESCHOOL = "preschool";
    static final String ADDITIONAL = "additional";
    static final String VOCATIONAL = "vocational";

    /** Share of state/municipal organizations without a bus.gov.ru registry number (private ones have none). */
    static final double NO_REG_NUM_SHARE = 0.08;
    /** Largest survey sample allowed per organization (METHODOLOGY.md §1). */
    static final int MAX_RESPONDENTS = 600;

    static final String RAW_HEADER = "inn,kpp,name,type,oktmo,"
            + "stand_items_present,stand_items_required,site_items_present,site_items_required,"
            + "remote_channels,comfort_conditions,disability_premises_conditions,disability_service_conditions,"
            + "recipients,respondents,used_stand,satisfied_stand,used_site,satisfied_site,satisfied_comfort,"
            + "respondents_disabled,satisfied_accessibility,satisfied_first_contact,satisfied_service_staff,"
            + "used_remote,satisfied_remote,would_recommend,satisfied_schedule,satisfied_overall";

    // ---------------------------------------------------------------- model

    /** A settlement with the adjective forms used in organization names. */
    record Place(String name, String prefix, String adjFem, String adjMasc, boolean branchSite) {
        String full() { return prefix + " " + name; }
        String slug() { return translit(name); }
    }

    /**
     * A municipality: ОКТМО, name, kind, name in the genitive (for «… Заречного муниципального
     * района»), its centre, villages, tax office and how many organizations of each type it has.
     */
    record Municipality(String oktmo, String name, String kind, String genitive, String addressArea,
                        Place centre, List<Place> villages, String taxOffice, String postcodePrefix,
                        int schools, int preschools, int additional) {
        boolean urban() { return kind.equals("urban_okrug"); }
        String slug() { return centre.slug(); }
    }

    /** A campaign: one НОКО cycle for one type of organization. */
    record Campaign(int year, String type, String started, String finished, String published,
                    String council, String operator, int standItems, int siteItems) {
        String key() { return REGION_CODE + "-" + year + "-" + type; }
        String fileName() { return year + "-" + type + ".csv"; }
    }

    /** An organization while it is being built; identifiers are filled in after the names. */
    static final class Org {
        String type;
        Municipality muni;
        Place place;
        String form;            // legal form letter of a municipal organization: Б, А or К
        String name;
        String shortName;
        String websiteHost;
        String websitePath = "";
        boolean nonMunicipal;   // run by the region (state) or private
        boolean privateOrg;     // private: not in the bus.gov.ru register of state and municipal bodies
        int size;               // typical number of recipients
        Org parent;             // for branches (филиал)
        int firstYear = 0;      // opened before this campaign year (0 = long ago)
        int lastYear = 9999;    // closed after this campaign year
        int number;             // school / kindergarten number, 0 if none
        String inn, kpp, ogrn, regNum = "", address, website;
        int registered;         // year of state registration (ОГРН)

        boolean isBranch() { return parent != null; }
        String key() { return inn + "/" + kpp; }
    }

    // ---------------------------------------------------------------- region data

    static final List<Municipality> MUNICIPALITIES = List.of(
            new Municipality("00701000", "Новоградский городской округ", "urban_okrug",
                    "Новоградского городского округа", "",
                    new Place("Новоград", "г.", "Новоградская", "Новоградский", false), List.of(),
                    "01", "0001", 50, 50, 16),
            new Municipality("00704000", "Старолесский городской округ", "urban_okrug",
                    "Старолесского городского округа", "",
                    new Place("Старолесье", "г.", "Старолесская", "Старолесский", false), List.of(
                    new Place("Подлесное", "с.", "Подлесненская", "Подлесненский", false),
                    new Place("Боровое", "с.", "Боровская", "Боровской", false)),
                    "02", "0002", 16, 16, 6),
            new Municipality("00612000", "Заречный муниципальный район", "municipal_district",
                    "Заречного муниципального района", "Заречный район",
                    new Place("Заречный", "п.", "Заречная", "Заречный", false), List.of(
                    new Place("Сосновка", "с.", "Сосновская", "Сосновский", false),
                    new Place("Ивановка", "с.", "Ивановская", "Ивановский", false),
                    new Place("Луговая", "д.", "Луговская", "Луговской", true),
                    new Place("Покровское", "с.", "Покровская", "Покровский", false),
                    new Place("Берёзовка", "с.", "Берёзовская", "Берёзовский", false),
                    new Place("Каменка", "с.", "Каменская", "Каменский", false),
                    new Place("Ольховка", "д.", "Ольховская", "Ольховский", true),
                    new Place("Никольское", "с.", "Никольская", "Никольский", false),
                    new Place("Лесной", "п.", "Леснинская", "Леснинский", false),
                    new Place("Малиновка", "с.", "Малиновская", "Малиновский", false),
                    new Place("Петровка", "с.", "Петровская", "Петровский", false)),
                    "03", "0003", 14, 12, 5),
            new Municipality("00615000", "Верхнеполянский муниципальный район", "municipal_district",
                    "Верхнеполянского муниципального района", "Верхнеполянский район",
                    new Place("Верхние Поляны", "с.", "Верхнеполянская", "Верхнеполянский", false), List.of(
                    new Place("Нижние Поляны", "с.", "Нижнеполянская", "Нижнеполянский", false),
                    new Place("Ключи", "с.", "Ключевская", "Ключевской", false),
                    new Place("Высокое", "с.", "Высоковская", "Высоковский", false),
                    new Place("Озерки", "д.", "Озерковская", "Озерковский", false),
                    new Place("Заозёрье", "с.", "Заозёрская", "Заозёрский", false),
                    new Place("Рябиновка", "с.", "Рябиновская", "Рябиновский", false),
                    new Place("Спасское", "с.", "Спасская", "Спасский", false),
                    new Place("Дубки", "д.", "Дубковская", "Дубковский", false),
                    new Place("Елань", "с.", "Еланская", "Еланский", false),
                    new Place("Гороховка", "с.", "Гороховская", "Гороховский", false),
                    new Place("Троицкое", "с.", "Троицкая", "Троицкий", false)),
                    "04", "0004", 14, 11, 5),
            new Municipality("00620000", "Тихореченский муниципальный район", "municipal_district",
                    "Тихореченского муниципального района", "Тихореченский район",
                    new Place("Тихоречье", "пгт", "Тихореченская", "Тихореченский", false), List.of(
                    new Place("Медведево", "с.", "Медведевская", "Медведевский", false),
                    new Place("Яблоневка", "с.", "Яблоневская", "Яблоневский", false),
                    new Place("Черёмушки", "с.", "Черёмушкинская", "Черёмушкинский", false),
                    new Place("Сокольники", "д.", "Сокольниковская", "Сокольниковский", false),
                    new Place("Вознесенское", "с.", "Вознесенская", "Вознесенский", false),
                    new Place("Красная Горка", "с.", "Красногорская", "Красногорский", false),
                    new Place("Полевое", "с.", "Полевская", "Полевской", false),
                    new Place("Речной", "п.", "Речнинская", "Речнинский", false),
                    new Place("Знаменка", "с.", "Знаменская", "Знаменский", false),
                    new Place("Ягодное", "с.", "Ягоднинская", "Ягоднинский", false)),
                    "04", "0005", 13, 11, 4),
            new Municipality("00525000", "Дубравинский муниципальный округ", "municipal_okrug",
                    "Дубравинского муниципального округа", "Дубравинский муниципальный округ",
                    new Place("Дубравино", "с.", "Дубравинская", "Дубравинский", false), List.of(
                    new Place("Кленовка", "с.", "Кленовская", "Кленовский", false),
                    new Place("Васильевка", "с.", "Васильевская", "Васильевский", false),
                    new Place("Родники", "д.", "Родниковская", "Родниковский", false),
                    new Place("Богородское", "с.", "Богородская", "Богородский", false),
                    new Place("Ёлкино", "с.", "Ёлкинская", "Ёлкинский", false),
                    new Place("Михайловка", "с.", "Михайловская", "Михайловский", false),
                    new Place("Светлый", "п.", "Светлинская", "Светлинский", false),
                    new Place("Воскресенское", "с.", "Воскресенская", "Воскресенский", false),
                    new Place("Холмы", "д.", "Холмовская", "Холмовский", false),
                    new Place("Широкий Лог", "с.", "Широколожская", "Широколожский", false),
                    new Place("Александровка", "с.", "Александровская", "Александровский", false)),
                    "05", "0006", 14, 11, 5),
            new Municipality("00530000", "Калиноярский муниципальный округ", "municipal_okrug",
                    "Калиноярского муниципального округа", "Калиноярский муниципальный округ",
                    new Place("Калиновый Яр", "с.", "Калиноярская", "Калиноярский", false), List.of(
                    new Place("Вишнёвка", "с.", "Вишнёвская", "Вишнёвский", false),
                    new Place("Благовещенка", "с.", "Благовещенская", "Благовещенский", false),
                    new Place("Сухой Лог", "д.", "Сухоложская", "Сухоложский", true),
                    new Place("Мельниково", "с.", "Мельниковская", "Мельниковский", false),
                    new Place("Журавлёво", "с.", "Журавлёвская", "Журавлёвский", false),
                    new Place("Преображенка", "с.", "Преображенская", "Преображенский", false),
                    new Place("Первомайский", "п.", "Первомайская", "Первомайский", false),
                    new Place("Чистополье", "с.", "Чистопольская", "Чистопольский", false),
                    new Place("Гремячье", "с.", "Гремяченская", "Гремяченский", false),
                    new Place("Орловка", "с.", "Орловская", "Орловский", false),
                    new Place("Студёное", "с.", "Студёновская", "Студёновский", false)),
                    "05", "0007", 13, 11, 5));

    static final List<Campaign> CAMPAIGNS = List.of(
            new Campaign(2019, SCHOOL, "2019-04-15", "2019-10-31", "2019-12-16",
                    "Протокол общественного совета № 4 от 2019-11-20", "ООО «Демо-Опрос»", 11, 46),
            new Campaign(2020, PRESCHOOL, "2020-06-01", "2020-11-13", "2020-12-14",
                    "Протокол общественного совета № 5 от 2020-11-26", "ООО «Демо-Опрос»", 10, 44),
            new Campaign(2021, ADDITIONAL, "2021-04-05", "2021-10-29", "2021-12-10",
                    "Протокол общественного совета № 3 от 2021-11-18", "ООО «Демо-Опрос»", 10, 42),
            new Campaign(2021, VOCATIONAL, "2021-04-05", "2021-10-29", "2021-12-10",
                    "Протокол общественного совета № 3 от 2021-11-18", "ООО «Демо-Опрос»", 12, 50),
            new Campaign(2022, SCHOOL, "2022-03-21", "2022-10-28", "2022-12-05",
                    "Протокол общественного совета № 3 от 2022-11-15", "ООО «Демо-Опрос»", 11, 47),
            new Campaign(2023, PRESCHOOL, "2023-03-13", "2023-10-27", "2023-12-08",
                    "Протокол общественного совета № 4 от 2023-11-16", "ООО «Демо-Мониторинг»", 10, 45),
            new Campaign(2024, ADDITIONAL, "2024-03-18", "2024-10-31", "2024-12-09",
                    "Протокол общественного совета № 5 от 2024-11-19", "ООО «Демо-Мониторинг»", 10, 43),
            new Campaign(2024, VOCATIONAL, "2024-03-18", "2024-10-31", "2024-12-09",
                    "Протокол общественного совета № 5 от 2024-11-19", "ООО «Демо-Мониторинг»", 12, 51),
            new Campaign(2025, SCHOOL, "2025-03-17", "2025-09-30", "2025-10-27",
                    "Протокол общественного совета № 3 от 2025-10-14", "ООО «Демо-Мониторинг»", 11, 48));

    /** Town school numbers that are gymnasiums, lyceums and schools with advanced study of subjects. */
    static final Set<Integer> GYMNASIUMS = Set.of(1, 6, 17);
    static final Set<Integer> LYCEUMS = Set.of(3, 9);
    static final Set<Integer> ADVANCED_SCHOOLS = Set.of(12, 23, 34, 45);
    /** Honorary names of some capital schools (fictional people). */
    static final Map<Integer, String> SCHOOL_HONOURS = Map.of(
            8, " имени Героя Советского Союза Н. И. Кострова",
            14, " имени почётного гражданина Новограда А. Ф. Лукина");

    static final String[] STREETS = {"ул. Ленина", "ул. Советская", "ул. Школьная", "ул. Садовая",
            "ул. Молодёжная", "ул. Мира", "ул. Центральная", "ул. Набережная", "ул. Гагарина", "ул. Лесная",
            "ул. Октябрьская", "ул. Пушкина", "ул. Победы", "ул. Комсомольская", "ул. Полевая",
            "ул. Берёзовая", "ул. Строителей", "ул. Юбилейная", "ул. Первомайская", "пр-т Космонавтов",
            "ул. Звёздная", "ул. Речная", "пер. Почтовый", "ул. Луговая", "б-р Рябиновый"};

    static final String[] KINDERGARTEN_NAMES = {"Берёзка", "Звёздочка", "Ёлочка", "Солнышко", "Ромашка",
            "Колокольчик", "Радуга", "Сказка", "Теремок", "Алёнушка", "Золотой ключик", "Светлячок",
            "Ручеёк", "Рябинка", "Улыбка", "Капелька", "Журавушка", "Родничок", "Семицветик",
            "Дюймовочка", "Огонёк", "Незабудка", "Василёк", "Лучик", "Росинка", "Кораблик", "Аистёнок",
            "Белочка", "Снегирёк", "Гнёздышко", "Веснянка", "Карусель", "Непоседа", "Жемчужинка",
            "Одуванчик", "Колосок", "Малыш", "Подсолнушек", "Синичка", "Сосенка"};

    /** Additional-education templates: full name, short name, website slug ({M}/{F}: place adjective). */
    static final String[][] ADDITIONAL_URBAN = {
            {"Дворец детского (юношеского) творчества", "ДДЮТ", "ddyut"},
            {"Дом детского творчества «Юность»", "ДДТ «Юность»", "ddt-yunost"},
            {"Дом детского творчества «Радуга»", "ДДТ «Радуга»", "ddt-raduga"},
            {"Центр детского творчества «Восход»", "ЦДТ «Восход»", "cdt-voskhod"},
            {"Центр внешкольной работы «Ровесник»", "ЦВР «Ровесник»", "cvr-rovesnik"},
            {"Станция юных техников № 1", "СЮТ № 1", "syut1"},
            {"Станция юных натуралистов", "СЮН", "syun"},
            {"Детско-юношеская спортивная школа № 1", "ДЮСШ № 1", "dyussh1"},
            {"Детско-юношеская спортивная школа № 2", "ДЮСШ № 2", "dyussh2"},
            {"Детско-юношеская спортивная школа № 3 «Олимп»", "ДЮСШ № 3 «Олимп»", "dyussh3"},
            {"Детская школа искусств № 1", "ДШИ № 1", "dshi1"},
            {"Детская школа искусств № 2", "ДШИ № 2", "dshi2"},
            {"Детская музыкальная школа № 1", "ДМШ № 1", "dmsh1"},
            {"Детская художественная школа", "ДХШ", "dhsh"},
            {"Центр детского и юношеского туризма и экскурсий", "ЦДЮТЭ", "cdyute"}};
    static final String[][] ADDITIONAL_RURAL = {
            {"{M} дом детского творчества", "{M} ДДТ", "ddt"},
            {"{F} детско-юношеская спортивная школа", "{F} ДЮСШ", "dyussh"},
            {"{F} детская школа искусств", "{F} ДШИ", "dshi"},
            {"Центр дополнительного образования «Перспектива»", "ЦДО «Перспектива»", "cdo"},
            {"{F} станция юных натуралистов", "{F} СЮН", "syun"},
            {"Центр внешкольной работы", "ЦВР", "cvr"}};

    /** Vocational organizations: municipality index, legal form, name, website slug. */
    static final String[][] VOCATIONAL_ORGS = {
            {"0", "ГБ", "Новоградский политехнический колледж", "npk"},
            {"0", "ГБ", "Новоградский педагогический колледж", "pedcollege"},
            {"0", "ГБ", "Новоградский медицинский колледж", "medcollege"},
            {"0", "ГА", "Новоградский колледж связи и информатики", "kci"},
            {"0", "ГБ", "Новоградский строительный колледж", "stroycollege"},
            {"0", "ГА", "Новоградский торгово-экономический колледж", "tek"},
            {"0", "ГБ", "Новоградский колледж искусств", "art-college"},
            {"0", "ГБ", "Новоградский автотранспортный техникум", "att"},
            {"0", "ГБ", "Новоградский колледж сервиса и туризма", "kst"},
            {"0", "ГБ", "Новоградский техникум отраслевых технологий", "tot"},
            {"0", "ГА", "Областной колледж культуры «Лира»", "lira-college"},
            {"0", "АН", "Новоградский колледж бизнеса и права", "kbp"},
            {"1", "ГБ", "Старолесский индустриальный техникум", "sit"},
            {"1", "ГБ", "Старолесский медицинский колледж", "smk"},
            {"1", "ГА", "Старолесский химико-технологический техникум", "shtt"},
            {"2", "ГБ", "Заречный аграрный техникум", "agro"},
            {"3", "ГБ", "Верхнеполянский сельскохозяйственный техникум", "vsht"},
            {"4", "ГБ", "Тихореченский технологический техникум", "ttt"},
            {"5", "ГБ", "Дубравинский лесотехнический техникум", "dlt"},
            {"6", "ГБ", "Калиноярский агропромышленный техникум", "kapt"},
            {"6", "ГБ", "Калиноярский многопрофильный колледж", "kmk"}};

    // ---------------------------------------------------------------- entry point

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java data-seeds/demo/DemoDataGenerator.java <output-dir>");
            System.exit(2);
        }
        checkSourceEncoding();
        Path out = Path.of(args[0]);
        Random rnd = new Random(SEED);

        List<Org> orgs = new ArrayList<>();
        orgs.addAll(buildSchools(rnd));
        orgs.addAll(buildPreschools(rnd));
        orgs.addAll(buildAdditional(rnd));
        orgs.addAll(buildVocational(rnd));
        planLifecycles(orgs, rnd);
        assignIdentifiers(orgs, rnd);

        Files.createDirectories(out.resolve("raw-inputs"));
        writeRegion(out);
        writeMunicipalities(out);
        writeOrganizations(out, orgs);
        writeCampaigns(out);
        writeRawInputs(out, orgs);
        System.out.println("Wrote demo data for " + orgs.size() + " organizations and "
                + CAMPAIGNS.size() + " campaigns to " + out);
    }

    /** Stops with a clear message when the source was compiled from a non-UTF-8 reading of this file. */
    static void checkSourceEncoding() {
        if (!REGION_NAME.equals("\u0414\u0435\u043c\u043e\u043d\u0441\u0442\u0440\u0430\u0446\u0438\u043e\u043d"
                + "\u043d\u0430\u044f \u043e\u0431\u043b\u0430\u0441\u0442\u044c")) {
            System.err.println("DemoDataGenerator.java was not read as UTF-8; run it with "
                    + "java -Dfile.encoding=UTF-8 data-seeds/demo/DemoDataGenerator.java <output-dir>");
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------- schools

    static List<Org> buildSchools(Random rnd) {
        List<Org> list = new ArrayList<>();
        for (Municipality m : MUNICIPALITIES) {
            if (m.urban()) {
                list.addAll(urbanSchools(m, rnd));
            } else {
                list.addAll(ruralSchools(m, rnd));
            }
        }
        return list;
    }

    static List<Org> urbanSchools(Municipality m, Random rnd) {
        List<Org> list = new ArrayList<>();
        boolean capital = m == MUNICIPALITIES.get(0);
        int special = capital ? 3 : 0; // two state boarding schools and one private school
        int villageSchools = m.villages().size();
        int numbered = m.schools() - special - villageSchools;
        List<Integer> numbers = pickNumbers(numbered, numbered + numbered / 7, rnd);
        for (int n : numbers) {
            Org o = newOrg(SCHOOL, m, m.centre());
            o.number = n;
            String form = GYMNASIUMS.contains(n) || LYCEUMS.contains(n) ? "А" : legalForm(rnd, 0.62, 0.30);
            String kind;
            String shortKind;
            String host = "sch" + n;
            if (GYMNASIUMS.contains(n)) {
                kind = "«Гимназия № " + n + "»";
                shortKind = kind;
                host = "gym" + n;
            } else if (LYCEUMS.contains(n)) {
                kind = "«Лицей № " + n + "»";
                shortKind = kind;
                host = "lyceum" + n;
            } else if (ADVANCED_SCHOOLS.contains(n)) {
                kind = "«Средняя общеобразовательная школа с углублённым изучением отдельных предметов № " + n + "»";
                shortKind = "СОШ с УИОП № " + n;
            } else {
                String honour = capital ? SCHOOL_HONOURS.getOrDefault(n, "") : "";
                kind = "«Средняя общеобразовательная школа № " + n + honour + "»";
                shortKind = "СОШ № " + n;
            }
            o.name = "Муниципальное " + formWord(form) + " общеобразовательное учреждение " + kind + " " + m.genitive();
            o.shortName = "М" + form + "ОУ " + shortKind;
            if (rnd.nextDouble() < 0.06) {
                o.shortName = "М" + form + "ОУ \"" + stripGuillemets(shortKind) + "\"";
            }
            o.websiteHost = host + "." + m.slug();
            o.size = capital ? between(rnd, 520, 1500) : between(rnd, 380, 1100);
            list.add(o);
        }
        for (Place v : m.villages()) {
            list.add(villageSchool(m, v, rnd, true));
        }
        if (capital) {
            list.add(stateSchool(m, "Государственное бюджетное общеобразовательное учреждение "
                    + "«Новоградская специальная (коррекционная) школа-интернат № 1»",
                    "ГБОУ «Новоградская С(К)ШИ № 1»", "skshi1", 140));
            list.add(stateSchool(m, "Государственное бюджетное общеобразовательное учреждение "
                    + "«Кадетская школа-интернат «Новоградский кадетский корпус»»",
                    "ГБОУ КШИ «Новоградский кадетский корпус»", "cadets", 320));
            list.add(stateSchool(m, "Частное общеобразовательное учреждение «Школа «Перспектива»»",
                    "ЧОУ «Школа «Перспектива»»", "perspektiva", 210));
            list.get(list.size() - 1).privateOrg = true;
        }
        return list;
    }

    static Org stateSchool(Municipality m, String name, String shortName, String host, int size) {
        Org o = newOrg(SCHOOL, m, m.centre());
        o.name = name;
        o.shortName = shortName;
        o.websiteHost = host + "." + m.slug();
        o.nonMunicipal = true;
        o.size = size;
        return o;
    }

    static List<Org> ruralSchools(Municipality m, Random rnd) {
        List<Org> list = new ArrayList<>();
        int centreSchools = m.schools() - m.villages().size();
        Org first = null;
        for (int n = 1; n <= centreSchools; n++) {
            Org o = newOrg(SCHOOL, m, m.centre());
            o.number = n;
            String form = legalForm(rnd, 0.75, 0.25);
            o.form = form;
            String adj = m.centre().adjFem();
            o.name = "Муниципальное " + formWord(form) + " общеобразовательное учреждение «" + adj
                    + " средняя общеобразовательная школа № " + n + "»";
            o.shortName = "М" + form + "ОУ «" + adj + " СОШ № " + n + "»";
            o.websiteHost = "sch" + n + "." + m.slug();
            o.size = between(rnd, 350, 900);
            list.add(o);
            if (first == null) {
                first = o;
            }
        }
        for (Place v : m.villages()) {
            if (v.branchSite()) {
                list.add(schoolBranch(first, v, rnd));
            } else {
                list.add(villageSchool(m, v, rnd, false));
            }
        }
        return list;
    }

    static Org villageSchool(Municipality m, Place v, Random rnd, boolean urbanOkrug) {
        Org o = newOrg(SCHOOL, m, v);
        boolean basic = rnd.nextDouble() < 0.4;
        String level = basic ? "основная" : "средняя";
        String abbr = basic ? "ООШ" : "СОШ";
        String form = legalForm(rnd, 0.55, 0.1);
        o.name = "Муниципальное " + formWord(form) + " общеобразовательное учреждение «" + v.adjFem() + " "
                + level + " общеобразовательная школа»";
        if (urbanOkrug || rnd.nextDouble() < 0.5) {
            o.name += " " + m.genitive();
        }
        o.shortName = "М" + form + "ОУ «" + v.adjFem() + " " + abbr + "»";
        o.websiteHost = v.slug() + "-school." + m.slug();
        o.size = basic ? between(rnd, 28, 110) : between(rnd, 90, 320);
        return o;
    }

    static Org schoolBranch(Org parent, Place v, Random rnd) {
        Org o = newOrg(SCHOOL, parent.muni, v);
        o.parent = parent;
        boolean primary = rnd.nextDouble() < 0.5;
        String level = primary ? "начальная" : "основная";
        String abbr = primary ? "НОШ" : "ООШ";
        String parentQuoted = parent.name.substring(parent.name.indexOf("«"));
        o.name = "Филиал муниципального " + formWordGenitive(parent.form) + " общеобразовательного учреждения "
                + parentQuoted + " — «" + v.adjFem() + " " + level + " общеобразовательная школа»";
        o.shortName = "Филиал " + parent.shortName + " — «" + v.adjFem() + " " + abbr + "»";
        o.websiteHost = parent.websiteHost;
        o.websitePath = "/filial-" + v.slug();
        o.size = primary ? between(rnd, 15, 40) : between(rnd, 30, 90);
        return o;
    }

    // ---------------------------------------------------------------- preschools

    static List<Org> buildPreschools(Random rnd) {
        List<Org> list = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of(KINDERGARTEN_NAMES));
        for (Municipality m : MUNICIPALITIES) {
            Collections.shuffle(names, rnd);
            int nameIndex = 0;
            boolean capital = m == MUNICIPALITIES.get(0);
            int special = capital ? 1 : 0;
            int inVillages = m.urban() ? m.villages().size() : Math.min(m.villages().size(), m.preschools() - 3);
            int numbered = m.preschools() - inVillages - special;
            List<Integer> numbers = m.urban()
                    ? pickNumbers(numbered, numbered + numbered / 5, rnd)
                    : pickNumbers(numbered, numbered, rnd);
            for (int n : numbers) {
                String proper = rnd.nextDouble() < 0.6 ? names.get(nameIndex++ % names.size()) : null;
                list.add(numberedKindergarten(m, n, proper, rnd));
            }
            List<Place> villages = new ArrayList<>(m.villages());
            Collections.shuffle(villages, rnd);
            for (Place v : villages.subList(0, inVillages)) {
                list.add(villageKindergarten(m, v, names.get(nameIndex++ % names.size()), rnd));
            }
            if (capital) {
                Org o = newOrg(PRESCHOOL, m, m.centre());
                o.name = "Частное дошкольное образовательное учреждение «Детский сад «Гномик»»";
                o.shortName = "ЧДОУ «Детский сад «Гномик»»";
                o.websiteHost = "gnomik." + m.slug();
                o.nonMunicipal = true;
                o.privateOrg = true;
                o.size = 45;
                list.add(o);
            }
        }
        return list;
    }

    static Org numberedKindergarten(Municipality m, int n, String proper, Random rnd) {
        Org o = newOrg(PRESCHOOL, m, m.centre());
        o.number = n;
        String form = legalForm(rnd, 0.65, 0.25);
        String prefix = m.urban() ? "" : m.centre().adjMasc() + " ";
        String suffix = proper == null ? "" : " «" + proper + "»";
        double kind = rnd.nextDouble();
        String full;
        String abbr;
        if (kind < 0.12 && m.urban()) {
            full = "Центр развития ребёнка — детский сад № " + n + suffix;
            abbr = "ЦРР — д/с № " + n + suffix;
        } else if (kind < 0.25) {
            full = capitalize(prefix + "детский сад комбинированного вида № " + n + suffix);
            abbr = prefix + "д/с № " + n + suffix;
        } else {
            full = capitalize(prefix + "детский сад № " + n + suffix);
            abbr = prefix + "д/с № " + n + suffix;
        }
        o.name = "Муниципальное " + formWord(form) + " дошкольное образовательное учреждение «" + full + "»";
        if (rnd.nextDouble() < 0.35) {
            o.name += " " + m.genitive();
        }
        o.shortName = "М" + form + "ДОУ " + (m.urban() ? abbr : "«" + abbr + "»");
        o.websiteHost = "ds" + n + "." + m.slug();
        o.size = m.urban() ? between(rnd, 110, 340) : between(rnd, 70, 190);
        return o;
    }

    static Org villageKindergarten(Municipality m, Place v, String proper, Random rnd) {
        Org o = newOrg(PRESCHOOL, m, v);
        String form = legalForm(rnd, 0.5, 0.1);
        o.name = "Муниципальное " + formWord(form) + " дошкольное образовательное учреждение «" + v.adjMasc()
                + " детский сад «" + proper + "»»";
        o.shortName = "М" + form + "ДОУ «" + v.adjMasc() + " д/с «" + proper + "»»";
        o.websiteHost = v.slug() + "-ds." + m.slug();
        o.size = between(rnd, 18, 75);
        return o;
    }

    // ---------------------------------------------------------------- additional education

    static List<Org> buildAdditional(Random rnd) {
        List<Org> list = new ArrayList<>();
        for (Municipality m : MUNICIPALITIES) {
            boolean capital = m == MUNICIPALITIES.get(0);
            int count = m.additional();
            if (capital) {
                list.add(regionalAdditional(m, "А", "Областной центр дополнительного образования детей «Созвездие»",
                        "ГАУ ДО «ОЦДОД «Созвездие»»", "sozvezdie"));
                list.add(regionalAdditional(m, "Б", "Областная станция юных техников",
                        "ГБУ ДО «ОблСЮТ»", "oblsyut"));
                count -= 2;
            }
            String[][] templates = m.urban() ? ADDITIONAL_URBAN : ADDITIONAL_RURAL;
            for (int i = 0; i < count; i++) {
                String[] t = templates[i];
                Org o = newOrg(ADDITIONAL, m, m.centre());
                String form = legalForm(rnd, 0.6, 0.3);
                String full = fillPlace(t[0], m.centre());
                String abbr = fillPlace(t[1], m.centre());
                o.name = "Муниципальное " + formWord(form) + " учреждение дополнительного образования «" + full + "»";
                if (m.urban()) {
                    o.name += " " + m.genitive();
                }
                o.shortName = "М" + form + "У ДО «" + abbr + "»";
                if (rnd.nextDouble() < 0.08) {
                    o.shortName = "М" + form + "У ДО \"" + stripGuillemets(abbr) + "\"";
                }
                o.websiteHost = t[2] + "." + m.slug();
                o.size = m.urban() ? between(rnd, 600, 2600) : between(rnd, 250, 900);
                list.add(o);
            }
        }
        return list;
    }

    static Org regionalAdditional(Municipality m, String form, String name, String shortName, String host) {
        Org o = newOrg(ADDITIONAL, m, m.centre());
        o.name = "Государственное " + formWord(form) + " учреждение дополнительного образования «" + name + "»";
        o.shortName = shortName;
        o.websiteHost = host + "." + m.slug();
        o.nonMunicipal = true;
        o.size = 2400;
        return o;
    }

    // ---------------------------------------------------------------- vocational

    static List<Org> buildVocational(Random rnd) {
        List<Org> list = new ArrayList<>();
        for (String[] v : VOCATIONAL_ORGS) {
            Municipality m = MUNICIPALITIES.get(Integer.parseInt(v[0]));
            Org o = newOrg(VOCATIONAL, m, m.centre());
            o.nonMunicipal = true;
            if (v[1].equals("АН")) {
                o.name = "Автономная некоммерческая профессиональная образовательная организация «" + v[2] + "»";
                o.shortName = "АН ПОО «" + v[2] + "»";
                o.privateOrg = true;
            } else {
                String form = v[1].substring(1);
                o.name = "Государственное " + formWord(form) + " профессиональное образовательное учреждение «"
                        + v[2] + "»";
                o.shortName = "Г" + form + "ПОУ «" + v[2] + "»";
            }
            o.websiteHost = v[3] + "." + m.slug();
            o.size = between(rnd, 450, 2300);
            list.add(o);
        }
        // A branch of the polytechnic college in another municipality: same ИНН, its own КПП.
        Org parent = list.get(0);
        Municipality m = MUNICIPALITIES.get(4);
        Org branch = newOrg(VOCATIONAL, m, m.centre());
        branch.parent = parent;
        branch.nonMunicipal = true;
        branch.name = m.centre().adjMasc() + " филиал государственного бюджетного профессионального "
                + "образовательного учреждения «Новоградский политехнический колледж»";
        branch.shortName = m.centre().adjMasc() + " филиал ГБПОУ «Новоградский политехнический колледж»";
        branch.websiteHost = parent.websiteHost;
        branch.websitePath = "/filial-" + m.centre().slug();
        branch.size = between(rnd, 300, 600);
        list.add(branch);
        return list;
    }

    // ---------------------------------------------------------------- openings and closures

    /**
     * Decides which organizations are new (opened between cycles) and which closed or merged:
     * new ones are the highest-numbered town schools and kindergartens, closures are small
     * village organizations, as in real regions.
     */
    static void planLifecycles(List<Org> orgs, Random rnd) {
        openNewest(orgs, SCHOOL, 2022, 4, 3);
        openNewest(orgs, SCHOOL, 2025, 3, 0);
        openNewest(orgs, PRESCHOOL, 2023, 5, 0);
        closeSmallest(orgs, SCHOOL, 2019, 4, rnd);
        closeSmallest(orgs, SCHOOL, 2022, 3, rnd);
        closeSmallest(orgs, PRESCHOOL, 2020, 4, rnd);
        Org ddt = findByHost(orgs, "cdo." + MUNICIPALITIES.get(3).slug());
        ddt.lastYear = 2021;
        Org newCentre = findByHost(orgs, "dhsh." + MUNICIPALITIES.get(0).slug());
        newCentre.firstYear = 2024;
        Org newCentre2 = findByHost(orgs, "syun." + MUNICIPALITIES.get(6).slug());
        newCentre2.firstYear = 2024;
        Org mergedCollege = findByHost(orgs, "tot." + MUNICIPALITIES.get(0).slug());
        mergedCollege.lastYear = 2021;
        Org newCollege = findByHost(orgs, "kmk." + MUNICIPALITIES.get(6).slug());
        newCollege.firstYear = 2024;
    }

    /** Marks as new the {@code count} highest-numbered organizations of the given type in the capital. */
    static void openNewest(List<Org> orgs, String type, int year, int count, int skip) {
        List<Org> candidates = new ArrayList<>();
        for (Org o : orgs) {
            if (o.type.equals(type) && o.muni == MUNICIPALITIES.get(0) && o.number > 0 && o.firstYear == 0) {
                candidates.add(o);
            }
        }
        candidates.sort(Comparator.comparingInt((Org o) -> o.number).reversed());
        for (Org o : candidates.subList(skip, skip + count)) {
            o.firstYear = year;
        }
    }

    /** Closes {@code count} small village organizations of the given type after the given year. */
    static void closeSmallest(List<Org> orgs, String type, int afterYear, int count, Random rnd) {
        List<Org> candidates = new ArrayList<>();
        for (Org o : orgs) {
            if (o.type.equals(type) && !o.muni.urban() && o.place != o.muni.centre() && !o.isBranch()
                    && o.lastYear == 9999 && o.size < 120) {
                candidates.add(o);
            }
        }
        Collections.shuffle(candidates, rnd);
        for (Org o : candidates.subList(0, count)) {
            o.lastYear = afterYear;
        }
    }

    static Org findByHost(List<Org> orgs, String host) {
        for (Org o : orgs) {
            if (o.websiteHost.equals(host) && !o.isBranch()) {
                return o;
            }
        }
        throw new IllegalStateException("no organization with host " + host);
    }

    // ---------------------------------------------------------------- identifiers, addresses, websites

    static void assignIdentifiers(List<Org> orgs, Random rnd) {
        Set<String> innRecords = new HashSet<>();
        Set<String> regNums = new HashSet<>();
        Set<String> ogrns = new HashSet<>();
        Map<Org, Integer> branchCount = new LinkedHashMap<>();
        for (Org o : orgs) {
            if (o.isBranch()) {
                int k = branchCount.merge(o.parent, 1, Integer::sum);
                o.inn = o.parent.inn;
                o.ogrn = o.parent.ogrn;
                o.registered = o.parent.registered;
                o.kpp = REGION_CODE + o.muni.taxOffice() + "43" + String.format(Locale.ROOT, "%03d", k);
            } else {
                String office = o.muni.taxOffice();
                String record;
                do {
                    record = String.format(Locale.ROOT, "%05d", rnd.nextInt(100000));
                } while (!innRecords.add(office + record));
                o.inn = withInnCheckDigit(REGION_CODE + office + record);
                o.kpp = REGION_CODE + office + "01001";
                o.registered = registrationYear(o, rnd);
                do {
                    o.ogrn = withOgrnCheckDigit("1" + two(o.registered % 100) + REGION_CODE + office
                            + String.format(Locale.ROOT, "%05d", rnd.nextInt(100000)));
                } while (!ogrns.add(o.ogrn));
                if (!o.privateOrg && rnd.nextDouble() >= NO_REG_NUM_SHARE) {
                    o.regNum = uniqueRegNum(o, rnd, regNums);
                }
            }
            o.address = address(o, rnd);
            o.website = "https://" + o.websiteHost + DOMAIN + o.websitePath;
        }
    }

    /** Most organizations were (re-)registered when the legal-entity register started in 2002–2004. */
    static int registrationYear(Org o, Random rnd) {
        if (o.firstYear > 0) {
            return o.firstYear - 1 - rnd.nextInt(2);
        }
        double r = rnd.nextDouble();
        if (r < 0.72) {
            return 2002;
        }
        if (r < 0.88) {
            return 2003 + rnd.nextInt(2);
        }
        return 2005 + rnd.nextInt(13);
    }

    /** bus.gov.ru register number: 3 digits (region, level) + 5 letters/digits, see ТФФ 1.8.3 ogsCodeType. */
    static String uniqueRegNum(Org o, Random rnd, Set<String> used) {
        String letters = "ABCDEFGHJKLMNPRSTUVWXZ";
        String number;
        do {
            number = REGION_CODE + (o.nonMunicipal ? "2" : "3") + letters.charAt(rnd.nextInt(letters.length()))
                    + String.format(Locale.ROOT, "%04d", rnd.nextInt(10000));
        } while (!used.add(number));
        return number;
    }

    static String address(Org o, Random rnd) {
        Municipality m = o.muni;
        String postcode = m.postcodePrefix() + two(o.place == m.centre() ? rnd.nextInt(40) : 40 + rnd.nextInt(60));
        String street = STREETS[rnd.nextInt(o.place == m.centre() ? STREETS.length : 8)];
        String house = "д. " + (1 + rnd.nextInt(o.place == m.centre() ? 120 : 40));
        if (rnd.nextDouble() < 0.1) {
            house += rnd.nextBoolean() ? "а" : ", корп. 2";
        }
        StringBuilder sb = new StringBuilder(postcode).append(", ").append(REGION_NAME);
        if (!m.addressArea().isEmpty()) {
            sb.append(", ").append(m.addressArea());
        }
        return sb.append(", ").append(o.place.full()).append(", ").append(street).append(", ").append(house).toString();
    }

    static String withInnCheckDigit(String nineDigits) {
        int[] weights = {2, 4, 10, 3, 5, 9, 4, 6, 8};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += weights[i] * (nineDigits.charAt(i) - '0');
        }
        return nineDigits + (sum % 11) % 10;
    }

    static String withOgrnCheckDigit(String twelveDigits) {
        long value = Long.parseLong(twelveDigits);
        return twelveDigits + (value % 11) % 10;
    }

    // ---------------------------------------------------------------- raw inputs (the survey model)

    /**
     * Stable traits of one organization: latent quality (correlates all its scores), a trend per
     * cycle (most improve a little, some decline) and how its public uses stands, site and remote
     * channels.
     */
    record Traits(double quality, double trend, double standUse, double siteUse, double remoteUse,
                  double disabledShare, double responseRate, double[] questionBias) {
    }

    static Traits traits(Org o) {
        Random r = new Random(SEED ^ (31L * o.key().hashCode()));
        double q = r.nextGaussian();
        if (r.nextDouble() < 0.05) {
            q -= 1.2; // a few clearly weak organizations
        }
        double trend = 0.22 + 0.38 * r.nextGaussian();
        double responseRate = r.nextDouble() < 0.05 ? 0.22 + 0.16 * r.nextDouble() : 0.45 + 0.47 * r.nextDouble();
        double[] bias = new double[10];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = 0.25 * r.nextGaussian();
        }
        return new Traits(q, trend, 0.5 + 0.4 * r.nextDouble(), 0.55 + 0.4 * r.nextDouble(),
                0.12 + 0.55 * r.nextDouble(), 0.005 + 0.06 * r.nextDouble(), responseRate, bias);
    }

    /** Base satisfaction (logit) by type: kindergartens and clubs are rated higher than colleges. */
    static double typeBase(String type) {
        return switch (type) {
            case PRESCHOOL -> 2.6;
            case ADDITIONAL -> 2.7;
            case SCHOOL -> 2.2;
            default -> 1.9;
        };
    }

    static List<String> rawRow(Org o, Campaign c, int cycle) {
        Traits t = traits(o);
        Random r = new Random(SEED ^ (1_000_003L * (o.key() + "@" + c.year()).hashCode()));
        double q = StrictMath.max(-2.6, StrictMath.min(2.4, t.quality() + t.trend() * cycle + 0.2 * r.nextGaussian()));
        double years = c.year() - 2019;

        // expert checklist
        int standRequired = c.standItems() - (r.nextDouble() < 0.25 ? 1 : 0);
        int standPresent = standRequired - Math.min(standRequired, poisson(r, 0.9 * StrictMath.exp(-0.9 * q)));
        int siteRequired = c.siteItems() - r.nextInt(4);
        int sitePresent = siteRequired - Math.min(siteRequired, poisson(r, 2.2 * StrictMath.exp(-0.8 * q)));
        int remote = clamp((int) StrictMath.round(4.7 + 0.8 * q + 0.7 * r.nextGaussian()), 0, 6);
        int comfort = clamp((int) StrictMath.round(4.5 + 0.6 * q + 0.6 * r.nextGaussian()), 0, 5);
        int premises = clamp((int) StrictMath.round(1.6 + 0.22 * years + 0.8 * q + 0.9 * r.nextGaussian()), 0, 5);
        int service = clamp((int) StrictMath.round(2.5 + 0.18 * years + 0.8 * q + 0.9 * r.nextGaussian()), 0, 6);

        // survey
        int recipients = Math.max(12, (int) StrictMath.round(o.size * (1 + 0.04 * cycle + 0.08 * r.nextGaussian())));
        int respondents = respondents(recipients, t, r);
        double base = typeBase(o.type) + 0.8 * q;
        double[] b = t.questionBias();
        int usedStand = binomial(r, respondents, t.standUse());
        int satStand = binomial(r, usedStand, logistic(base - 0.1 + b[0]));
        int usedSite = binomial(r, respondents, t.siteUse());
        int satSite = binomial(r, usedSite, logistic(base + b[1]));
        int satComfort = binomial(r, respondents, logistic(base - 0.3 + b[2]));
        boolean noneDisabled = r.nextDouble() < (respondents < 40 ? 0.4 : 0.04);
        int disabled = noneDisabled ? 0 : binomial(r, respondents, t.disabledShare());
        int satAccess = binomial(r, disabled, logistic(base - 0.7 + b[3]));
        int firstContact = binomial(r, respondents, logistic(base + 0.5 + b[4]));
        int staff = binomial(r, respondents, logistic(base + 0.6 + b[5]));
        int usedRemote = r.nextDouble() < 0.05 ? 0 : binomial(r, respondents, t.remoteUse());
        int satRemote = binomial(r, usedRemote, logistic(base + 0.3 + b[6]));
        int recommend = binomial(r, respondents, logistic(base - 0.05 + b[7]));
        int schedule = binomial(r, respondents, logistic(base + 0.15 + b[8]));
        int overall = binomial(r, respondents, logistic(base + b[9]));

        List<String> row = new ArrayList<>(List.of(o.inn, o.kpp, o.name, o.type, o.muni.oktmo()));
        for (int v : new int[] {standPresent, standRequired, sitePresent, siteRequired, remote, comfort, premises,
                service, recipients, respondents, usedStand, satStand, usedSite, satSite, satComfort, disabled,
                satAccess, firstContact, staff, usedRemote, satRemote, recommend, schedule, overall}) {
            row.add(Integer.toString(v));
        }
        return row;
    }

    /**
     * At least 40 % of recipients (a few operators fall short), never more than 600. A sample that
     * would exceed 600 is exactly 600: the rule asks for 40 % or 600, so anything less would fall
     * short of it for every large organization.
     */
    static int respondents(int recipients, Traits t, Random r) {
        double rate = StrictMath.min(0.97, t.responseRate() + 0.03 * r.nextGaussian());
        int n = (int) StrictMath.round(recipients * rate);
        return clamp(StrictMath.min(n, MAX_RESPONDENTS), 1, recipients);
    }

    static boolean takesPart(Org o, Campaign c, Random skip) {
        if (!o.type.equals(c.type()) || c.year() < o.firstYear || c.year() > o.lastYear) {
            return false;
        }
        return o.isBranch() || skip.nextDouble() >= 0.025; // a few are left out of a cycle
    }

    // ---------------------------------------------------------------- writers

    static void writeRegion(Path out) throws IOException {
        List<List<String>> rows = List.of(List.of(REGION_CODE, REGION_OKATO, REGION_NAME, REGION_DISTRICT));
        writeCsv(out.resolve("region.csv"), "code,okato_code,name,federal_district", rows);
    }

    static void writeMunicipalities(Path out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Municipality m : MUNICIPALITIES) {
            rows.add(List.of(m.oktmo(), m.name(), m.kind()));
        }
        rows.sort(Comparator.comparing(row -> row.get(0)));
        writeCsv(out.resolve("municipalities.csv"), "oktmo,name,kind", rows);
    }

    static void writeOrganizations(Path out, List<Org> orgs) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Org o : orgs) {
            rows.add(List.of(o.inn, o.kpp, o.ogrn, o.regNum, o.name, o.shortName, o.type, o.muni.oktmo(),
                    o.address, o.website));
        }
        writeCsv(out.resolve("organizations.csv"),
                "inn,kpp,ogrn,bus_reg_num,name,short_name,type,oktmo,address,website", rows);
    }

    static void writeCampaigns(Path out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Campaign c : CAMPAIGNS) {
            rows.add(List.of(c.key(), Integer.toString(c.year()), c.type(), campaignTitle(c), "edu-2019",
                    "per_question", "exclude", c.operator(), c.started(), c.finished(), c.published(), c.council()));
        }
        writeCsv(out.resolve("campaigns.csv"), "key,year,types,title,methodology,variant,zero_rule,operator,"
                + "started_on,finished_on,published_on,council_protocol", rows);
    }

    static String campaignTitle(Campaign c) {
        String who = switch (c.type()) {
            case SCHOOL -> "общеобразовательными организациями";
            case PRESCHOOL -> "дошкольными образовательными организациями";
            case ADDITIONAL -> "организациями дополнительного образования";
            default -> "профессиональными образовательными организациями";
        };
        return "Независимая оценка качества условий осуществления образовательной деятельности " + who
                + " Демонстрационной области, " + c.year() + " год (демонстрационные данные)";
    }

    static void writeRawInputs(Path out, List<Org> orgs) throws IOException {
        Path dir = out.resolve("raw-inputs");
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, "*.csv")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
        for (Campaign c : CAMPAIGNS) {
            int cycle = cycleIndex(c);
            Random skip = new Random(SEED + c.year() * 7L + c.type().length());
            List<List<String>> rows = new ArrayList<>();
            for (Org o : orgs) {
                if (takesPart(o, c, skip)) {
                    rows.add(rawRow(o, c, cycle));
                }
            }
            writeCsv(dir.resolve(c.fileName()), RAW_HEADER, rows);
        }
    }

    /** 0 for the first campaign of a type, 1 for the next, ... */
    static int cycleIndex(Campaign c) {
        int index = 0;
        for (Campaign other : CAMPAIGNS) {
            if (other.type().equals(c.type()) && other.year() < c.year()) {
                index++;
            }
        }
        return index;
    }

    static void writeCsv(Path file, String header, List<List<String>> rows) throws IOException {
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(csvField(row.get(i)));
            }
            sb.append('\n');
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    /** RFC 4180: quote a field holding a comma, quote or line break; double inner quotes. */
    static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    // ---------------------------------------------------------------- small helpers

    static Org newOrg(String type, Municipality m, Place place) {
        Org o = new Org();
        o.type = type;
        o.muni = m;
        o.place = place;
        return o;
    }

    /** Legal form letter: Б (бюджетное), А (автономное) or К (казённое). */
    static String legalForm(Random rnd, double budget, double autonomous) {
        double r = rnd.nextDouble();
        return r < budget ? "Б" : r < budget + autonomous ? "А" : "К";
    }

    static String formWord(String form) {
        if (form.equals("Б")) {
            return "бюджетное";
        }
        return form.equals("А") ? "автономное" : "казённое";
    }

    static String formWordGenitive(String form) {
        if (form.equals("Б")) {
            return "бюджетного";
        }
        return form.equals("А") ? "автономного" : "казённого";
    }

    /** {@code count} distinct numbers from 1..max, ascending (gaps = schools closed long ago). */
    static List<Integer> pickNumbers(int count, int max, Random rnd) {
        List<Integer> all = new ArrayList<>();
        for (int i = 1; i <= max; i++) {
            all.add(i);
        }
        Collections.shuffle(all, rnd);
        List<Integer> picked = new ArrayList<>(all.subList(0, count));
        Collections.sort(picked);
        return picked;
    }

    static String fillPlace(String template, Place p) {
        return template.replace("{M}", p.adjMasc()).replace("{F}", p.adjFem());
    }

    static String stripGuillemets(String s) {
        return s.replace("«", "").replace("»", "");
    }

    static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String two(int n) {
        return String.format(Locale.ROOT, "%02d", n);
    }

    static int between(Random rnd, int min, int max) {
        return min + rnd.nextInt(max - min + 1);
    }

    static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }

    static double logistic(double x) {
        return 1 / (1 + StrictMath.exp(-x));
    }

    static int binomial(Random r, int n, double p) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (r.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }

    static int poisson(Random r, double lambda) {
        double limit = StrictMath.exp(-lambda);
        double product = r.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= r.nextDouble();
            k++;
        }
        return k;
    }

    /** Latin slug for website host names (simplified ГОСТ-like transliteration). */
    static String translit(String s) {
        String[] map = {"а", "a", "б", "b", "в", "v", "г", "g", "д", "d", "е", "e", "ё", "yo", "ж", "zh", "з", "z",
                "и", "i", "й", "y", "к", "k", "л", "l", "м", "m", "н", "n", "о", "o", "п", "p", "р", "r", "с", "s",
                "т", "t", "у", "u", "ф", "f", "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh", "щ", "sch", "ъ", "",
                "ы", "y", "ь", "", "э", "e", "ю", "yu", "я", "ya", " ", "-"};
        Map<String, String> table = new LinkedHashMap<>();
        for (int i = 0; i < map.length; i += 2) {
            table.put(map[i], map[i + 1]);
        }
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toLowerCase(Locale.ROOT).toCharArray()) {
            sb.append(table.getOrDefault(String.valueOf(ch), String.valueOf(ch)));
        }
        return sb.toString();
    }
}
