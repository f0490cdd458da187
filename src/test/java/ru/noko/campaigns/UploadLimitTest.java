package ru.noko.campaigns;

import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import ru.noko.support.AdminApiTestBase;
import ru.noko.support.Json;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A body over the configured upload limit (NOKO_MAX_UPLOAD_SIZE) is refused with a 413 problem document. */
@MicronautTest(transactional = false)
class UploadLimitTest extends AdminApiTestBase {

    @Override
    public Map<String, String> getProperties() {
        return with(super.getProperties(), "micronaut.server.max-request-size", "4KB");
    }

    @Test
    void tooLargeUploadIs413ProblemJson() {
        long id = admin.createCampaign("59", 2024, "НОКО (тест размера)", "school");
        String row = "5901001016;590101001;Школа;1;2;3;4;5\n";
        byte[] body = ("ИНН;КПП;Наименование;К1;К2;К3;К4;К5\n" + row.repeat(200)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = admin.upload(id, body, "text/csv", null);
        assertEquals(413, response.code(), response.body());
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("application/problem+json"));
        assertEquals(413, Json.parse(response.body()).get("status").asInt());

        HttpResponse<String> small = admin.upload(id, ("ИНН;КПП;Наименование;К1;К2;К3;К4;К5\n" + row).getBytes(StandardCharsets.UTF_8),
                "text/csv", "dry_run=true");
        assertEquals(200, small.code(), "under the limit is fine: " + small.body());
        assertEquals(415, admin.upload(id, body, "text/plain", null).code(), "only CSV and JSON bodies");
    }
}
