package ru.noko.catalog;

/**
 * A subject of the federation. {@code code} is the subject code used in ИНН and ФИАС,
 * {@code okatoCode} the ОКАТО/ОКТМО prefix of the same subject.
 */
public record Region(String code, String okatoCode, String name, String federalDistrict, boolean demo,
                     int municipalitiesCount, int organizationsCount) {
}
