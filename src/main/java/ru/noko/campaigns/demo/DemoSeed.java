package ru.noko.campaigns.demo;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.noko.campaigns.CampaignRepository;
import ru.noko.platform.seeds.StartupSeed;

/** On an empty database, loads the demonstration region unless NOKO_DEMO_DATA=false. */
@Singleton
class DemoSeed implements StartupSeed {

    /** After the reference data (regions, methodology) that the demonstration campaigns use. */
    private static final int ORDER = 100;
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeed.class);

    private final CampaignRepository campaigns;
    private final DemoDataLoader demo;
    private final boolean enabled;

    DemoSeed(CampaignRepository campaigns, DemoDataLoader demo, @Value("${noko.demo-data:true}") boolean enabled) {
        this.campaigns = campaigns;
        this.demo = demo;
        this.enabled = enabled;
    }

    @Override
    public void seed() {
        if (enabled && campaigns.count() == 0) {
            LOG.info("Empty database: loading the demonstration region (set NOKO_DEMO_DATA=false to skip)");
            demo.load();
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
