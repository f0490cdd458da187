package ru.noko.platform.web;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

/**
 * Runs a {@link PublicRead} method in one snapshot ({@link PublicSnapshots}) and leaves the
 * snapshot's data version on the request, where {@link PublicCacheFilter} names the ETag and the
 * cache entry by it.
 */
@Singleton
@InterceptorBean(PublicRead.class)
class PublicReadInterceptor implements MethodInterceptor<Object, Object> {

    static final String SNAPSHOT_VERSION = PublicReadInterceptor.class.getName() + ".version";
    /** The answer came from {@link StoredPages}: the stored entry. */
    static final String FROM_STORE = PublicReadInterceptor.class.getName() + ".from-store";
    /** The answer may be kept in {@link StoredPages}. */
    static final String STORABLE = PublicReadInterceptor.class.getName() + ".storable";

    private final PublicSnapshots snapshots;
    private final StoredPages storedPages;

    PublicReadInterceptor(PublicSnapshots snapshots, StoredPages storedPages) {
        this.snapshots = snapshots;
        this.storedPages = storedPages;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        HttpRequest<?> request = ServerRequestContext.currentRequest().orElse(null);
        PublicCacheFilter.Lookup lookup = request == null || !storedPages.enabled()
                || !context.booleanValue(PublicRead.class, "stored").orElse(false) ? null : PublicCacheFilter.lookupOf(request);
        if (lookup != null) {
            StoredPages.Found found = storedPages.find(request, lookup.storedKey());
            if (found.page().isPresent()) {
                request.setAttribute(SNAPSHOT_VERSION, found.version());
                request.setAttribute(FROM_STORE, found.page().get());
                return PublicCacheFilter.answer(found.page().get());
            }
            request.setAttribute(STORABLE, true);
        }
        PublicSnapshots.Read<Object> read = snapshots.read(() -> context.proceed(this)); // proceed(this): the read may run again on the primary
        if (request != null) {
            request.setAttribute(SNAPSHOT_VERSION, read.version());
        }
        return read.value();
    }
}
