package ru.noko.campaigns.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.noko.support.Admin;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.Json;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Upload bodies are spooled to private files, and an upload that does not become a job (refused
 * because another is running, invalid, too large) leaves no file behind; a job's file goes when
 * the job ends.
 */
@MicronautTest(transactional = false)
class UploadSpoolTest extends AdminApiTestBase {

    private static final byte[] FILE = Admin.fixture("raw-inputs-utf8-bom.csv");

    @Inject
    Uploads uploads;

    @Inject
    SpoolDirectory spool;

    @Override
    public Map<String, String> getProperties() {
        return with(with(super.getProperties(), "noko.import.wait-for-result", "0s"),
                "micronaut.server.max-request-size", "4KB");
    }

    @AfterEach
    void noProbe() {
        uploads.probe(ImportProbe.NONE);
    }

    @Test
    void spooledUploadsArePrivateAndNoUploadLeavesItsFileBehind() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        assertEquals("rwx------", permissions(spool.path()));
        long campaign = admin.createCampaign("59", 2036, "НОКО детских садов (тест файлов загрузки)", "preschool");
        long other = admin.createCampaign("59", 2037, "НОКО детских садов (тест файлов загрузки, 2)", "preschool");
        Pause pause = new Pause(0);
        uploads.probe(pause);
        long job;
        try {
            job = Json.parse(admin.upload(campaign, FILE, "text/csv", null).body()).get("id").asLong();
            pause.awaitHeld(Duration.ofMinutes(1));
            List<Path> held = SpoolFiles.in(spool);
            assertEquals(1, held.size());
            assertEquals("rw-------", permissions(held.get(0)));
            assertEquals(FILE.length, Files.size(held.get(0)));

            HttpResponse<String> busy = admin.upload(campaign, FILE, "text/csv", null);
            assertEquals(409, busy.code(), busy.body());
            assertEquals(held, SpoolFiles.in(spool), "the refused upload's file is gone");

            HttpResponse<String> badLevel = admin.upload(other, FILE, "text/csv", "level=everything");
            assertEquals(400, badLevel.code(), badLevel.body());
            assertEquals("level", Json.parse(badLevel.body()).at("/errors/0/field").asText(), badLevel.body());
            HttpResponse<String> longName = admin.upload(other, FILE, "text/csv", "source_name=" + "x".repeat(201));
            assertEquals(400, longName.code(), longName.body());
            HttpResponse<String> tooLarge = admin.upload(other, new byte[8 * 1024], "text/csv", null);
            assertEquals(413, tooLarge.code(), tooLarge.body());
            assertEquals(held, SpoolFiles.in(spool), "neither did the invalid ones leave a file");
        } finally {
            pause.release();
        }
        JsonNode finished = admin.waitFor(job);
        assertEquals("succeeded", finished.get("status").asText(), finished.toString());
        assertEquals(List.of(), SpoolFiles.afterJobsEnd(spool), "the job's file goes when the job ends");
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
