package ru.noko.platform.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import ru.noko.support.ApiTestBase;
import ru.noko.support.Json;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server error tells the client an id and nothing else; the log has the id with the stack trace. */
@MicronautTest(transactional = false)
class InternalErrorTest extends ApiTestBase {

    @Override
    public Map<String, String> getProperties() {
        return with(super.getProperties(), FailingRoute.ENABLED, "true");
    }

    @Test
    void aServerErrorSaysOnlyThatItHappenedAndGivesAnIdThatIsLogged() {
        Logger logger = (Logger) LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            HttpResponse<String> response = api.exchange(HttpRequest.GET("/test-only/boom"));
            assertEquals(500, response.code());
            assertTrue(response.getContentType().orElseThrow().toString().startsWith("application/problem+json"));
            String body = response.body();
            for (String internal : new String[] {"jdbc", "hunter2", "SELECT", "secret_table", "IllegalState", "Exception",
                    "java.", "ru.noko", "db.internal"}) {
                assertFalse(body.contains(internal), internal + " leaks: " + body);
            }
            JsonNode problem = Json.parse(body);
            assertEquals(500, problem.get("status").asInt());
            assertTrue(problem.get("detail").asText().startsWith("Внутренняя ошибка сервера"), body);
            String instance = problem.get("instance").asText();
            assertTrue(instance.startsWith("urn:uuid:"), instance);
            String id = instance.substring("urn:uuid:".length());
            UUID.fromString(id);
            assertTrue(problem.get("detail").asText().contains(id), "the id is in the detail too");
            assertEquals(5, problem.size(), "type, title, status, detail and instance only: " + body);

            ILoggingEvent logged = log.list.stream().filter(e -> e.getFormattedMessage().contains(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("the id is not logged"));
            assertNotNull(logged.getThrowableProxy(), "the stack trace is logged with the id");
            assertTrue(logged.getThrowableProxy().getMessage().contains("hunter2"), "the log has what the client does not");
        } finally {
            logger.detachAppender(log);
        }
    }
}
