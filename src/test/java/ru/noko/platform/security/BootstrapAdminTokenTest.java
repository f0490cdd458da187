package ru.noko.platform.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import ru.noko.support.TestDatabase;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrapAdminTokenTest {

    private static final String LONG_TOKEN = "a-bootstrap-token-of-40-characters-12345";

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(BootstrapAdminToken.class);

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    @Test
    void aTokenShorterThan32CharactersIsRefused() {
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> BootstrapAdminToken.check("x".repeat(31)));
        assertTrue(refused.getMessage().contains("NOKO_BOOTSTRAP_ADMIN_TOKEN"), refused.getMessage());
        assertTrue(refused.getMessage().contains("32"), refused.getMessage());
        assertTrue(BootstrapAdminToken.check("x".repeat(32)));
        assertFalse(BootstrapAdminToken.check(null));
        assertFalse(BootstrapAdminToken.check(""));
        assertFalse(BootstrapAdminToken.check("   "));
    }

    @Test
    void theServiceDoesNotStartWithAShortToken() {
        Map<String, Object> properties = new HashMap<>(TestDatabase.properties());
        properties.put("noko.bootstrap-admin-token", "sixteen-chars-ok");
        RuntimeException refused = assertThrows(RuntimeException.class, () -> ApplicationContext.run(properties, "test").close());
        Throwable cause = refused;
        while (!(cause instanceof ConfigurationException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof ConfigurationException, refused.toString());
        assertTrue(cause.getMessage().contains("NOKO_BOOTSTRAP_ADMIN_TOKEN"), cause.getMessage());
    }

    @Test
    void aConfiguredTokenIsWarnedAboutAtStartAndWhenUsed() {
        BootstrapAdminToken token = new BootstrapAdminToken(LONG_TOKEN);
        List<ILoggingEvent> atStart = warnings();
        assertEquals(1, atStart.size());
        assertTrue(atStart.get(0).getFormattedMessage().contains("NOKO_BOOTSTRAP_ADMIN_TOKEN"));
        assertTrue(atStart.get(0).getFormattedMessage().contains("unset"));

        assertFalse(token.matches(LONG_TOKEN + "x"));
        assertEquals(1, warnings().size(), "a wrong token is no use of it");
        assertTrue(token.matches(LONG_TOKEN));
        assertEquals(2, warnings().size());
        assertTrue(warnings().get(1).getFormattedMessage().contains("was used"));
        assertTrue(token.matches(LONG_TOKEN));
        assertEquals(2, warnings().size(), "not again within the hour");
    }

    @Test
    void noTokenNoWarning() {
        BootstrapAdminToken token = new BootstrapAdminToken("");
        assertFalse(token.matches(""));
        assertFalse(token.matches(LONG_TOKEN));
        assertEquals(List.of(), warnings());
    }

    private List<ILoggingEvent> warnings() {
        return log.list.stream().filter(event -> event.getLevel() == Level.WARN).toList();
    }
}
