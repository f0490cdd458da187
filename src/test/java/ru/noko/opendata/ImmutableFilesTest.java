package ru.noko.opendata;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import ru.noko.platform.database.Sql;
import ru.noko.support.ApiTestBase;
import ru.noko.support.TestDatabase;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data files are made once: what a version serves is the file stored with it (the bytes the release
 * renders to), the checksums file lists the stored hashes of the served bytes, a node without its
 * local copy (another node, or this one after its copy is gone) serves the same bytes, a file made
 * before its bytes were stored is stored on first request, and serving a local copy takes no
 * database connection.
 */
@MicronautTest(transactional = false)
class ImmutableFilesTest extends ApiTestBase {

    private static final Path FILES = temporaryDirectory();

    @Inject
    Sql sql;
    @Inject
    DatasetCatalog catalog;
    @Inject
    Editions editions;
    @Inject
    DatasetWriter writer;
    @Inject
    DatasetFiles files;
    @Inject
    javax.sql.DataSource service;

    @Override
    public Map<String, String> getProperties() {
        return with(TestDatabase.properties(), "noko.opendata.files-dir", FILES.toString());
    }

    @Test
    void servedFilesAreTheStoredBytesOfTheirRelease() throws Exception {
        Map<String, byte[]> served = servedFiles();
        assertTrue(served.size() >= 5, "a version of each national dataset and of the demo region: " + served.keySet());
        for (Dataset dataset : catalog.all()) {
            for (Edition edition : editions.current(dataset)) {
                byte[] bytes = served.get(path(dataset, edition));
                ByteArrayOutputStream rendered = new ByteArrayOutputStream();
                writer.write(dataset, edition, rendered);
                assertArrayEquals(rendered.toByteArray(), bytes, "what the release renders to: " + path(dataset, edition));
                assertArrayEquals(storedBytes(dataset, edition), bytes, "what is stored: " + path(dataset, edition));
            }
        }
    }

    @Test
    void checksumsAreThoseOfTheServedFiles() throws Exception {
        for (Dataset dataset : catalog.all()) {
            String folder = "/opendata/" + catalog.identifier(dataset) + "/";
            String checksums = api.get(folder + "checksums.sha256").body();
            List<String> lines = checksums.lines().toList();
            assertEquals(editions.current(dataset).size(), lines.size(), checksums);
            for (String line : lines) {
                String[] parts = line.split(" {2}");
                HttpResponse<byte[]> file = api.bytes(HttpRequest.GET(folder + parts[1]));
                assertEquals(200, file.code(), parts[1]);
                assertEquals(parts[0], OpenDataTest.sha256(file.body()), parts[1]);
                assertEquals(parts[0], file.header("X-Checksum-SHA256"));
            }
        }
    }

    @Test
    void aNodeWithoutItsCopyServesTheSameBytes() throws Exception {
        Map<String, byte[]> before = servedFiles();
        clearLocalCopies();
        Map<String, byte[]> after = servedFiles();
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
        try (Stream<Path> copies = Files.list(FILES)) {
            assertFalse(copies.findAny().isEmpty(), "the copies were fetched again");
        }
    }

    @Test
    void aFileWithoutStoredBytesIsStoredOnItsFirstRequest() throws Exception {
        Dataset dataset = national("noko-organizations");
        Edition edition = editions.current(dataset).get(0);
        byte[] before = api.bytes(HttpRequest.GET(path(dataset, edition))).body();
        // as a release made before the bytes were stored: only a checksum, or not even that
        sql.update("DELETE FROM opendata_file_chunk WHERE release_id = ? AND dataset = ? AND edition = ?", key(dataset, edition));
        sql.update("UPDATE opendata_file SET chunks = NULL WHERE release_id = ? AND dataset = ? AND edition = ?", key(dataset, edition));
        clearLocalCopies();
        assertArrayEquals(before, api.bytes(HttpRequest.GET(path(dataset, edition))).body());
        assertArrayEquals(before, storedBytes(dataset, edition));

        sql.update("DELETE FROM opendata_file WHERE release_id = ? AND dataset = ? AND edition = ?", key(dataset, edition));
        clearLocalCopies();
        String checksums = api.get("/opendata/" + catalog.identifier(dataset) + "/checksums.sha256").body();
        assertTrue(checksums.contains(OpenDataTest.sha256(before) + "  " + Passports.dataFileName(edition, dataset)), checksums);
        assertArrayEquals(before, storedBytes(dataset, edition));
        assertArrayEquals(before, api.bytes(HttpRequest.GET(path(dataset, edition))).body());
    }

    /** With every connection of the pool taken, a file whose copy this node has still reads whole. */
    @Test
    void aLocalCopyIsReadWithoutTheDatabase() throws Exception {
        Dataset dataset = national("noko-results");
        Edition edition = editions.current(dataset).get(editions.current(dataset).size() - 1);
        byte[] served = api.bytes(HttpRequest.GET(path(dataset, edition))).body();
        DatasetFiles.Fingerprint fingerprint = files.fingerprint(dataset, edition);
        HikariDataSource dataSource = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(service)
                .unwrap(HikariDataSource.class);
        List<Connection> taken = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        try {
            int size = dataSource.getMaximumPoolSize();
            while (taken.size() < size && Instant.now().isBefore(deadline)) {
                try {
                    taken.add(dataSource.getConnection());
                } catch (java.sql.SQLException e) {
                    break; // the rest are held by the service's own background work: none is left
                }
            }
            assertEquals(0, dataSource.getHikariPoolMXBean().getIdleConnections(), "no connection left");
            try (InputStream in = files.open(dataset, edition, fingerprint)) {
                assertArrayEquals(served, in.readAllBytes());
            }
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
    }

    @AfterAll
    void removeTheCopies() throws IOException {
        clearLocalCopies();
        Files.delete(FILES);
    }

    private Map<String, byte[]> servedFiles() {
        Map<String, byte[]> served = new LinkedHashMap<>();
        for (Dataset dataset : catalog.all()) {
            for (Edition edition : editions.current(dataset)) {
                HttpResponse<byte[]> file = api.bytes(HttpRequest.GET(path(dataset, edition)));
                assertEquals(200, file.code(), path(dataset, edition));
                served.put(path(dataset, edition), file.body());
            }
        }
        return served;
    }

    private byte[] storedBytes(Dataset dataset, Edition edition) throws IOException {
        Integer chunks = sql.one("SELECT chunks FROM opendata_file WHERE release_id = ? AND dataset = ? AND edition = ?",
                key(dataset, edition), row -> (Integer) row.getObject(1)).orElseThrow();
        assertNotNull(chunks, "bytes stored for " + path(dataset, edition));
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        for (byte[] chunk : sql.list("SELECT data FROM opendata_file_chunk WHERE release_id = ? AND dataset = ? AND edition = ? "
                + "ORDER BY seq", key(dataset, edition), row -> row.getBytes(1))) {
            compressed.write(chunk);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed.toByteArray()))) {
            return in.readAllBytes();
        }
    }

    private Dataset national(String code) {
        return catalog.all().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }

    private String path(Dataset dataset, Edition edition) {
        return "/opendata/" + catalog.identifier(dataset) + "/" + Passports.dataFileName(edition, dataset);
    }

    private static List<Object> key(Dataset dataset, Edition edition) {
        return List.of(edition.release().id(), dataset.code(), edition.number());
    }

    private static void clearLocalCopies() throws IOException {
        try (Stream<Path> copies = Files.list(FILES)) {
            for (Path copy : copies.toList()) {
                Files.delete(copy);
            }
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("noko-opendata-files-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
