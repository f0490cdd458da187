package ru.noko.busgov;

import ru.noko.methodology.CalculationSettings;

import java.time.OffsetDateTime;

/** The published revision of a campaign, as the export describes it. */
record ExportedCampaign(long id, int revision, String title, String regionCode, String regionName, int year,
                        OffsetDateTime publishedAt, String methodologyCode, CalculationSettings settings,
                        String operatorName, String councilProtocol, boolean demo) {
}
