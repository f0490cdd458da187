import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a national-scale raw-inputs file (METHODOLOGY.md §8 canonical headers, UTF-8, comma
 * separated): one row per organization with valid ИНН check digits, consistent counts
 * (present ≤ required, satisfied ≤ used ≤ respondents ≤ recipients) and realistic names.
 *
 * <pre>java bench/GenerateNationalFile.java OUT.csv [ROWS=45000] [INN_PREFIX=77] [OKATO=45] [SEED=1]</pre>
 */
public class GenerateNationalFile {

    private static final int[] WEIGHTS = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final String[] TYPES = {"school", "preschool", "additional", "vocational"};
    private static final String[] KINDS = {
            "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № %d»",
            "Муниципальное автономное дошкольное образовательное учреждение «Детский сад № %d»",
            "Муниципальное бюджетное учреждение дополнительного образования «Дом детского творчества № %d»",
            "Государственное бюджетное профессиональное образовательное учреждение «Колледж № %d»"};

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 45_000;
        String innPrefix = args.length > 2 ? args[2] : "77";
        String okato = args.length > 3 ? args[3] : "45";
        SplittableRandom random = new SplittableRandom(args.length > 4 ? Long.parseLong(args[4]) : 1);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("inn,kpp,name,type,oktmo,stand_items_present,stand_items_required,site_items_present,"
                    + "site_items_required,remote_channels,comfort_conditions,disability_premises_conditions,"
                    + "disability_service_conditions,recipients,respondents,used_stand,satisfied_stand,used_site,"
                    + "satisfied_site,satisfied_comfort,respondents_disabled,satisfied_accessibility,"
                    + "satisfied_first_contact,satisfied_service_staff,used_remote,satisfied_remote,would_recommend,"
                    + "satisfied_schedule,satisfied_overall\n");
            for (int i = 1; i <= rows; i++) {
                String firstNine = innPrefix + String.format("%07d", i);
                int kind = i % TYPES.length;
                int standRequired = 15 + random.nextInt(10);
                int siteRequired = 40 + random.nextInt(10);
                int recipients = 100 + random.nextInt(1500);
                int respondents = Math.min(600, (int) (recipients * (0.35 + random.nextDouble() * 0.5)));
                int usedStand = part(random, respondents);
                int usedSite = part(random, respondents);
                int disabled = random.nextInt(Math.max(1, respondents / 20));
                int usedRemote = part(random, respondents);
                StringBuilder row = new StringBuilder(300);
                row.append(firstNine).append(checkDigit(firstNine)).append(',')
                        .append(innPrefix).append("0101001,\"")
                        .append(String.format(KINDS[kind], i)).append(" г. Тестовск, район ").append(i % 97 + 1).append("\",")
                        .append(TYPES[kind]).append(',')
                        .append(okato).append(String.format("%03d", i % 250)).append("000,")
                        .append(part(random, standRequired)).append(',').append(standRequired).append(',')
                        .append(part(random, siteRequired)).append(',').append(siteRequired).append(',')
                        .append(random.nextInt(7)).append(',').append(random.nextInt(6)).append(',')
                        .append(random.nextInt(6)).append(',').append(random.nextInt(7)).append(',')
                        .append(recipients).append(',').append(respondents).append(',')
                        .append(usedStand).append(',').append(part(random, usedStand)).append(',')
                        .append(usedSite).append(',').append(part(random, usedSite)).append(',')
                        .append(part(random, respondents)).append(',')
                        .append(disabled).append(',').append(part(random, disabled)).append(',')
                        .append(part(random, respondents)).append(',').append(part(random, respondents)).append(',')
                        .append(usedRemote).append(',').append(part(random, usedRemote)).append(',')
                        .append(part(random, respondents)).append(',').append(part(random, respondents)).append(',')
                        .append(part(random, respondents)).append('\n');
                w.write(row.toString());
            }
        }
    }

    /** Mostly high shares, as real surveys have. */
    private static int part(SplittableRandom random, int of) {
        return of == 0 ? 0 : (int) Math.round(of * (0.7 + 0.3 * random.nextDouble()));
    }

    private static int checkDigit(String firstNine) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += WEIGHTS[i] * (firstNine.charAt(i) - '0');
        }
        return sum % 11 % 10;
    }
}
