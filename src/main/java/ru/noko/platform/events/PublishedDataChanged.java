package ru.noko.platform.events;

/**
 * Published data changed: a campaign revision was published or a campaign retracted. Fired inside
 * the changing transaction, so plain listeners take part in it (open-data releases) and
 * {@code @TransactionalEventListener(AFTER_COMMIT)} listeners run once it is committed (caches).
 *
 * @param provenance what changed, in Russian, as passports report it
 */
public record PublishedDataChanged(String provenance) {
}
