package ru.noko.platform.security;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FailedAuthenticationsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Ticker ticker = now::get;
    private final FailedAuthentications failures = new FailedAuthentications(3, Duration.ofMinutes(1), ticker);

    @Test
    void anAddressIsBlockedAfterTheLimitUntilItsWindowEnds() {
        failures.failed("192.0.2.1");
        advance(Duration.ofSeconds(20));
        failures.failed("192.0.2.1");
        assertEquals(Optional.empty(), failures.blockedFor("192.0.2.1"), "below the limit");
        advance(Duration.ofSeconds(10));
        failures.failed("192.0.2.1");
        assertEquals(Optional.of(Duration.ofSeconds(30)), failures.blockedFor("192.0.2.1"), "until a minute after the first failure");
        advance(Duration.ofSeconds(29));
        assertEquals(Optional.of(Duration.ofSeconds(1)), failures.blockedFor("192.0.2.1"));
        advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), failures.blockedFor("192.0.2.1"), "the window has ended");
    }

    @Test
    void otherAddressesAreNotAffected() {
        for (int i = 0; i < 5; i++) {
            failures.failed("192.0.2.1");
        }
        failures.failed("2001:db8::1");
        failures.failed("2001:db8::1");
        assertEquals(Optional.of(Duration.ofMinutes(1)), failures.blockedFor("192.0.2.1"));
        assertEquals(Optional.empty(), failures.blockedFor("2001:db8::1"));
        assertEquals(Optional.empty(), failures.blockedFor("192.0.2.2"));
    }

    @Test
    void aFailureAfterTheWindowStartsANewOne() {
        failures.failed("192.0.2.1");
        failures.failed("192.0.2.1");
        advance(Duration.ofSeconds(61));
        failures.failed("192.0.2.1");
        failures.failed("192.0.2.1");
        assertEquals(Optional.empty(), failures.blockedFor("192.0.2.1"), "two failures in this window, two in the last");
        failures.failed("192.0.2.1");
        assertEquals(Optional.of(Duration.ofMinutes(1)), failures.blockedFor("192.0.2.1"));
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FailedAuthentications(0, Duration.ofMinutes(1), ticker));
        assertThrows(IllegalArgumentException.class, () -> new FailedAuthentications(10, Duration.ZERO, ticker));
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
