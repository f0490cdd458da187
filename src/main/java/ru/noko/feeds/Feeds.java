package ru.noko.feeds;

import ru.noko.explorer.PagePaths;
import jakarta.inject.Singleton;
import ru.noko.catalog.OrganizationRepository;
import ru.noko.catalog.RegionRepository;
import ru.noko.platform.web.PublicBaseUrl;

import java.util.Optional;

/** The three feeds, rendered; empty when the region or organization does not exist. */
@Singleton
public class Feeds {

    public static final String CONTENT_TYPE = AtomFeed.CONTENT_TYPE;
    /** Entries per feed: the latest events, as feed readers poll often. */
    static final int LIMIT = 50;
    private static final String TITLE = "НОКО: публикации, исправления и отзывы результатов";

    private final FeedEvents events;
    private final RegionRepository regions;
    private final OrganizationRepository organizations;
    private final PublicBaseUrl baseUrl;

    Feeds(FeedEvents events, RegionRepository regions, OrganizationRepository organizations, PublicBaseUrl baseUrl) {
        this.events = events;
        this.regions = regions;
        this.organizations = organizations;
        this.baseUrl = baseUrl;
    }

    public String publications() {
        AtomFeed.Header header = new AtomFeed.Header("publications", TITLE + " — все регионы",
                PagePaths.publicationsFeed(), PagePaths.home(), null);
        return AtomFeed.render(baseUrl.current(), header, events.latest(FeedScope.all(), LIMIT));
    }

    public Optional<String> region(String code) {
        return regions.findByCode(code).map(region -> AtomFeed.render(baseUrl.current(),
                new AtomFeed.Header("regions/" + code, TITLE + " — " + region.name(), PagePaths.regionFeed(code),
                        PagePaths.region(code), null),
                events.latest(FeedScope.region(code), LIMIT)));
    }

    public Optional<String> organization(long id) {
        return organizations.findById(id).map(organization -> AtomFeed.render(baseUrl.current(),
                new AtomFeed.Header("organizations/" + id, TITLE + " — " + organization.name(),
                        PagePaths.organizationFeed(id), PagePaths.organization(id), id),
                events.latest(FeedScope.organization(id), LIMIT)));
    }
}
