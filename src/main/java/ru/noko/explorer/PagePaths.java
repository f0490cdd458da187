package ru.noko.explorer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one home of the public pages' paths (and of the feeds and sitemaps that point at them): the
 * explorer's pages link with these, and feeds and sitemaps name the pages with these. Every path
 * starts with a slash; absolute URLs prepend the public base URL.
 */
public final class PagePaths {

    private PagePaths() {
    }

    public static String home() {
        return "/";
    }

    public static String regions() {
        return "/regions";
    }

    public static String methodology() {
        return "/methodology";
    }

    public static String region(String code) {
        return "/regions/" + code;
    }

    /** The ranking of one campaign scope; {@code type} null: the campaign covers several types or all. */
    public static String ratings(String regionCode, int year, String type) {
        return "/regions/" + regionCode + "/ratings?year=" + year
                + (type == null ? "" : "&type=" + URLEncoder.encode(type, StandardCharsets.UTF_8));
    }

    public static String compare(String organizationIds) {
        return "/compare?organizations=" + organizationIds;
    }

    public static String organization(long id) {
        return "/organizations/" + id;
    }

    public static String campaignJson(long id) {
        return "/api/v1/campaigns/" + id;
    }

    public static String publicationsFeed() {
        return "/feeds/publications.atom";
    }

    public static String regionFeed(String code) {
        return "/feeds/regions/" + code + ".atom";
    }

    public static String organizationFeed(long id) {
        return "/feeds/organizations/" + id + ".atom";
    }

    public static String sitemapIndex() {
        return "/sitemap.xml";
    }

    public static String staticSitemap() {
        return "/sitemaps/static.xml";
    }

    public static String regionsSitemap() {
        return "/sitemaps/regions.xml";
    }

    public static String organizationsSitemap(int n) {
        return "/sitemaps/organizations-" + n + ".xml";
    }
}
