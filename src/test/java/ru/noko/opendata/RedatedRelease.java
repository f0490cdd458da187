package ru.noko.opendata;

import ru.noko.platform.database.Sql;

import java.util.List;

/**
 * A release made now but marked as made under an earlier structure, for tests of how earlier
 * releases keep their files; closing it puts the release back as it was made, so later tests of the
 * shared database never meet a release whose structure predates the data in it.
 */
final class RedatedRelease implements AutoCloseable {

    private final Sql sql;
    private final Release release;

    private RedatedRelease(Sql sql, Release release) {
        this.sql = sql;
        this.release = release;
    }

    static RedatedRelease as(Sql sql, Release release, String structure) {
        sql.update("UPDATE opendata_release SET structure = ? WHERE id = ?", List.of(structure, release.id()));
        // checksums are taken when a release is made, with the columns it had then
        sql.update("DELETE FROM opendata_file WHERE release_id = ?", List.of(release.id()));
        return new RedatedRelease(sql, release);
    }

    @Override
    public void close() {
        sql.update("UPDATE opendata_release SET structure = ? WHERE id = ?", List.of(release.structure(), release.id()));
        sql.update("DELETE FROM opendata_file WHERE release_id = ?", List.of(release.id()));
    }
}
