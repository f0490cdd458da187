package ru.noko.campaigns.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ru.noko.campaigns.upload.UploadTable;
import ru.noko.support.Admin;
import ru.noko.support.AdminApiTestBase;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An {@link Error} (out of memory, stack overflow) on a job's reader or worker thread fails the
 * job with a message saying so, and the campaign takes the next upload: nothing waits forever.
 */
@MicronautTest(transactional = false)
class ImportFailureTest extends AdminApiTestBase {

    private static final byte[] FILE = Admin.fixture("raw-inputs-utf8-bom.csv");

    @Inject
    Uploads uploads;

    @Inject
    SpoolDirectory spool;

    @AfterEach
    void noProbe() {
        uploads.probe(ImportProbe.NONE);
    }

    @Test
    void anErrorOnTheReaderThreadFailsTheJobAndTheCampaignTakesTheNextUpload() throws Exception {
        long campaign = admin.createCampaign("59", 2034, "НОКО детских садов (тест сбоя чтения)", "preschool");
        AtomicReference<String> thrownOn = new AtomicReference<>();
        AtomicBoolean once = new AtomicBoolean();
        uploads.probe(new ImportProbe() {
            @Override
            public UploadTable source(long jobId, UploadTable table) {
                return once.compareAndSet(false, true) ? new ThrowingTable(table, () -> {
                    thrownOn.set(Thread.currentThread().getName());
                    return new OutOfMemoryError("Java heap space (injected)");
                }) : table;
            }
        });

        JsonNode failed = admin.uploadAndWait(campaign, FILE, "text/csv", null);
        assertEquals("upload-reader", thrownOn.get(), "thrown on the reader thread");
        assertEquals("failed", failed.get("status").asText(), failed.toString());
        String failure = failed.get("failure").asText();
        assertTrue(failure.contains("памяти") && failure.contains("чтении файла") && failure.contains("OutOfMemoryError"),
                failure);
        assertTrue(failed.hasNonNull("finished_at"));
        assertEquals(List.of(), SpoolFiles.afterJobsEnd(spool));

        JsonNode next = admin.uploadAndWait(campaign, FILE, "text/csv", null);
        assertEquals("succeeded", next.get("status").asText(), next.toString());
        assertEquals(3, next.get("organizations").asInt());
    }

    @Test
    void anErrorOnTheWorkerThreadFailsTheJobAndTheCampaignTakesTheNextUpload() throws Exception {
        long campaign = admin.createCampaign("59", 2035, "НОКО детских садов (тест сбоя обработки)", "preschool");
        AtomicReference<String> thrownOn = new AtomicReference<>();
        AtomicBoolean once = new AtomicBoolean();
        uploads.probe(new ImportProbe() {
            @Override
            public void batch(long jobId, int rows) {
                if (once.compareAndSet(false, true)) {
                    thrownOn.set(Thread.currentThread().getName());
                    throw new StackOverflowError("injected");
                }
            }
        });

        JsonNode failed = admin.uploadAndWait(campaign, FILE, "text/csv", null);
        assertTrue(thrownOn.get().startsWith("import-"), "thrown on the worker thread: " + thrownOn.get());
        assertEquals("failed", failed.get("status").asText(), failed.toString());
        assertEquals("Внутренняя ошибка при загрузке: StackOverflowError: injected", failed.get("failure").asText());
        assertTrue(failed.hasNonNull("finished_at"));
        assertEquals(List.of(), SpoolFiles.afterJobsEnd(spool));

        JsonNode next = admin.uploadAndWait(campaign, FILE, "text/csv", null);
        assertEquals("succeeded", next.get("status").asText(), next.toString());
        assertEquals(3, next.get("organizations").asInt());
    }
}
