package ru.noko.opendata;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The publisher named in every passport (open data standard 3.0): its ИНН starts every dataset
 * identifier. Set these for a real deployment (NOKO_OPENDATA_PUBLISHER_INN, …).
 */
@ConfigurationProperties("noko.opendata")
public record OpenDataSettings(String publisherInn, String creator, String publisherName, String publisherPhone,
                               String publisherMbox, String license) {
}
