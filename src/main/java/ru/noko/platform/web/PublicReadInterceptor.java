package ru.noko.platform.web;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
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

    private final PublicSnapshots snapshots;

    PublicReadInterceptor(PublicSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        PublicSnapshots.Read<Object> read = snapshots.read(() -> context.proceed(this)); // proceed(this): the read may run again on the primary
        ServerRequestContext.currentRequest().ifPresent(request -> request.setAttribute(SNAPSHOT_VERSION, read.version()));
        return read.value();
    }
}
