package ru.noko.feeds;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Paths of the public pages and API routes that feeds and sitemaps point at (the pages themselves
 * belong to the explorer). Every path starts with a slash; callers prepend the public base URL.
 */
final class PageUrls {

    private PageUrls() {
    }

    static String home() {
        return "/";
    }

    static String regions() {
        return "/regions";
    }

    static String methodology() {
        return "/methodology";
    }

    static String region(String code) {
        return "/regions/" + code;
    }

    /** The ranking of one campaign scope; {@code type} null: the campaign covers several types or all. */
    static String ratings(String regionCode, int year, String type) {
        return "/regions/" + regionCode + "/ratings?year=" + year
                + (type == null ? "" : "&type=" + URLEncoder.encode(type, StandardCharsets.UTF_8));
    }

    static String organization(long id) {
        return "/organizations/" + id;
    }

    static String campaignJson(long id) {
        return "/api/v1/campaigns/" + id;
    }

    static String publicationsFeed() {
        return "/feeds/publications.atom";
    }

    static String regionFeed(String code) {
        return "/feeds/regions/" + code + ".atom";
    }

    static String organizationFeed(long id) {
        return "/feeds/organizations/" + id + ".atom";
    }

    static String sitemapIndex() {
        return "/sitemap.xml";
    }

    static String staticSitemap() {
        return "/sitemaps/static.xml";
    }

    static String regionsSitemap() {
        return "/sitemaps/regions.xml";
    }

    static String organizationsSitemap(int n) {
        return "/sitemaps/organizations-" + n + ".xml";
    }
}
