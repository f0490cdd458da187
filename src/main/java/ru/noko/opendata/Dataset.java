package ru.noko.opendata;

import java.util.List;
import java.util.Optional;

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

    /**
     * The structure date new releases are made with: the newest structure of any dataset. A
     * release records it, and each of its files takes the dataset's latest structure up to it.
     */
    String CURRENT_STRUCTURE = "20261207";

    /** The columns of a dataset with a single structure, or of the current one. */
    List<DatasetColumn> columns();

    /** Every structure of the dataset, oldest first; a new one only when the columns change. */
    default List<Structure> structures() {
        return List.of(new Structure(FIRST_STRUCTURE, columns()));
    }

    /** The structure new data versions get. */
    default Structure structure() {
        List<Structure> all = structures();
        return all.get(all.size() - 1);
    }

    /** The structure of the release's data file: the latest one not newer than the release's structure date. */
    default Structure structureOf(Release release) {
        Structure chosen = structures().get(0);
        for (Structure structure : structures()) {
            if (structure.version().compareTo(release.structure()) <= 0) {
                chosen = structure;
            }
        }
        return chosen;
    }

    default Optional<Structure> structure(String version) {
        return structures().stream().filter(s -> s.version().equals(version)).findFirst();
    }

    List<String> primaryKey();

    /** Region whose campaigns the dataset holds, or null for all regions. */
    default String regionCode() {
        return null;
    }

}
