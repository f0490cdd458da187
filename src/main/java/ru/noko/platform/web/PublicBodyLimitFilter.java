package ru.noko.platform.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Bounds the bodies of public routes (the calculator): at most {@code noko.public-max-request-size}
 * (64 KB) — 413 beyond — and, for JSON, at most {@value #MAX_JSON_DEPTH} levels of nesting — 400
 * beyond. Only the operations that need a bearer token (admin uploads) keep the server-wide
 * {@code micronaut.server.max-request-size}.
 *
 * <p>A declared {@code Content-Length} over the limit is refused before a byte of the body is read;
 * a body of unknown length is counted as it arrives and refused as soon as it passes the limit, so
 * at most the limit and one network chunk are ever held. The filter reads a split of the body; the
 * original, buffered within the limit, still goes to the controller.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class PublicBodyLimitFilter implements Ordered {

    static final int MAX_JSON_DEPTH = 32;

    private final ContractParameters contract;
    private final long limit;

    PublicBodyLimitFilter(ContractParameters contract,
                          @Value("${noko.public-max-request-size:64KB}") @ReadableBytes long limit) {
        this.contract = contract;
        this.limit = limit;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    @RequestFilter
    CompletableFuture<HttpRequest<?>> limit(HttpRequest<?> request) {
        if (!HttpMethod.permitsRequestBody(request.getMethod()) || request.getContentLength() == 0 || !isPublic(request)) {
            return CompletableFuture.completedFuture(request);
        }
        if (request.getContentLength() > limit) {
            return CompletableFuture.failedFuture(tooLarge());
        }
        boolean json = request.getContentType().map(type -> type.getSubtype().toLowerCase(java.util.Locale.ROOT)
                .endsWith("json")).orElse(false);
        if (!(request instanceof ServerHttpRequest<?> server) || (!json && request.getContentLength() > 0)) {
            return CompletableFuture.completedFuture(request);
        }
        CompletableFuture<HttpRequest<?>> checked = new CompletableFuture<>();
        server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).toByteArrayPublisher()
                .subscribe(new Meter(request, json, checked));
        return checked;
    }

    private boolean isPublic(HttpRequest<?> request) {
        RequestParameters parameters = RequestParameters.of(request);
        // no route: the body is discarded unread, but the limit costs nothing there
        return parameters == null || !contract.declares(request.getMethodName(), parameters.template())
                || contract.isPublic(request.getMethodName(), parameters.template());
    }

    private ApiProblemException tooLarge() {
        return new ApiProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, ProblemTypes.TOO_LARGE, "Request Entity Too Large",
                "The body is larger than " + limit + " bytes, the limit of public routes", List.of());
    }

    private static ApiProblemException tooDeep() {
        return ApiProblemException.invalid("The body is nested too deeply", List.of(FieldProblem.ofField("body", "too_deep",
                "Тело запроса — некорректный JSON: вложенность глубже " + MAX_JSON_DEPTH + " уровней")));
    }

    /** Counts the bytes (and JSON nesting) as they arrive; pulls one chunk at a time. */
    private final class Meter implements Subscriber<byte[]> {

        private final HttpRequest<?> request;
        private final JsonDepth depth;
        private final CompletableFuture<HttpRequest<?>> checked;
        private Subscription subscription;
        private long count;

        Meter(HttpRequest<?> request, boolean json, CompletableFuture<HttpRequest<?>> checked) {
            this.request = request;
            this.depth = json ? new JsonDepth(MAX_JSON_DEPTH) : null;
            this.checked = checked;
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(byte[] bytes) {
            if (checked.isDone()) {
                return;
            }
            count += bytes.length;
            if (count > limit) {
                stop(tooLarge());
            } else if (depth != null && !depth.accept(bytes)) {
                stop(tooDeep());
            } else {
                subscription.request(1);
            }
        }

        private void stop(ApiProblemException problem) {
            subscription.cancel();
            checked.completeExceptionally(problem);
        }

        @Override
        public void onError(Throwable t) {
            checked.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            checked.complete(request);
        }
    }

    /**
     * Nesting depth of a JSON text read in pieces: brackets outside strings. Structural characters
     * are ASCII and never part of a multi-byte UTF-8 sequence, so bytes suffice.
     */
    static final class JsonDepth {

        private final int max;
        private int depth;
        private boolean inString;
        private boolean escaped;

        JsonDepth(int max) {
            this.max = max;
        }

        /** @return false once the nesting passed the maximum */
        boolean accept(byte[] bytes) {
            for (byte b : bytes) {
                if (inString) {
                    if (escaped) {
                        escaped = false;
                    } else if (b == '\\') {
                        escaped = true;
                    } else if (b == '"') {
                        inString = false;
                    }
                } else if (b == '"') {
                    inString = true;
                } else if (b == '{' || b == '[') {
                    if (++depth > max) {
                        return false;
                    }
                } else if (b == '}' || b == ']') {
                    depth--;
                }
            }
            return true;
        }
    }
}
