package ru.noko.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * Starts the embedded server so that every connection, over TCP or the local socket, must give the
 * superuser's password (SCRAM-SHA-256): another local process cannot simply connect. The password is
 * random, kept in {@value PasswordFile#NAME} in the data directory and reused at every start.
 * <p>
 * A new data directory is initialised that way. One initialised before (zonky's initdb trusts every
 * connection) is upgraded at its first start: the password is set over a connection, pg_hba.conf is
 * rewritten and reloaded. pg_hba.conf belongs to the service: a different one is replaced at start.
 */
final class PasswordProtectedStart {

    record Started(EmbeddedPostgres server, String password) {
    }

    static final String HBA_FILE = "pg_hba.conf";
    static final String HBA = """
            # Written by the NOKO service, which replaces any other content at start: every connection
            # must give the password kept in %s beside this file.
            # TYPE  DATABASE      USER       ADDRESS         METHOD
            local   all           all                        scram-sha-256
            host    all           all        127.0.0.1/32    scram-sha-256
            host    all           all        ::1/128         scram-sha-256
            local   replication   all                        scram-sha-256
            host    replication   all        127.0.0.1/32    scram-sha-256
            host    replication   all        ::1/128         scram-sha-256
            """.formatted(PasswordFile.NAME);

    private static final Logger LOG = LoggerFactory.getLogger(PasswordProtectedStart.class);
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(10);

    private PasswordProtectedStart() {
    }

    static Started start(EmbeddedPostgres.Builder builder, Path dataDirectory) throws IOException {
        Path passwordFile = dataDirectory.resolve(PasswordFile.NAME);
        Path initdbPassword = null;
        try {
            String password;
            if (!Files.exists(dataDirectory.resolve("postgresql.conf"))) {
                String fresh = PasswordFile.generate();
                password = fresh;
                initdbPassword = PasswordFile.writeTemporary(fresh);
                // zonky has no initdb options of its own: it runs "initdb -A trust ..." followed by
                // "--<key>=<value>" for each "locale" setting, and initdb takes the last --auth given
                builder.setLocaleConfig("auth", "scram-sha-256")
                        .setLocaleConfig("pwfile", initdbPassword.toString())
                        // runs after initdb, before the server starts
                        .setDataDirectoryCustomizer(directory -> {
                            try {
                                PasswordFile.write(passwordFile, fresh);
                                writeHba(dataDirectory);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        });
            } else {
                password = PasswordFile.read(passwordFile).orElse(null);
                if (password == null) {
                    if (!trustsSomeConnection(dataDirectory)) {
                        throw new IllegalStateException("The embedded database in " + dataDirectory
                                + " asks for a password, but its password file " + passwordFile
                                + " is missing; restore the file");
                    }
                    password = PasswordFile.generate();
                    PasswordFile.write(passwordFile, password);
                }
            }
            // zonky checks that the server is up by connecting with these settings
            builder.setConnectConfig("password", password);
            EmbeddedPostgres server = builder.start();
            if (!Files.readString(dataDirectory.resolve(HBA_FILE), StandardCharsets.UTF_8).equals(HBA)) {
                try {
                    requirePassword(server, dataDirectory, password);
                } catch (IOException | RuntimeException e) {
                    server.close();
                    throw e;
                }
            }
            return new Started(server, password);
        } finally {
            if (initdbPassword != null) {
                Files.deleteIfExists(initdbPassword);
            }
        }
    }

    /** Sets the password over a connection (allowed by the old pg_hba.conf), then makes it required. */
    private static void requirePassword(EmbeddedPostgres server, Path dataDirectory, String password) throws IOException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            OffsetDateTime loaded = configurationLoadedAt(statement);
            // hashed by the driver: the password itself never reaches the server or its log
            connection.unwrap(PGConnection.class).alterUserPassword("postgres", password.toCharArray(), "scram-sha-256");
            writeHba(dataDirectory);
            statement.execute("SELECT pg_reload_conf()");
            awaitReload(server, loaded);
        } catch (SQLException e) {
            throw new IOException("Could not make the embedded database in " + dataDirectory + " require a password", e);
        }
        LOG.warn("The embedded database in {} accepted connections without a password; it now requires the one in {}",
                dataDirectory, dataDirectory.resolve(PasswordFile.NAME));
    }

    /**
     * pg_reload_conf() only signals the postmaster. A new session reports the postmaster's
     * configuration load time, so a later time means pg_hba.conf has been reloaded too.
     */
    private static void awaitReload(EmbeddedPostgres server, OffsetDateTime before) throws SQLException {
        Instant deadline = Instant.now().plus(RELOAD_WAIT);
        while (true) {
            try (Connection probe = server.getPostgresDatabase().getConnection();
                 Statement statement = probe.createStatement()) {
                if (configurationLoadedAt(statement).isAfter(before)) {
                    return;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new SQLException("PostgreSQL did not reload its configuration within " + RELOAD_WAIT.toSeconds() + " s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while waiting for PostgreSQL to reload its configuration", e);
            }
        }
    }

    private static OffsetDateTime configurationLoadedAt(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT pg_conf_load_time()")) {
            row.next();
            return row.getObject(1, OffsetDateTime.class);
        }
    }

    private static void writeHba(Path dataDirectory) throws IOException {
        Path next = Files.createTempFile(dataDirectory, HBA_FILE, ".new",
                PosixFilePermissions.asFileAttribute(PasswordFile.OWNER_ONLY));
        Files.writeString(next, HBA, StandardCharsets.UTF_8);
        Files.move(next, dataDirectory.resolve(HBA_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Whether pg_hba.conf lets some connection in without a password. */
    private static boolean trustsSomeConnection(Path dataDirectory) throws IOException {
        return Files.readAllLines(dataDirectory.resolve(HBA_FILE), StandardCharsets.UTF_8).stream()
                .map(line -> line.replaceFirst("#.*", "").trim())
                .anyMatch(line -> Arrays.asList(line.split("\\s+")).contains("trust"));
    }
}
