package ru.noko.platform.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Checks {@code Authorization: Bearer} tokens: the bootstrap admin token from the environment
 * ({@code NOKO_BOOTSTRAP_ADMIN_TOKEN}), then stored tokens. Hashes are compared in constant time;
 * the database is read on the blocking executor, never on the event loop.
 */
@Singleton
class BearerTokenValidator implements TokenValidator<HttpRequest<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(BearerTokenValidator.class);
    static final String BOOTSTRAP_NAME = "bootstrap-admin";

    private final byte[] bootstrapHash;
    private final ApiTokens tokens;
    private final ExecutorService blocking;

    BearerTokenValidator(@Nullable @Value("${noko.bootstrap-admin-token:}") String bootstrapToken, ApiTokens tokens,
                         @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        boolean configured = bootstrapToken != null && !bootstrapToken.isBlank();
        if (configured && bootstrapToken.length() < 16) {
            LOG.warn("NOKO_BOOTSTRAP_ADMIN_TOKEN is shorter than 16 characters: it is ignored");
            configured = false;
        }
        this.bootstrapHash = configured ? TokenSecrets.hash(bootstrapToken) : null;
        this.tokens = tokens;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, @Nullable HttpRequest<?> request) {
        if (token == null || token.isBlank()) {
            return Publishers.empty();
        }
        if (TokenSecrets.matches(bootstrapHash, token)) {
            return Publishers.just(new Caller(null, BOOTSTRAP_NAME, true, Set.of()).authentication());
        }
        if (TokenSecrets.idOf(token) == null) {
            return Publishers.empty();
        }
        return Publishers.fromCompletableFuture(() -> CompletableFuture
                .supplyAsync(() -> tokens.authenticate(token), blocking)
                .thenApply(caller -> caller.map(Caller::authentication).orElse(null)));
    }
}
