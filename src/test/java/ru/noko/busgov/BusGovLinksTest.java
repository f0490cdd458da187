package ru.noko.busgov;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BusGovLinksTest {

    @Test
    void onlyAPublishedCampaignLinksToItsExport() {
        assertEquals(Optional.of("/api/v1/admin/campaigns/12/exports/busgov"), BusGovLinks.exportLink(12, "published", 3));
        assertEquals(Optional.empty(), BusGovLinks.exportLink(12, "draft", null));
        assertEquals(Optional.empty(), BusGovLinks.exportLink(12, "retracted", 3));
    }
}
