package ru.noko.feeds;

import ru.noko.explorer.PagePaths;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * An Atom feed (RFC 4287) of events. Ids are tag URIs (RFC 4151) under the host of the public base
 * URL, named by the campaign and the revision (or the retraction), so an entry keeps its id
 * whatever else changes; the ids do not depend on the path under which the service is published.
 */
final class AtomFeed {

    static final String NAMESPACE = "http://www.w3.org/2005/Atom";
    static final String CONTENT_TYPE = "application/atom+xml; charset=utf-8";
    /** The year in the tag URIs: fixed, or every id would change with it. */
    private static final String TAG_DATE = "2026";

    /**
     * @param selfPath      the feed's own path
     * @param alternatePath the page the feed follows
     * @param organizationId entries link this organization's page instead of the ratings page (null: the ratings page)
     */
    record Header(String key, String title, String selfPath, String alternatePath, Long organizationId) {
    }

    private AtomFeed() {
    }

    static String render(String base, Header header, List<FeedEvent> events) {
        String tag = "tag:" + host(base) + "," + TAG_DATE + ":noko/";
        Xml xml = new Xml("feed", NAMESPACE).attribute("xml:lang", "ru");
        xml.empty("link", "rel", "self", "type", "application/atom+xml", "href", base + header.selfPath());
        xml.empty("link", "rel", "alternate", "type", "text/html", "href", base + header.alternatePath());
        xml.text("id", tag + "feeds/" + header.key());
        xml.text("title", header.title());
        xml.text("subtitle", "Публикации, исправления и отзывы результатов независимой оценки качества условий "
                + "образовательной деятельности (НОКО)");
        xml.text("updated", events.isEmpty() ? Xml.time(Instant.EPOCH) : Xml.time(events.get(0).at()));
        xml.start("author").text("name", "НОКО: открытые данные").text("uri", base + "/").end();
        xml.text("generator", "NOKO Open Data");
        for (FeedEvent event : events) {
            entry(xml, base, tag, header, event);
        }
        return xml.finish();
    }

    private static void entry(Xml xml, String base, String tag, Header header, FeedEvent event) {
        String id = event.kind() == FeedEvent.Kind.RETRACTION
                ? "campaigns/" + event.campaignId() + "/retractions/" + event.retractionId()
                : "campaigns/" + event.campaignId() + "/revisions/" + event.revision();
        String page = header.organizationId() != null ? PagePaths.organization(header.organizationId())
                : PagePaths.ratings(event.regionCode(), event.year(), event.types().size() == 1 ? event.types().get(0) : null);
        String time = Xml.time(event.at());
        xml.start("entry");
        xml.text("id", tag + id);
        xml.text("title", EventTexts.title(event));
        xml.text("updated", time);
        xml.text("published", time);
        xml.empty("link", "rel", "alternate", "type", "text/html", "href", base + page);
        xml.empty("link", "rel", "related", "type", "application/json", "href", base + PagePaths.campaignJson(event.campaignId()));
        xml.empty("category", "term", event.kind().term(), "label", event.kind().label());
        xml.start("author").text("name", EventTexts.author(event)).end();
        xml.text("summary", EventTexts.summary(event));
        xml.end();
    }

    /** The host of the base URL, as a tag URI's authority needs it (no scheme, port or path). */
    static String host(String base) {
        String host = URI.create(base).getHost();
        return host == null ? "localhost" : host.toLowerCase(java.util.Locale.ROOT);
    }
}
