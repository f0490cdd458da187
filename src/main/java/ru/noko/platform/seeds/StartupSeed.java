package ru.noko.platform.seeds;

import io.micronaut.core.order.Ordered;

/**
 * Something a feature writes into the database before the server accepts requests (its reference
 * data, demonstration data). Seeds run in {@link #getOrder()} order, lowest first.
 */
public interface StartupSeed extends Ordered {

    void seed();
}
