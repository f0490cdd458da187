package ru.noko.catalog;

import java.time.LocalDate;

/** The organization at the other end of a link, with the link's kind and effective date. */
public record LinkedOrganization(long id, String name, String inn, String regionCode, String kind, LocalDate date,
                                 String note) {
}
