package ru.noko.opendata;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.noko.catalog.Region;
import ru.noko.catalog.RegionRepository;

import java.util.ArrayList;
import java.util.List;

/**
 * The publisher details of {@link OpenDataSettings} that are still the shipped placeholders (ИНН
 * {@code 0000000000}, …). Harmless on demonstration data; once a real region's data is published
 * they would go into every passport and identifier, so they are flagged in the log and in the registry.
 */
@Singleton
public class PublisherPlaceholders {

    private static final Logger LOG = LoggerFactory.getLogger(PublisherPlaceholders.class);
    /** The default of noko.opendata.publisher-name in application.yml. */
    private static final String PLACEHOLDER_NAME = "Ответственный за открытые данные";

    private final OpenDataSettings settings;
    private final ReleaseRepository releases;
    private final RegionRepository regions;

    PublisherPlaceholders(OpenDataSettings settings, ReleaseRepository releases, RegionRepository regions) {
        this.settings = settings;
        this.releases = releases;
        this.regions = regions;
    }

    /** Passport properties whose values are placeholders, in the passport's order; empty when all are real. */
    public List<String> properties() {
        List<String> found = new ArrayList<>();
        if (settings.publisherInn() == null || settings.publisherInn().matches("0+")) {
            found.add("publisherinn");
        }
        if (settings.publisherName() == null || settings.publisherName().isBlank() || settings.publisherName().equals(PLACEHOLDER_NAME)) {
            found.add("publishername");
        }
        if (settings.publisherPhone() == null || settings.publisherPhone().matches("\\+?[0-9]0+")) {
            found.add("publisherphone");
        }
        if (settings.publisherMbox() == null || settings.publisherMbox().matches("(?i).*@example\\.(org|com|net)")) {
            found.add("publishermbox");
        }
        return found;
    }

    /** Placeholders that matter: some are left and a real (not demonstration) region has published data. */
    public List<String> flagged() {
        List<String> found = properties();
        return !found.isEmpty() && realDataPublished() ? found : List.of();
    }

    void warnIfRealData() {
        List<String> found = flagged();
        if (!found.isEmpty()) {
            LOG.warn("Open data of a real region is published with placeholder publisher details {}: "
                    + "set NOKO_OPENDATA_PUBLISHER_INN, NOKO_OPENDATA_PUBLISHER_NAME, NOKO_OPENDATA_PUBLISHER_PHONE "
                    + "and NOKO_OPENDATA_PUBLISHER_MBOX", found);
        }
    }

    private boolean realDataPublished() {
        return releases.regionsEverPublished().stream()
                .anyMatch(code -> regions.findByCode(code).map(region -> !region.demo()).orElse(false));
    }
}
