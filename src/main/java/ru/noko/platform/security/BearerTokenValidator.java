package ru.noko.platform.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Checks {@code Authorization: Bearer} tokens: the bootstrap admin token from the environment
 * ({@link BootstrapAdminToken}), then stored tokens. Failures are limited per client address by
 * {@link FailedAuthenticationFilter}. Hashes are compared in constant time;
 * the database is read on the blocking executor, never on the event loop.
 */
@Singleton
class BearerTokenValidator implements TokenValidator<HttpRequest<?>> {

    static final String BOOTSTRAP_NAME = "bootstrap-admin";

    private final BootstrapAdminToken bootstrap;
    private final ApiTokens tokens;
    private final ExecutorService blocking;

    BearerTokenValidator(BootstrapAdminToken bootstrap, ApiTokens tokens, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.bootstrap = bootstrap;
        this.tokens = tokens;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, @Nullable HttpRequest<?> request) {
        if (token == null || token.isBlank()) {
            return Publishers.empty();
        }
        if (bootstrap.matches(token)) {
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
