package ru.noko.feeds.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import ru.noko.api.FeedsApi;
import ru.noko.feeds.Feeds;
import ru.noko.feeds.Robots;
import ru.noko.feeds.Sitemaps;
import ru.noko.platform.web.ApiProblemException;
import ru.noko.platform.web.PublicRead;

/**
 * Atom feeds, sitemaps and robots.txt. Caching (ETag, 304, bodies kept until published data
 * changes) and CORS are the public routes' filters'; reads of published data run in one snapshot.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class FeedsController implements FeedsApi {

    private final Feeds feeds;
    private final Sitemaps sitemaps;
    private final Robots robots;

    FeedsController(Feeds feeds, Sitemaps sitemaps, Robots robots) {
        this.feeds = feeds;
        this.sitemaps = sitemaps;
        this.robots = robots;
    }

    @Override
    @PublicRead
    public HttpResponse<String> getPublicationsFeed() {
        return HttpResponse.ok(feeds.publications()).contentType(Feeds.CONTENT_TYPE);
    }

    @Override
    @PublicRead
    public HttpResponse<String> getRegionFeed(String code) {
        String feed = feeds.region(code).orElseThrow(() -> ApiProblemException.notFound("Регион с кодом " + code + " не найден"));
        return HttpResponse.ok(feed).contentType(Feeds.CONTENT_TYPE);
    }

    @Override
    @PublicRead
    public HttpResponse<String> getOrganizationFeed(Long id) {
        String feed = feeds.organization(id).orElseThrow(() -> ApiProblemException.notFound("Организация " + id + " не найдена"));
        return HttpResponse.ok(feed).contentType(Feeds.CONTENT_TYPE);
    }

    @Override
    @PublicRead
    public HttpResponse<String> getSitemapIndex() {
        return HttpResponse.ok(sitemaps.index()).contentType(Sitemaps.CONTENT_TYPE);
    }

    @Override
    public HttpResponse<String> getStaticSitemap() {
        return HttpResponse.ok(sitemaps.staticPages()).contentType(Sitemaps.CONTENT_TYPE);
    }

    @Override
    @PublicRead
    public HttpResponse<String> getRegionsSitemap() {
        return HttpResponse.ok(sitemaps.regions()).contentType(Sitemaps.CONTENT_TYPE);
    }

    @Override
    @PublicRead
    public HttpResponse<String> getOrganizationsSitemap(Integer n) {
        String sitemap = sitemaps.organizations(n).orElseThrow(() -> ApiProblemException.notFound(
                "В файле карты сайта " + n + " нет организаций с опубликованными результатами"));
        return HttpResponse.ok(sitemap).contentType(Sitemaps.CONTENT_TYPE);
    }

    @Override
    public HttpResponse<String> getRobots() {
        return HttpResponse.ok(robots.text()).contentType(Robots.CONTENT_TYPE);
    }
}
