package ru.noko.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import ru.noko.support.Admin;
import ru.noko.support.Api;
import ru.noko.support.Csv;
import ru.noko.support.Json;
import ru.noko.support.NationalFile;
import ru.noko.support.TestDatabase;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Public reads while a correction of a 5 000-organization campaign is published: client threads
 * read the ratings (JSON, a big page; CSV, every row) and an organization's history over and over,
 * from before the publish until after it. Every answer is 2xx (or 304), and wholly the old
 * revision or wholly the new one: the correction renames every organization and lowers every
 * total, so a row of one revision beside a row of the other would show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishUnderLoadTest {

    private static final String MARK = " (исправлено)";
    private static final int ORGANIZATIONS = 5_000;
    private static final int READERS = 4;

    @TempDir
    Path dir;

    private EmbeddedServer node;
    private HttpClient client;
    private Admin admin;

    @BeforeAll
    void start() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.isolatedProperties("publish_load"));
        properties.put("micronaut.server.port", "-1");
        properties.put("noko.bootstrap-admin-token", Admin.BOOTSTRAP_TOKEN);
        properties.put("noko.demo-data", "false");
        node = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        client = HttpClient.create(node.getURL());
        admin = new Admin(new Api(client), Admin.BOOTSTRAP_TOKEN);
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void readsDuringACorrectionAreWhollyOldOrWhollyNew() throws Exception {
        Path first = NationalFile.write(dir.resolve("first.csv"), ORGANIZATIONS, "43", "33");
        Path corrected = correct(first, dir.resolve("corrected.csv"));
        long id = admin.createCampaign("43", 2065, "НОКО Кировской области (тест чтения под публикацией)");
        assertEquals("succeeded", admin.uploadAndWait(id, Files.readAllBytes(first), "text/csv", "level=raw_inputs")
                .get("status").asText());
        assertEquals(200, admin.publish(id).code());
        assertEquals("succeeded", admin.uploadAndWait(id, Files.readAllBytes(corrected), "text/csv", "level=raw_inputs")
                .get("status").asText());

        String ratings = "/api/v1/ratings?region=43&year=2065&type=school";
        JsonNode page = Json.parse(get(ratings + "&per_page=500").body());
        long organization = page.get("data").get(0).get("organization_id").asLong();
        String history = "/api/v1/organizations/" + organization + "/results";
        String oldHistory = get(history).body();

        Reads reads = new Reads(node.getURI(), List.of(ratings + "&per_page=500", ratings + "&per_page=500&page=3",
                ratings + "&format=csv", history));
        reads.start(READERS, Duration.ofSeconds(60));
        try {
            reads.awaitAnswers(READERS * 5, Duration.ofSeconds(30)); // reading before the publish
            HttpResponse<String> published = admin.publish(id);
            assertEquals(200, published.code(), published.body());
            int atPublish = reads.answers.get();
            reads.awaitAnswers(atPublish + READERS * 5, Duration.ofSeconds(30)); // and after it
        } finally {
            reads.stop(Duration.ofSeconds(30));
        }
        String newHistory = get(history).body();
        assertNotEquals(oldHistory, newHistory, "the correction changes the organization's history");

        assertEquals(List.of(), reads.problems, "errors or mixed answers");
        // the history: the old answer, or the new one, never anything else
        for (String body : reads.bodies(history)) {
            assertTrue(body.equals(oldHistory) || body.equals(newHistory), "a history answer neither old nor new: " + body);
            reads.revisions.computeIfAbsent(history, u -> new ConcurrentHashMap<>())
                    .merge(body.equals(oldHistory) ? "old" : "new", 1, Integer::sum);
        }
        for (String url : reads.urls) {
            Map<String, Integer> seen = reads.revisions.getOrDefault(url, Map.of());
            assertTrue(seen.getOrDefault("old", 0) > 0 && seen.getOrDefault("new", 0) > 0,
                    url + " was read both before and after the correction: " + seen);
        }
    }

    /** The correction: every organization renamed (a mark at the end) and its overall satisfaction 0. */
    private static Path correct(Path source, Path target) throws Exception {
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String renamed = line.replaceFirst("\",", MARK + "\",");
            out.add(renamed.substring(0, renamed.lastIndexOf(',') + 1) + "0");
        }
        Files.write(target, out, StandardCharsets.UTF_8);
        return target;
    }

    private HttpResponse<String> get(String path) {
        return new Api(client).get(path);
    }

    /** Client threads reading the URLs in turn until stopped; what each answer was. */
    private static final class Reads {
        private final URI base;
        private final List<String> urls;
        private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger answers = new AtomicInteger();
        private final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Map<String, Map<String, Integer>> revisions = new ConcurrentHashMap<>();
        private final Map<String, List<String>> bodies = new ConcurrentHashMap<>();
        private ExecutorService pool;
        private final List<Future<?>> readers = new ArrayList<>();

        Reads(URI base, List<String> urls) {
            this.base = base;
            this.urls = urls;
        }

        void start(int threads, Duration limit) {
            pool = Executors.newFixedThreadPool(threads);
            Instant deadline = Instant.now().plus(limit);
            for (int t = 0; t < threads; t++) {
                int offset = t;
                readers.add(pool.submit(() -> {
                    for (int i = offset; running.get() && Instant.now().isBefore(deadline); i++) {
                        read(urls.get(i % urls.size()));
                    }
                }));
            }
        }

        void awaitAnswers(int count, Duration limit) throws InterruptedException {
            Instant deadline = Instant.now().plus(limit);
            while (answers.get() < count) {
                assertTrue(Instant.now().isBefore(deadline), "readers answered " + answers.get() + " of " + count + " in time");
                Thread.sleep(10);
            }
        }

        void stop(Duration limit) throws Exception {
            running.set(false);
            pool.shutdown();
            assertTrue(pool.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS), "readers did not stop in time");
            for (Future<?> reader : readers) {
                reader.get();
            }
        }

        List<String> bodies(String url) {
            return bodies.getOrDefault(url, List.of());
        }

        private void read(String url) {
            try {
                java.net.http.HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(url))
                        .timeout(Duration.ofSeconds(30)).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                answers.incrementAndGet();
                if (response.statusCode() / 100 != 2 && response.statusCode() != 304) {
                    problems.add(response.statusCode() + " from " + url + ": " + response.body());
                    return;
                }
                if (url.contains("/organizations/")) {
                    bodies.computeIfAbsent(url, u -> java.util.Collections.synchronizedList(new ArrayList<>())).add(response.body());
                    return; // compared with the old and the new answer at the end
                }
                String revision = revision(url, response.body());
                if (revision == null) {
                    problems.add("mixed answer from " + url + ": " + response.body().substring(0, Math.min(300, response.body().length())));
                    return;
                }
                revisions.computeIfAbsent(url, u -> new ConcurrentHashMap<>()).merge(revision, 1, Integer::sum);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                problems.add(e + " from " + url);
            }
        }

        /** "old" or "new" when the whole answer is of one revision; null when it mixes them. */
        private static String revision(String url, String body) {
            List<String> names = new ArrayList<>();
            String claimed = null;
            if (url.contains("format=csv")) {
                Csv.Table table = Csv.parse(body);
                table.rows().forEach(row -> names.add(row.get("name")));
                if (names.size() != ORGANIZATIONS / 4) {
                    return null;
                }
            } else {
                JsonNode answer = Json.parse(body);
                answer.get("data").forEach(row -> names.add(row.get("name").asText()));
                claimed = answer.get("campaign").get("revision").asInt() == 1 ? "old" : "new";
                int onPage = Math.min(500, ORGANIZATIONS / 4 - (answer.get("meta").get("page").asInt() - 1) * 500);
                if (answer.get("meta").get("total").asInt() != ORGANIZATIONS / 4 || names.size() != onPage) {
                    return null;
                }
            }
            long marked = names.stream().filter(name -> name.endsWith(MARK)).count();
            String rows = marked == 0 ? "old" : marked == names.size() ? "new" : null;
            return claimed == null || claimed.equals(rows) ? rows : null;
        }
    }
}
