package ru.noko.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service's embedded PostgreSQL asks every connection for a password kept in an owner-only file. */
class EmbeddedPostgresPasswordTest {

    @TempDir
    Path dataDir;

    @Test
    void aNewDataDirectoryGetsARandomPasswordThatIsRequiredAndKept() throws Exception {
        EmbeddedPostgresDefault first = new EmbeddedPostgresDefault(dataDir.toString(), 0);
        String password;
        try {
            EmbeddedPostgres server = first.start();
            password = passwordFile();
            assertTrue(password.length() >= 32, password.length() + " characters");
            assertOwnerOnly();
            assertEquals("SCRAM-SHA-256", query(server, password,
                    "SELECT split_part(rolpassword, '$', 1) FROM pg_authid WHERE rolname = 'postgres'"));
            assertRefused(server, "wrong-" + password, password);
            assertNoTrust();
        } finally {
            first.stop();
        }

        EmbeddedPostgresDefault second = new EmbeddedPostgresDefault(dataDir.toString(), 0);
        try {
            EmbeddedPostgres server = second.start();
            assertEquals(password, passwordFile(), "the password is kept across restarts");
            assertEquals("1", query(server, password, "SELECT 1"));
            assertRefused(server, "wrong-" + password, password);
        } finally {
            second.stop();
        }
    }

    @Test
    void aDataDirectoryThatTrustedEveryoneIsUpgraded() throws Exception {
        try (EmbeddedPostgres trusting = EmbeddedPostgres.builder().setDataDirectory(dataDir)
                .setCleanDataDirectory(false).start()) {
            assertEquals("1", query(trusting, "any password at all", "SELECT 1"), "initialised with trust");
            try (Connection connection = connect(trusting, null); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (value int); INSERT INTO kept VALUES (42)");
            }
        }
        assertFalse(Files.exists(dataDir.resolve(PasswordFile.NAME)));

        EmbeddedPostgresDefault upgraded = new EmbeddedPostgresDefault(dataDir.toString(), 0);
        String password;
        try {
            EmbeddedPostgres server = upgraded.start();
            password = passwordFile();
            assertTrue(password.length() >= 32);
            assertOwnerOnly();
            assertRefused(server, "wrong-" + password, password);
            assertEquals("42", query(server, password, "SELECT value FROM kept"), "the data is still there");
            assertNoTrust();
        } finally {
            upgraded.stop();
        }

        EmbeddedPostgresDefault again = new EmbeddedPostgresDefault(dataDir.toString(), 0);
        try {
            EmbeddedPostgres server = again.start();
            assertEquals(password, passwordFile());
            assertEquals("42", query(server, password, "SELECT value FROM kept"));
            assertRefused(server, "wrong-" + password, password);
        } finally {
            again.stop();
        }
    }

    @Test
    void aMissingPasswordFileIsReportedInsteadOfLockingTheServiceOut() throws Exception {
        EmbeddedPostgresDefault first = new EmbeddedPostgresDefault(dataDir.toString(), 0);
        try {
            first.start();
        } finally {
            first.stop();
        }
        Files.delete(dataDir.resolve(PasswordFile.NAME));
        EmbeddedPostgresDefault second = new EmbeddedPostgresDefault(dataDir.toString(), 0);
        try {
            IllegalStateException refused = assertThrows(IllegalStateException.class, second::start);
            assertTrue(refused.getMessage().contains(PasswordFile.NAME), refused.getMessage());
        } finally {
            second.stop();
        }
    }

    @Test
    void generatedPasswordsAreLongAndDiffer() {
        String one = PasswordFile.generate();
        assertTrue(one.length() >= 32);
        assertFalse(one.equals(PasswordFile.generate()));
    }

    private String passwordFile() throws IOException {
        return Files.readString(dataDir.resolve(PasswordFile.NAME), StandardCharsets.US_ASCII).strip();
    }

    private void assertOwnerOnly() throws IOException {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(PasswordFile.NAME))));
    }

    private void assertNoTrust() throws IOException {
        String hba = Files.readString(dataDir.resolve("pg_hba.conf"));
        assertEquals(PasswordProtectedStart.HBA, hba);
        assertFalse(hba.lines().filter(line -> !line.startsWith("#")).anyMatch(line -> line.contains("trust")));
    }

    /** A wrong password and no password are both refused by the server's authentication, while the right one works. */
    private static void assertRefused(EmbeddedPostgres server, String wrongPassword, String password) throws SQLException {
        SQLException wrong = assertThrows(SQLException.class, () -> connect(server, wrongPassword).close());
        assertEquals("28P01", wrong.getSQLState(), wrong.getMessage()); // invalid_password
        SQLException none = assertThrows(SQLException.class, () -> connect(server, null).close());
        assertTrue(none.getMessage().contains("no password was provided"), none.getMessage());
        connect(server, password).close();
    }

    private static String query(EmbeddedPostgres server, String password, String sql) throws SQLException {
        try (Connection connection = connect(server, password); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static Connection connect(EmbeddedPostgres server, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + server.getPort() + "/postgres", properties);
    }
}
