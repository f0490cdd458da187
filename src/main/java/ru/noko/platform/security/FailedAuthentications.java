package ru.noko.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * Failed authentications per client address: after {@code limit} failures within {@code window}
 * (counted from the first) the address is blocked until the window ends. Kept in memory for at
 * most 100 000 addresses; a restart forgets them.
 */
@Singleton
class FailedAuthentications {

    private record Window(long start, int failures) {
    }

    private final int limit;
    private final long window;
    private final Ticker ticker;
    private final Cache<String, Window> windows;

    @Inject
    FailedAuthentications(@Value("${noko.auth-failures.limit:10}") int limit,
                          @Value("${noko.auth-failures.window:1m}") Duration window) {
        this(limit, window, Ticker.systemTicker());
    }

    FailedAuthentications(int limit, Duration window, Ticker ticker) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("noko.auth-failures needs a limit ≥ 1 and a positive window");
        }
        this.limit = limit;
        this.window = window.toNanos();
        this.ticker = ticker;
        this.windows = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(window).ticker(ticker).build();
    }

    void failed(String address) {
        long now = ticker.read();
        windows.asMap().compute(address, (key, current) -> current == null || now - current.start() >= window
                ? new Window(now, 1) : new Window(current.start(), current.failures() + 1));
    }

    /** How long {@code address} must still wait, if it has used up its failures. */
    Optional<Duration> blockedFor(String address) {
        Window current = windows.getIfPresent(address);
        if (current == null || current.failures() < limit) {
            return Optional.empty();
        }
        long left = current.start() + window - ticker.read();
        return left > 0 ? Optional.of(Duration.ofNanos(left)) : Optional.empty();
    }
}
