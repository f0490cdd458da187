package ru.noko.platform.web;

import io.micronaut.aop.Around;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public read: everything the method reads — and the published-data version its answer's ETag
 * and cache entry are named by — comes from one database snapshot (a read-only REPEATABLE READ
 * transaction), so an answer never mixes two revisions and no node labels new data with an old
 * version. Put it on the controllers of public routes. A cache hit never gets here: it is served
 * by {@link PublicCacheFilter} without touching the database.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Around
public @interface PublicRead {

    /**
     * Whether the answer may be kept in {@link StoredPages} and served from there: the method names
     * the answer's scope with {@link StoredPages#scope} (else it is not kept).
     */
    boolean stored() default false;
}
