package ru.noko.platform.web;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cached entries weigh what they hold: key, body and the headers kept with them. */
class PublicCacheWeightTest {

    @Test
    void headersCountTowardTheWeight() {
        byte[] body = new byte[1000];
        int plain = PublicCache.weight("key", new PublicCache.Entry("application/json", body, Map.of()));
        String link = "</api/v1/ratings?page=1>; rel=\"first\", " + "x".repeat(5000);
        int withLink = PublicCache.weight("key", new PublicCache.Entry("application/json", body, Map.of("Link", link)));
        assertEquals(plain + "Link".length() + link.length(), withLink);
        assertEquals(3 + 1000 + "application/json".length(), plain);
    }
}
