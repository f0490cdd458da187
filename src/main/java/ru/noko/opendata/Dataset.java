package ru.noko.opendata;

import java.util.List;

/**
 * One open dataset: what it is (passport texts), its structure, and how its rows for a release
 * are written. Rows come out in a fixed order so a release's file is the same bytes every time.
 */
public interface Dataset {

    /** Latin code, the part of the identifier after the publisher's ИНН. */
    String code();

    String title();

    String description();

    String subject();

    /** The date of the columns as first published; a new structure gets a new date. */
    String FIRST_STRUCTURE = "20261123";

    /** Date (YYYYMMDD) of the current structure; changes only when the columns change. */
    default String structureVersion() {
        return FIRST_STRUCTURE;
    }

    List<DatasetColumn> columns();

    List<String> primaryKey();

    /** Region whose campaigns the dataset holds, or null for all regions. */
    default String regionCode() {
        return null;
    }

    default List<String> header() {
        return columns().stream().map(DatasetColumn::name).toList();
    }
}
