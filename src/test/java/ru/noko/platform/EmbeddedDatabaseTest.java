package ru.noko.platform;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.noko.platform.database.Sql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With no datasource URL the service starts its own PostgreSQL and keeps the data across restarts. */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void startsEmbeddedWhenNoUrlIsGivenAndKeepsRowsAcrossRestarts() {
        Map<String, Object> config = Map.of("noko.data-dir", dataDir.toString(), "micronaut.server.port", -1);
        long campaigns;
        long organizations;
        try (ApplicationContext first = ApplicationContext.run(config)) {
            campaigns = count(first, "SELECT count(*) FROM campaign");
            organizations = count(first, "SELECT count(*) FROM organization");
            assertTrue(campaigns >= 9, "demo campaigns loaded on first start");
            assertTrue(organizations >= 300);
        }
        assertTrue(Files.exists(dataDir.resolve("postgresql.conf")), "the database lives in NOKO_DATA_DIR");
        try (ApplicationContext second = ApplicationContext.run(config)) {
            assertEquals(campaigns, count(second, "SELECT count(*) FROM campaign"), "nothing loaded twice, nothing lost");
            assertEquals(organizations, count(second, "SELECT count(*) FROM organization"));
            for (String durability : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                assertEquals("on", second.getBean(Sql.class).one("SHOW " + durability, List.of(),
                        row -> row.getString(1)).orElseThrow(), durability);
            }
        }
    }

    private static long count(ApplicationContext context, String query) {
        return context.getBean(Sql.class).count(query, List.of());
    }
}
