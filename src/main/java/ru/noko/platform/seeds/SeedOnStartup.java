package ru.noko.platform.seeds;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.order.OrderUtil;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/** Runs the seeds that features register, in their order, before the server accepts requests. */
@Singleton
class SeedOnStartup implements ApplicationEventListener<StartupEvent> {

    private final List<StartupSeed> seeds;

    SeedOnStartup(List<StartupSeed> seeds) {
        this.seeds = new ArrayList<>(seeds);
        OrderUtil.sort(this.seeds);
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        seeds.forEach(StartupSeed::seed);
    }
}
