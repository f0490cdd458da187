package ru.noko.platform.seeds;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.noko.campaigns.CampaignRepository;
import ru.noko.campaigns.demo.DemoDataLoader;

/**
 * Before the server accepts requests: refresh reference data (regions, methodology catalogue)
 * and, on an empty database, load the demonstration region unless NOKO_DEMO_DATA=false.
 */
@Singleton
public class SeedOnStartup implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(SeedOnStartup.class);

    private final ReferenceData referenceData;
    private final CampaignRepository campaigns;
    private final DemoDataLoader demo;
    private final boolean demoEnabled;

    public SeedOnStartup(ReferenceData referenceData, CampaignRepository campaigns, DemoDataLoader demo,
                         @Value("${noko.demo-data:true}") boolean demoEnabled) {
        this.referenceData = referenceData;
        this.campaigns = campaigns;
        this.demo = demo;
        this.demoEnabled = demoEnabled;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        referenceData.refresh();
        if (demoEnabled && campaigns.count() == 0) {
            LOG.info("Empty database: loading the demonstration region (set NOKO_DEMO_DATA=false to skip)");
            demo.load();
        }
    }
}
