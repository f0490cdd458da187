package ru.noko.opendata;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Data files of releases, made once: their SHA-256 and size from the database, their bytes from this
 * node's copy, fetched from the database on first use and then read with no connection held.
 */
@Singleton
public class DatasetFiles {

    /** Checksum and size of a data file. */
    public record Fingerprint(String sha256, long bytes) {
    }

    private final FileStore store;
    private final LocalFiles locals;

    DatasetFiles(FileStore store, LocalFiles locals) {
        this.store = store;
        this.locals = locals;
    }

    /** The stored checksum; a file of a release older than V24 with none is made (and stored) now. */
    public Fingerprint fingerprint(Dataset dataset, Edition edition) {
        return store.stored(dataset, edition).map(FileStore.Stored::fingerprint)
                .orElseGet(() -> store.ensure(dataset, edition));
    }

    /** The file's bytes, from this node's copy (fetched, or for an old release made, first if missing). */
    public InputStream open(Dataset dataset, Edition edition, Fingerprint fingerprint) {
        Path local = locals.find(fingerprint.sha256())
                .or(() -> store.fetch(dataset, edition))
                .orElseGet(() -> {
                    store.ensure(dataset, edition);
                    return locals.find(fingerprint.sha256()).or(() -> store.fetch(dataset, edition)).orElseThrow();
                });
        try {
            return Files.newInputStream(local);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders a new version's file (in the transaction that makes it) for {@link #keep} or to be dropped. */
    FileStore.Rendered render(Dataset dataset, Edition edition) {
        return store.render(dataset, edition);
    }

    /** Stores a rendered file with the version that made it, in the same transaction. */
    void keep(Dataset dataset, Edition edition, FileStore.Rendered rendered) {
        store.save(dataset, edition, rendered, true);
    }
}
