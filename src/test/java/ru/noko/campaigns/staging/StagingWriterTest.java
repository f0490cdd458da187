package ru.noko.campaigns.staging;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import ru.noko.campaigns.OrganizationIdentity;
import ru.noko.campaigns.upload.StagedRow;
import ru.noko.catalog.OrganizationType;
import ru.noko.support.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Rows go into staging in PostgreSQL's binary COPY format: every column type, NULLs at every
 * level, and text that the text format would have had to escape come back exactly.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // else getProperties() is never asked: the default ./data/postgres
class StagingWriterTest implements TestPropertyProvider {

    private static final long JOB = 987_654_321L;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.properties();
    }

    @Test
    void everyValueComesBackAsWritten() {
        String awkward = "Школа \"№ 1\"\tс табуляцией\nи переводом строки, \\ обратной чертой; «кавычками» и 😀";
        OrganizationIdentity full = new OrganizationIdentity("7700000016", "770101001", "1027700000001", "00000001",
                awkward, "МБОУ № 1", OrganizationType.SCHOOL, "45001000", "ул. Ленина, 1", "https://school1.example");
        OrganizationIdentity bare = new OrganizationIdentity("7700000023", "7701AB001", null, null, "Детский сад",
                null, OrganizationType.PRESCHOOL, null, null, null);
        StagedRow computed = new StagedRow(2, full, "Тестовский район", new double[]{100.0, 0.0, 1.0 / 3, 99.99, 42.5},
                48.76666666666667, 48.77, 3, 1_552L, 591L, new Double[]{100.0, null, 2.0 / 3},
                List.of("2.1", "3.3"), new Long[]{16L, null, 9_000_000_000L}, new Double[]{100.0, null, 0.5},
                new String[]{"match", null, "mismatch"});
        StagedRow checklist = new StagedRow(3, bare, null, null, null, null, null, null, null, null, List.of(), null, null, null);

        Map<String, Object> first = transactions.executeWrite(status -> {
            try (StagingWriter writer = new StagingWriter(status.getConnection(), JOB)) {
                writer.accept(computed);
                writer.accept(checklist);
                assertEquals(2, writer.finish());
            }
            Map<String, Object> row = read(status.getConnection(), 2);
            Map<String, Object> second = read(status.getConnection(), 3);
            assertNull(second.get("ogrn"));
            assertNull(second.get("k1"));
            assertNull(second.get("total"));
            assertNull(second.get("total_computed"));
            assertNull(second.get("total_check"));
            assertNull(second.get("place_region"));
            assertNull(second.get("recipients"));
            assertNull(second.get("indicator_values"));
            assertNull(second.get("raw_values"));
            assertNull(second.get("indicator_values_computed"));
            assertNull(second.get("indicator_checks"));
            assertArrayEquals(new String[0], (Object[]) second.get("zero_rule_indicators"));
            assertEquals("детский сад", second.get("search_name"));
            status.setRollbackOnly();
            return row;
        });

        assertEquals(awkward, first.get("name"));
        assertEquals("7700000016", first.get("inn"));
        assertEquals("school", first.get("type"));
        assertEquals("Тестовский район", first.get("municipality"));
        assertEquals(1.0 / 3, (Double) first.get("k3"), 0.0);
        assertEquals(48.77, (Double) first.get("total"), 0.0, "the official total is the one published");
        assertEquals(48.76666666666667, (Double) first.get("total_computed"), 0.0);
        assertEquals("match", first.get("total_check"), "48.77 is 48.7667 rounded");
        assertEquals(48.77, (Double) first.get("published_total"), 0.0);
        assertEquals(3, first.get("place_region"));
        assertEquals(1552, first.get("recipients"));
        assertEquals(591, first.get("respondents"));
        assertArrayEquals(new Double[]{100.0, null, 2.0 / 3}, (Object[]) first.get("indicator_values"));
        assertArrayEquals(new String[]{"2.1", "3.3"}, (Object[]) first.get("zero_rule_indicators"));
        assertArrayEquals(new Long[]{16L, null, 9_000_000_000L}, (Object[]) first.get("raw_values"));
        assertArrayEquals(new Double[]{100.0, null, 0.5}, (Object[]) first.get("indicator_values_computed"));
        assertArrayEquals(new String[]{"match", null, "mismatch"}, (Object[]) first.get("indicator_checks"));
    }

    @Test
    void aCountBeyondTheIntegerColumnIsRefused() {
        OrganizationIdentity o = new OrganizationIdentity("7700000016", "770101001", null, null, "Школа", null,
                OrganizationType.SCHOOL, null, null, null);
        StagedRow huge = new StagedRow(2, o, null, null, null, null, null, 3_000_000_000L, null, null, List.of(), null, null, null);
        assertThrows(IllegalArgumentException.class, () -> transactions.executeWrite(status -> {
            try (StagingWriter writer = new StagingWriter(status.getConnection(), JOB)) {
                writer.accept(huge);
                return writer.finish();
            }
        }));
    }

    private static Map<String, Object> read(Connection connection, int line) {
        try (var statement = connection.prepareStatement("SELECT * FROM staged_result WHERE job_id = ? AND line = ?")) {
            statement.setLong(1, JOB);
            statement.setInt(2, line);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                Map<String, Object> row = new java.util.HashMap<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    Object value = rows.getObject(i);
                    if (value instanceof java.sql.Array array) {
                        value = array.getArray();
                    }
                    row.put(rows.getMetaData().getColumnName(i), value);
                }
                return row;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
