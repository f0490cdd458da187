package ru.noko.catalog;

import java.time.LocalDate;

/**
 * An organization an organization continues, directly ({@code depth} 1) or through a chain of links;
 * {@code kind} and {@code date} are those of the link that leads to it.
 */
public record Predecessor(long organizationId, String kind, LocalDate date, int depth) {
}
