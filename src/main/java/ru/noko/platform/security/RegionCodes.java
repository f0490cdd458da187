package ru.noko.platform.security;

/**
 * Which region codes exist, so an operator token is scoped to real regions. The regions belong to
 * the catalogue feature, which implements this; security only asks.
 */
public interface RegionCodes {

    boolean exists(String code);
}
