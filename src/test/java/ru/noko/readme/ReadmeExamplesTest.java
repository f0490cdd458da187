package ru.noko.readme;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.TestDatabase;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every {@code curl} example of README.md (English and Russian sections) runs, in the order the
 * README gives them, against a fresh service with the demonstration data, as a reader would paste
 * them: the real curl through bash (quotes, pipes and {@code -o} files as written), with
 * {@code localhost:8080} pointing at the test server and the bootstrap admin token set. A command
 * must answer 2xx, or the status its comment names ({@code # 304}). Variables the README assigns
 * ({@code OP=…}, {@code etag=$(…)}) are kept for the later commands; ids the README shows as an
 * answer ({@code # → {"id": 12, …}}) are read from the real answer and replace the README's
 * number in the commands that follow, as the reader would. A block preceded by
 * {@code <!-- readme-test: skip reason -->} is not run.
 * <p>
 * Why the real curl rather than translating the commands into Java HTTP calls: a translation
 * would be a second shell parser that tests itself; the point is that the text a reader copies
 * works. curl is on every CI machine; where it (or bash) is missing the test is skipped.
 */
@MicronautTest(transactional = false)
class ReadmeExamplesTest extends AdminApiTestBase {

    private static final Path README = Path.of("README.md");
    private static final Pattern FENCE = Pattern.compile("(?ms)(<!-- readme-test: skip ([^>]*)-->\\s*)?^```bash\\n(.*?)^```");
    private static final Pattern ASSIGNMENT = Pattern.compile("(?s)^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$");
    private static final Pattern EXPECTED_STATUS = Pattern.compile("^#\\s*([1-5]\\d\\d)\\b");
    private static final Pattern SHOWN_ANSWER = Pattern.compile("→\\s*(\\{.*})");
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();
    private static final Pattern PATH_NUMBER = Pattern.compile("/(\\d+)(?=[/?'\"\\s]|$)");
    private static final long DEADLINE_SECONDS = 60;

    @Inject
    EmbeddedServer server;

    @TempDir
    Path work;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.isolatedProperties("readme_examples"));
        properties.put("noko.bootstrap-admin-token", ru.noko.support.Admin.BOOTSTRAP_TOKEN);
        return properties;
    }

    /** One command of a code block: its text (continuation lines joined) and its trailing comments. */
    record Command(String text, List<String> comments) {
    }

    @Test
    void everyCurlExampleOfTheReadmeRunsAsWritten() throws Exception {
        assumeTrue(onPath("curl") && onPath("bash"), "curl and bash run the README's examples");
        writeUploadFiles();
        String readme = Files.readString(README);
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("NOKO_BOOTSTRAP_ADMIN_TOKEN", ru.noko.support.Admin.BOOTSTRAP_TOKEN);
        variables.put("TOKEN", ru.noko.support.Admin.BOOTSTRAP_TOKEN);
        Map<String, String> shownToReal = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        int ran = 0;
        Matcher block = FENCE.matcher(readme);
        while (block.find()) {
            if (block.group(1) != null) {
                continue;
            }
            Command previous = null;
            String previousOutput = null;
            for (Command command : commands(block.group(3))) {
                if (command.text().isEmpty()) {
                    if (previous != null) {
                        learnIds(previous.comments(), command.comments(), previousOutput, shownToReal);
                    }
                    continue;
                }
                String text = substitute(command.text(), shownToReal);
                Matcher assignment = ASSIGNMENT.matcher(text);
                if (assignment.matches() && !text.contains(";")) {
                    variables.put(assignment.group(1), run("printf %s " + assignment.group(2), variables).output());
                    continue;
                }
                if (!text.startsWith("curl ")) {
                    continue;
                }
                Result result = run(text, variables);
                ran++;
                int expected = expectedStatus(command.comments());
                boolean ok = expected == 0 ? result.status() / 100 == 2 : result.status() == expected;
                if (!ok) {
                    failures.add((expected == 0 ? "2xx" : expected) + " expected, got " + result.status() + ": " + text
                            + "\n    " + result.output().lines().limit(3).reduce("", (a, b) -> a + b + " "));
                }
                learnIds(command.comments(), List.of(), result.output(), shownToReal);
                previous = command;
                previousOutput = result.output();
            }
        }
        assertTrue(ran >= 40, "the README's curl examples were found: " + ran);
        assertEquals(List.of(), failures, String.join("\n", failures));
    }

    /** The commands of a bash block: an unquoted newline ends one unless escaped by a backslash. */
    static List<Command> commands(String block) {
        List<Command> commands = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<String> comments = new ArrayList<>();
        char quote = 0;
        for (int i = 0; i < block.length(); i++) {
            char c = block.charAt(i);
            if (quote != 0) {
                text.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                text.append(c);
            } else if (c == '\\' && i + 1 < block.length() && block.charAt(i + 1) == '\n') {
                i++;
            } else if (c == '#' && (text.isEmpty() || Character.isWhitespace(text.charAt(text.length() - 1)))) {
                int end = block.indexOf('\n', i);
                comments.add(block.substring(i, end < 0 ? block.length() : end).trim());
                i = (end < 0 ? block.length() : end) - 1;
            } else if (c == '\n') {
                if (!text.toString().isBlank() || !comments.isEmpty()) {
                    commands.add(new Command(text.toString().trim(), List.copyOf(comments)));
                }
                text.setLength(0);
                comments.clear();
            } else {
                text.append(c);
            }
        }
        if (!text.toString().isBlank() || !comments.isEmpty()) {
            commands.add(new Command(text.toString().trim(), List.copyOf(comments)));
        }
        return commands;
    }

    private static int expectedStatus(List<String> comments) {
        for (String comment : comments) {
            Matcher status = EXPECTED_STATUS.matcher(comment);
            if (status.find()) {
                return Integer.parseInt(status.group(1));
            }
        }
        return 0;
    }

    /**
     * An answer the README shows ({@code → {"id": 12, …}}) next to the real one: each number and
     * each elided string ({@code "noko_3_…"}) of the shown answer maps to the value at the same place
     * of the real answer.
     */
    private static void learnIds(List<String> comments, List<String> more, String output, Map<String, String> shownToReal)
            throws IOException {
        List<String> all = new ArrayList<>(comments);
        all.addAll(more);
        for (String comment : all) {
            Matcher shown = SHOWN_ANSWER.matcher(comment);
            if (shown.find()) {
                JsonNode readme = LENIENT.readTree(shown.group(1).replaceAll(",?\\s*…", ""));
                JsonNode real = LENIENT.readTree(output);
                collect(readme, real, shownToReal);
            }
        }
    }

    private static void collect(JsonNode shown, JsonNode real, Map<String, String> shownToReal) {
        if (real == null || real.isMissingNode()) {
            return;
        }
        if (shown.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = shown.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(field.getValue(), real.path(field.getKey()), shownToReal);
            }
        } else if (shown.isIntegralNumber()) {
            shownToReal.put(shown.asText(), real.asText());
        } else if (shown.isTextual() && shown.asText().endsWith("_")) {
            // "noko_3_…" with the ellipsis removed: the reader pastes the whole secret there
            shownToReal.put(shown.asText() + "…", real.asText());
        }
    }

    /** The test server for localhost:8080, and the real ids for those the README showed. */
    private String substitute(String command, Map<String, String> shownToReal) {
        String text = command.replace("localhost:8080", "127.0.0.1:" + server.getPort());
        for (Map.Entry<String, String> id : shownToReal.entrySet()) {
            if (id.getKey().endsWith("…")) {
                text = text.replace(id.getKey(), id.getValue());
            }
        }
        // one pass, so that a real id equal to another shown one is not replaced twice
        return PATH_NUMBER.matcher(text).replaceAll(number -> "/" + Matcher.quoteReplacement(
                shownToReal.getOrDefault(number.group(1), number.group(1))));
    }

    record Result(int status, String output) {
    }

    /** Runs a command in bash with curl wrapped to dump the answer's headers, so its status is known. */
    private Result run(String command, Map<String, String> variables) throws Exception {
        Path headers = work.resolve("headers.txt");
        Path stdout = work.resolve("stdout.txt");
        Files.deleteIfExists(headers);
        ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                "curl() { command curl --max-time 30 -D \"$README_HEADERS\" \"$@\"; }\n" + command)
                .directory(work.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(variables);
        builder.environment().put("README_HEADERS", headers.toString());
        Process process = builder.start();
        if (!process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("no answer within " + DEADLINE_SECONDS + " s: " + command);
        }
        int status = 0;
        if (Files.exists(headers)) {
            for (String line : Files.readAllLines(headers, StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("HTTP/")) {
                    status = Integer.parseInt(line.split(" ")[1]);
                }
            }
        }
        return new Result(status, new String(Files.readAllBytes(stdout), StandardCharsets.UTF_8));
    }

    /** The files the operators' examples upload: a results table of Пермский край as Excel saves it, and a corrected one. */
    private void writeUploadFiles() throws IOException {
        Charset cp1251 = Charset.forName("windows-1251");
        Path source = Path.of("src", "test", "resources", "uploads", "results-cp1251-semicolon.csv");
        String table = Files.readString(source, cp1251);
        Files.writeString(work.resolve("итоги.csv"), table, cp1251);
        Files.writeString(work.resolve("итоги-исправленные.csv"), table.replaceFirst("82,4", "84,4"), cp1251);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
