package ru.noko.platform.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code NOKO_BOOTSTRAP_ADMIN_TOKEN}, an admin token for a fresh install. Checked when the service
 * starts ({@link Context}): one shorter than {@value #MIN_LENGTH} characters stops the start. While
 * it is set the service warns at start and, at most hourly, when it is used.
 */
@Context
class BootstrapAdminToken {

    static final int MIN_LENGTH = 32;
    static final String WARNING = "NOKO_BOOTSTRAP_ADMIN_TOKEN is set: anyone who learns it is an admin. "
            + "Create a named admin token with it (POST /api/v1/admin/tokens), then unset it and restart";

    private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdminToken.class);
    private static final long USE_WARNING_INTERVAL = Duration.ofHours(1).toNanos();

    private final byte[] hash;
    private final AtomicLong nextUseWarning = new AtomicLong(System.nanoTime());

    BootstrapAdminToken(@Nullable @Value("${noko.bootstrap-admin-token:}") String token) {
        this.hash = check(token) ? TokenSecrets.hash(token) : null;
        if (hash != null) {
            LOG.warn(WARNING);
        }
    }

    /**
     * @return whether a bootstrap token is configured (blank means not)
     * @throws ConfigurationException when it is too short to resist guessing
     */
    static boolean check(@Nullable String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        if (token.length() < MIN_LENGTH) {
            throw new ConfigurationException("NOKO_BOOTSTRAP_ADMIN_TOKEN has " + token.length() + " characters; it must have at least "
                    + MIN_LENGTH + " (for example: openssl rand -hex 24), or be unset");
        }
        return true;
    }

    /** Constant time; a match is logged as a warning at most once an hour. */
    boolean matches(String presented) {
        boolean matches = TokenSecrets.matches(hash, presented);
        long next = nextUseWarning.get();
        if (matches && System.nanoTime() - next >= 0 && nextUseWarning.compareAndSet(next, System.nanoTime() + USE_WARNING_INTERVAL)) {
            LOG.warn("The bootstrap admin token was used. " + WARNING);
        }
        return matches;
    }
}
