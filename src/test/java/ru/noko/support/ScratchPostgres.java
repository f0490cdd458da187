package ru.noko.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own, made from the machine's binaries in a temporary folder, that
 * the test may stop, start, freeze (SIGSTOP) and thaw, and give a streaming replica. Trust authentication on 127.0.0.1 only. As
 * root (PostgreSQL refuses to run as root) the server runs as the {@code postgres} user. Every
 * command has a deadline.
 */
public final class ScratchPostgres implements AutoCloseable {

    /** The binaries: -Dnoko.test.postgres-bin, else the newest /usr/lib/postgresql/N/bin (Debian's layout). */
    public static final Path BIN = binaries();
    private static final Duration COMMAND_DEADLINE = Duration.ofSeconds(60);

    private final Path folder;
    private final Path data;
    private final int port;
    private final boolean root;
    private final List<Long> frozen = new ArrayList<>();

    private ScratchPostgres(Path folder, int port, boolean root) {
        this.folder = folder;
        this.data = folder.resolve("data");
        this.port = port;
        this.root = root;
    }

    /** Whether the binaries are there (and, as root, a postgres user to run them). */
    public static String missing() {
        for (String tool : List.of("initdb", "pg_ctl", "postgres")) {
            if (!Files.isExecutable(BIN.resolve(tool))) {
                return "no PostgreSQL binaries in " + BIN + " (" + tool + ")";
            }
        }
        if (isRoot() && !Files.isExecutable(Path.of("/usr/sbin/runuser"))) {
            return "running as root without runuser to start PostgreSQL as postgres";
        }
        return null;
    }

    /** Like {@link #missing()}, for a streaming replica as well ({@link #startReplica()}). */
    public static String missingForReplica() {
        String missing = missing();
        if (missing == null && !Files.isExecutable(BIN.resolve("pg_basebackup"))) {
            return "no pg_basebackup in " + BIN;
        }
        return missing;
    }

    public static ScratchPostgres initAndStart() throws IOException {
        boolean root = isRoot();
        Path folder = Files.createTempDirectory("noko-scratch-pg-");
        ScratchPostgres server = new ScratchPostgres(folder, freePort(), root);
        try {
            if (root) {
                run(List.of("chown", "postgres", folder.toString()));
            }
            server.asOwner(BIN.resolve("initdb").toString(), "-D", server.data.toString(), "-A", "trust", "-U", "postgres",
                    "-E", "UTF8", "--locale=C", "--no-sync");
            server.start();
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * A hot standby of this server in a folder of its own: a base backup over the replication
     * protocol ({@code pg_basebackup -R}, which also writes the standby's connection to this one),
     * then started; it streams and replays this server's changes from then on.
     */
    public ScratchPostgres startReplica() throws IOException {
        Path replicaFolder = Files.createTempDirectory("noko-scratch-pg-replica-");
        ScratchPostgres replica = new ScratchPostgres(replicaFolder, freePort(), root);
        try {
            if (root) {
                run(List.of("chown", "postgres", replicaFolder.toString()));
            }
            replica.asOwner(BIN.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port),
                    "-U", "postgres", "-D", replica.data.toString(), "-R", "-X", "stream", "--checkpoint=fast", "--no-sync");
            replica.start();
            return replica;
        } catch (IOException | RuntimeException e) {
            replica.close();
            throw e;
        }
    }

    /** Properties of a service started on this server (its own port, spool and bootstrap token, no embedded database). */
    public Map<String, Object> serviceProperties() throws IOException {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", jdbcUrl());
        properties.put("datasources.default.username", "postgres");
        properties.put("datasources.default.password", "");
        properties.put("noko.embedded-postgres.enabled", "false");
        properties.put("micronaut.server.port", "-1");
        properties.put("noko.bootstrap-admin-token", Admin.BOOTSTRAP_TOKEN);
        properties.put("noko.import.spool-dir", Files.createTempDirectory("noko-spool-").toString());
        return properties;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public void start() throws IOException {
        asOwner(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", folder.resolve("server.log").toString(),
                "-w", "-t", "30", "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start");
    }

    /** Stops the server as a crash would (no shutdown checkpoint, connections cut). */
    public void stopImmediately() throws IOException {
        asOwner(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "-t", "30", "stop");
    }

    /**
     * Freezes the postmaster and every process of it (SIGSTOP): connections stay open, nothing
     * answers. The postmaster first, so that it forks nothing new; then its processes, listed again
     * until no new one appears.
     */
    public void freeze() throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        stop(List.of(postmaster));
        long deadline = System.nanoTime() + COMMAND_DEADLINE.toNanos();
        while (true) {
            List<Long> children = new ArrayList<>();
            ProcessHandle.of(postmaster).ifPresent(p -> p.descendants().forEach(child -> children.add(child.pid())));
            synchronized (frozen) {
                children.removeAll(frozen);
            }
            if (children.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Processes of the server keep appearing: " + children);
            }
            stop(children);
        }
    }

    private void stop(List<Long> pids) throws IOException {
        List<String> command = new ArrayList<>(List.of("kill", "-STOP"));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        synchronized (frozen) {
            frozen.addAll(pids);
        }
        run(command);
    }

    /** Lets frozen processes run again. */
    public void thaw() throws IOException {
        List<String> command = new ArrayList<>(List.of("kill", "-CONT"));
        synchronized (frozen) {
            if (frozen.isEmpty()) {
                return;
            }
            frozen.forEach(pid -> command.add(Long.toString(pid)));
            frozen.clear();
        }
        run(command, true);
    }

    @Override
    public void close() {
        try {
            thaw();
        } catch (IOException | RuntimeException ignored) {
            // still stop and delete below
        }
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                stopImmediately();
            }
        } catch (IOException | RuntimeException ignored) {
            // the folder goes anyway
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }

    private void asOwner(String... command) throws IOException {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("/usr/sbin/runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full);
    }

    private static void run(List<String> command) throws IOException {
        run(command, false);
    }

    /** Runs a command to its end within the deadline; fails with its output unless {@code tolerant}. */
    private static void run(List<String> command, boolean tolerant) throws IOException {
        Path output = Files.createTempFile("noko-scratch-pg-", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(COMMAND_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("No end within " + COMMAND_DEADLINE + ": " + command);
            }
            if (process.exitValue() != 0 && !tolerant) {
                throw new IllegalStateException(command + " exited with " + process.exitValue() + ":\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + command, e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static Path binaries() {
        String configured = System.getProperty("noko.test.postgres-bin");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path fallback = Path.of("/usr/lib/postgresql/15/bin");
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.filter(version -> version.getFileName().toString().matches("[0-9]+"))
                    .max(Comparator.comparingInt(version -> Integer.parseInt(version.getFileName().toString())))
                    .map(version -> version.resolve("bin")).orElse(fallback);
        } catch (IOException e) {
            return fallback;
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
