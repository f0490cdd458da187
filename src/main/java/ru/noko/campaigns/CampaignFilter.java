package ru.noko.campaigns;

/** Filters of the public campaign list; null means "any". {@code type} is an organization type code. */
public record CampaignFilter(String region, Integer year, String type) {
}
