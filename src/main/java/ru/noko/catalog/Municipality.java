package ru.noko.catalog;

public record Municipality(String oktmo, String name, String kind, String regionCode, int organizationsCount) {
}
