package ru.noko.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Headless Chromium (Debian's {@code chromium}) driven over the DevTools protocol with the JDK's
 * own WebSocket client: no browser download, no driver. One browser per test class; pages are
 * targets attached in flat mode, so one socket serves them all.
 */
public final class Chromium implements AutoCloseable {

    /** axe-core's script, read when a test first asks for it. */
    private static final class Axe {
        static final String SCRIPT = read();

        private static String read() {
            try (java.io.InputStream in = Chromium.class.getResourceAsStream("/axe/axe.min.js")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    private Chromium(Process process, Path profile, URI endpoint) {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(TIMEOUT)
                .buildAsync(endpoint, new Listener())
                .orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    /** The browser's executable: {@code NOKO_CHROMIUM}, else {@code chromium} (or a Chrome) on the PATH. */
    /**
     * The browser to drive. Without one the browser tests are skipped with a message, unless
     * {@code NOKO_REQUIRE_BROWSER=true} (CI installs Chromium and sets it) makes that a failure.
     */
    public static Path executable() {
        Path found = find();
        if (found != null) {
            return found;
        }
        String message = "Chromium is not installed, and the browser tests need a real browser. Install Debian's package: "
                + "apt-get update && apt-get install -y --no-install-recommends chromium (.ci/run does this), "
                + "or point NOKO_CHROMIUM at a Chromium or Chrome executable.";
        if (Boolean.parseBoolean(System.getenv("NOKO_REQUIRE_BROWSER"))) {
            fail(message);
        }
        System.err.println("SKIPPED browser tests: " + message);
        org.junit.jupiter.api.Assumptions.abort(message);
        throw new IllegalStateException();
    }

    private static Path find() {
        String configured = System.getenv("NOKO_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        List<String> names = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            for (String name : names) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    public static Chromium start(Path logFile) throws IOException {
        Path profile = Files.createTempDirectory("noko-chromium-");
        List<String> command = List.of(executable().toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
                "--mute-audio", "--hide-scrollbars", "--force-color-profile=srgb", "--font-render-hinting=none",
                // frames of other origins stay in the page's process, so the tests can read them directly
                "--disable-site-isolation-trials",
                "--disable-features=IsolateOrigins,site-per-process,OriginKeyedProcessesByDefault,Translate,MediaRouter",
                "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--window-size=1280,900", "about:blank");
        Files.createDirectories(logFile.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<URI> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 Writer log = Files.newBufferedWriter(logFile)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    log.write(line + "\n");
                    log.flush();
                    int at = line.indexOf("ws://");
                    if (line.startsWith("DevTools listening on") && at >= 0) {
                        endpoint.complete(URI.create(line.substring(at).trim()));
                    }
                }
            } catch (IOException e) {
                endpoint.completeExceptionally(e);
            }
            endpoint.completeExceptionally(new IllegalStateException("Chromium exited; see " + logFile));
        }, "chromium-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new Chromium(process, profile, endpoint.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not start; see " + logFile, e);
        }
    }

    /** A new tab of the given size, with page, runtime and log events on. */
    public Page newPage(int width, int height) {
        String targetId = call(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
        String session = call(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
                .get("sessionId").asText();
        Page page = new Page(session);
        page.call("Page.enable", Map.of());
        page.call("Runtime.enable", Map.of());
        page.call("Log.enable", Map.of());
        page.resize(width, height);
        return page;
    }

    public JsonNode call(String session, String method, Map<String, ?> params) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        synchronized (socket) {
            socket.sendText(message.toString(), true).join();
        }
        JsonNode response;
        try {
            response = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(method + " got no answer", e);
        } finally {
            pending.remove(id);
        }
        if (response.has("error")) {
            throw new IllegalStateException(method + " failed: " + response.get("error"));
        }
        return response.get("result");
    }

    @Override
    public void close() throws IOException {
        try {
            call(null, "Browser.close", Map.of());
        } catch (RuntimeException ignored) {
            // it may already be gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** One tab: navigation, script evaluation (in the page or in one of its frames), screenshots. */
    public final class Page {

        private final String session;
        private int width;
        private int height;

        private Page(String session) {
            this.session = session;
        }

        public JsonNode call(String method, Map<String, ?> params) {
            return Chromium.this.call(session, method, params);
        }

        public void resize(int width, int height) {
            this.width = width;
            this.height = height;
            call("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        }

        public void navigate(String url) {
            int before = events("Page.loadEventFired").size();
            JsonNode result = call("Page.navigate", Map.of("url", url));
            if (result.hasNonNull("errorText")) {
                fail("Could not load " + url + ": " + result.get("errorText").asText());
            }
            waitFor(() -> events("Page.loadEventFired").size() > before, "load of " + url);
        }

        /** Evaluates a script in the page and returns its (JSON) value. */
        public JsonNode evaluate(String expression) {
            return value(call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                    "awaitPromise", true)), expression);
        }

        /**
         * What axe-core (vendored in src/test/resources/axe) finds against WCAG 2.1 A/AA and its best
         * practices on the page as it is now: one line a violation, with up to three of its elements.
         */
        public List<String> accessibilityViolations() {
            if (evaluate("typeof axe").asText().equals("undefined")) {
                evaluate(Axe.SCRIPT + "\n;true");
            }
            JsonNode violations = evaluate("""
                    axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
                      .then(r => r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3)
                        .map(n => n.target.join(' ') + ' ' + n.failureSummary).join(' | ')))""");
            List<String> lines = new ArrayList<>();
            violations.forEach(v -> lines.add(v.asText()));
            return lines;
        }

        /** Evaluates a script inside the frame whose URL contains {@code urlPart} (an isolated world of it). */
        public JsonNode evaluateInFrame(String urlPart, String expression) {
            String frameId = frameId(urlPart);
            int context = call("Page.createIsolatedWorld", Map.of("frameId", frameId, "worldName", "noko-test"))
                    .get("executionContextId").asInt();
            return value(call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                    "awaitPromise", true, "contextId", context)), expression);
        }

        /** Evaluates a script inside the document of the iframe element the CSS selector finds in the page. */
        public JsonNode evaluateInIframe(String selector, String expression) {
            int root = call("DOM.getDocument", Map.of("depth", 0)).get("root").get("nodeId").asInt();
            int node = call("DOM.querySelector", Map.of("nodeId", root, "selector", selector)).get("nodeId").asInt();
            if (node == 0) {
                fail("No element " + selector);
            }
            JsonNode described = call("DOM.describeNode", Map.of("nodeId", node)).get("node");
            if (!described.hasNonNull("frameId")) {
                fail(selector + " is not a frame: " + described);
            }
            int context = call("Page.createIsolatedWorld", Map.of("frameId", described.get("frameId").asText(),
                    "worldName", "noko-test")).get("executionContextId").asInt();
            return value(call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                    "awaitPromise", true, "contextId", context)), expression);
        }

        /** URLs of every frame of the page, the page's own first. */
        public List<String> frameUrls() {
            List<String[]> frames = new ArrayList<>();
            frames(call("Page.getFrameTree", Map.of()).get("frameTree"), frames);
            return frames.stream().map(f -> f[1]).toList();
        }

        /** The frame whose URL is {@code url}, else the first whose URL contains it. */
        private String frameId(String url) {
            List<String[]> frames = new ArrayList<>();
            frames(call("Page.getFrameTree", Map.of()).get("frameTree"), frames);
            return frames.stream().filter(f -> f[1].equals(url)).findFirst()
                    .or(() -> frames.stream().filter(f -> f[1].contains(url)).findFirst())
                    .map(f -> f[0])
                    .orElseGet(() -> fail("No frame " + url + " among " + frameUrls()));
        }

        private void frames(JsonNode tree, List<String[]> out) {
            out.add(new String[]{tree.get("frame").get("id").asText(), tree.get("frame").get("url").asText()});
            if (tree.has("childFrames")) {
                tree.get("childFrames").forEach(child -> frames(child, out));
            }
        }

        /**
         * A PNG of the whole page. The viewport is stretched to the page's height first, because
         * browsers do not render cross-origin frames outside the viewport, then restored.
         */
        public void screenshot(Path file) throws IOException {
            int viewportWidth = width;
            int viewportHeight = height;
            int contentHeight = -1;
            for (int i = 0; i < 20; i++) {
                int current = (int) Math.ceil(call("Page.getLayoutMetrics", Map.of()).get("cssContentSize").get("height").asDouble());
                if (current == contentHeight) {
                    break;
                }
                contentHeight = current;
                resize(viewportWidth, Math.max(viewportHeight, contentHeight));
                sleep(300);
            }
            String data = call("Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
            resize(viewportWidth, viewportHeight);
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode(data));
        }

        /** Events of this tab with the given method, oldest first. */
        public List<JsonNode> events(String method) {
            return events.stream()
                    .filter(e -> method.equals(e.path("method").asText()) && session.equals(e.path("sessionId").asText()))
                    .map(e -> e.get("params"))
                    .toList();
        }

        /** Console errors, uncaught exceptions and CSP reports of this tab, as text. */
        public List<String> problems() {
            List<String> out = new ArrayList<>();
            events("Log.entryAdded").stream().map(e -> e.get("entry"))
                    .filter(e -> e.path("level").asText().equals("error")
                            || e.path("text").asText().contains("Content Security Policy"))
                    // top-level documents ask for /favicon.ico, which the service does not have
                    .filter(e -> !e.path("url").asText().endsWith("/favicon.ico"))
                    .forEach(e -> out.add(e.path("source").asText() + ": " + e.path("text").asText() + " " + e.path("url").asText()));
            events("Runtime.exceptionThrown").forEach(e -> out.add("exception: " + e.get("exceptionDetails")));
            events("Runtime.consoleAPICalled").stream().filter(e -> e.path("type").asText().equals("error"))
                    .forEach(e -> out.add("console.error: " + e.get("args")));
            return out;
        }

        public void waitFor(java.util.function.BooleanSupplier condition, String what) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    fail("Timed out waiting for " + what);
                }
                sleep(50);
            }
        }

        /** Waits until the script's value satisfies the predicate and returns that value. */
        public JsonNode waitForValue(String expression, Predicate<JsonNode> accept, String what) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            JsonNode value = evaluate(expression);
            while (!accept.test(value)) {
                if (System.nanoTime() > deadline) {
                    fail("Timed out waiting for " + what + "; last value " + value);
                }
                sleep(100);
                value = evaluate(expression);
            }
            return value;
        }

        private JsonNode value(JsonNode result, String expression) {
            if (result.has("exceptionDetails")) {
                fail("Script failed: " + expression + "\n" + result.get("exceptionDetails"));
            }
            return result.get("result").path("value");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = JSON.readTree(text);
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> answer = pending.get(message.get("id").asInt());
                        if (answer != null) {
                            answer.complete(message);
                        }
                    } else {
                        events.add(message);
                        if ("Page.javascriptDialogOpening".equals(message.path("method").asText())) {
                            // answer from another thread: this one delivers the reply
                            String session = message.path("sessionId").asText();
                            CompletableFuture.runAsync(() -> call(session, "Page.handleJavaScriptDialog", Map.of("accept", true)));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
