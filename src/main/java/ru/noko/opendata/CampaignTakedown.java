package ru.noko.opendata;

import java.time.OffsetDateTime;

/** A campaign withdrawn from every open-data version by a legal takedown; the reason is public. */
public record CampaignTakedown(long id, long campaignId, String reason, OffsetDateTime at) {
}
