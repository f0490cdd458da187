import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publishes a correction of every organization of a campaign while client threads read its public
 * routes (ratings JSON, a big page; ratings CSV, every row of a type; an organization's history),
 * then prints the requests, errors (non-2xx/304, socket), mixed answers (rows of both revisions, or
 * a revision that does not match its rows) and the publish time under load against the same
 * correction published idle. The correction marks every name with " (исправлено)" (bench/publish-load.sh).
 *
 * <pre>java bench/PublishLoad.java BASE_URL TOKEN FIRST.csv CORRECTED.csv ROWS [THREADS=8] [REGION=77]</pre>
 */
public class PublishLoad {

    private static final String MARK = " (исправлено)";
    private static final Pattern ID = Pattern.compile("^\\{\"id\":([0-9]+)");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([a-z_]+)\"");
    private static final Pattern REVISION = Pattern.compile("\"revision\":([0-9]+)");
    private static final Pattern TOTAL = Pattern.compile("\"total\":([0-9]+)");
    private static final Pattern ORGANIZATION = Pattern.compile("\"organization_id\":([0-9]+)");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static String base;
    private static String token;

    public static void main(String[] args) throws Exception {
        base = args[0];
        token = args[1];
        byte[] first = Files.readAllBytes(Path.of(args[2]));
        byte[] corrected = Files.readAllBytes(Path.of(args[3]));
        int rows = Integer.parseInt(args[4]);
        int threads = args.length > 5 ? Integer.parseInt(args[5]) : 8;
        String region = args.length > 6 ? args[6] : "77";

        System.out.println("== idle: a correction of " + rows + " organizations, nobody reading");
        long idleCampaign = campaign(region, 2031, first);
        upload(idleCampaign, corrected);
        double idle = publish(idleCampaign);
        System.out.printf("   publish %.3f s%n", idle);

        System.out.println("== under load: the same correction of another year's campaign, " + threads + " readers");
        long loaded = campaign(region, 2032, first);
        upload(loaded, corrected);
        int perType = rows / 4; // the generator's four types in turn
        String ratings = "/api/v1/ratings?region=" + region + "&year=2032&type=school";
        Matcher org = ORGANIZATION.matcher(get(ratings + "&per_page=1").body());
        org.find();
        String history = "/api/v1/organizations/" + org.group(1) + "/results";
        String oldHistory = get(history).body();
        List<String> urls = List.of(ratings + "&per_page=500", ratings + "&per_page=500&page=2",
                ratings + "&format=csv", history);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong mixed = new AtomicLong();
        Map<String, AtomicLong> seen = new ConcurrentHashMap<>();
        List<String> histories = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int offset = t;
            pool.submit(() -> {
                for (int i = offset; running.get(); i++) {
                    String url = urls.get(i % urls.size());
                    try {
                        HttpResponse<String> response = get(url);
                        requests.incrementAndGet();
                        if (response.statusCode() / 100 != 2 && response.statusCode() != 304) {
                            errors.incrementAndGet();
                        } else if (url.equals(history)) {
                            histories.add(response.body());
                        } else {
                            String revision = revision(url, response.body(), perType);
                            if (revision == null) {
                                mixed.incrementAndGet();
                            } else {
                                seen.computeIfAbsent(revision, r -> new AtomicLong()).incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        requests.incrementAndGet();
                        errors.incrementAndGet();
                    }
                }
            });
        }
        Thread.sleep(2000);
        long before = requests.get();
        double underLoad = publish(loaded);
        long during = requests.get() - before;
        Thread.sleep(2000);
        running.set(false);
        pool.shutdown();
        if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
        String newHistory = get(history).body();
        for (String body : histories) {
            if (body.equals(oldHistory)) {
                seen.computeIfAbsent("old", r -> new AtomicLong()).incrementAndGet();
            } else if (body.equals(newHistory)) {
                seen.computeIfAbsent("new", r -> new AtomicLong()).incrementAndGet();
            } else {
                mixed.incrementAndGet();
            }
        }
        System.out.printf("   publish %.3f s (%d requests answered while it ran)%n", underLoad, during);
        System.out.println();
        System.out.println("== summary");
        System.out.printf("   requests %d, errors %d, mixed answers %d, old %d, new %d%n", requests.get(), errors.get(),
                mixed.get(), seen.getOrDefault("old", new AtomicLong()).get(), seen.getOrDefault("new", new AtomicLong()).get());
        System.out.printf("   publish idle %.3f s, under load %.3f s (%.2f ×)%n", idle, underLoad, underLoad / idle);
        if (errors.get() > 0 || mixed.get() > 0) {
            System.exit(1);
        }
    }

    /** "old" or "new" when the answer is wholly one revision; null when it mixes them. */
    private static String revision(String url, String body, int perType) {
        int marked = count(body, MARK);
        int rows;
        String claimed = null;
        if (url.contains("format=csv")) {
            rows = (int) body.lines().count() - 1;
            if (rows != perType) {
                return null;
            }
        } else {
            rows = count(body, "\"organization_id\":");
            Matcher revision = REVISION.matcher(body);
            Matcher total = TOTAL.matcher(body.substring(body.lastIndexOf("\"meta\"")));
            if (!revision.find() || !total.find() || Integer.parseInt(total.group(1)) != perType) {
                return null;
            }
            claimed = revision.group(1).equals("1") ? "old" : "new";
        }
        String wholly = marked == 0 ? "old" : marked == rows ? "new" : null;
        return claimed == null || claimed.equals(wholly) ? wholly : null;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }

    private static long campaign(String region, int year, byte[] file) throws Exception {
        String created = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/campaigns"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"region_code\":\"" + region + "\",\"year\":" + year
                        + ",\"title\":\"Нагрузка при публикации " + year + "\"}")), 201);
        Matcher id = ID.matcher(created);
        id.find();
        long campaign = Long.parseLong(id.group(1));
        upload(campaign, file);
        publish(campaign);
        return campaign;
    }

    private static void upload(long campaign, byte[] file) throws Exception {
        String job = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/campaigns/" + campaign + "/uploads?level=raw_inputs"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(file)), 0);
        Matcher id = ID.matcher(job);
        id.find();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            Matcher status = STATUS.matcher(send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/jobs/" + id.group(1))).GET(), 200));
            status.find();
            if (status.group(1).equals("succeeded")) {
                return;
            }
            if (status.group(1).matches("failed|cancelled")) {
                throw new IllegalStateException("upload " + status.group(1));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("upload did not finish in time");
    }

    private static double publish(long campaign) throws Exception {
        long t0 = System.nanoTime();
        send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/campaigns/" + campaign + "/publish"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")), 200);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (expected != 0 ? response.statusCode() != expected : response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
