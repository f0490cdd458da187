package ru.noko.opendata;

import java.time.OffsetDateTime;

/**
 * A frozen state of everything published. {@code version} is its data version, YYYYMMDDTHHMMSS
 * (UTC), the form the open data standard puts into data file names.
 */
public record Release(long id, String version, OffsetDateTime createdAt, String provenance) {

    /** The version's date, YYYYMMDD, as passports want it. */
    public String date() {
        return version.substring(0, 8);
    }
}
