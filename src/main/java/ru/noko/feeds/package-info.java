/**
 * Following and finding published data without polling the API: Atom feeds (RFC 4287) of
 * publications, corrections and retractions — all regions, one region, one organization —,
 * sitemaps (sitemaps.org) of the public pages and {@code robots.txt}.
 *
 * <p>No event is recorded twice. A publication or a correction is a published row of
 * {@code campaign_revision} (revisions are never overwritten: revision 1 is the publication, every
 * later one a correction). A retraction is an audit-log entry {@code campaign.retract}, written in
 * the retracting transaction (a legal takedown of a published campaign retracts it through the same
 * path): the campaign row keeps only the latest retraction, and publishing again clears it. Only the
 * time, the campaign, its revision and the public reason are shown, never who retracted.
 */
package ru.noko.feeds;
