package ru.noko.opendata;

import java.time.OffsetDateTime;

/**
 * A frozen state of everything published. {@code version} is its data version, YYYYMMDDTHHMMSS
 * (UTC), the form the open data standard puts into data file names; {@code structure} the
 * structure date its files were made with (see {@link Dataset#structureOf(Release)}).
 */
public record Release(long id, String version, OffsetDateTime createdAt, String provenance, String structure) {

    /** The version's date, YYYYMMDD, as passports want it. */
    public String date() {
        return version.substring(0, 8);
    }
}
