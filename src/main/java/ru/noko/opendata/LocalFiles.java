package ru.noko.opendata;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * This node's copies of data files, named by their SHA-256: a name always holds the same bytes, so
 * nodes (or test contexts) sharing the directory, a copy made in a transaction that then rolled
 * back, or one left by an earlier database never serve a wrong file. Copies appear only whole (an
 * atomic rename of a checked temporary file). Runtime data: nothing here is ever committed.
 */
@Singleton
class LocalFiles {

    private final Path directory;

    LocalFiles(@Value("${noko.opendata.files-dir:}") String configured) {
        this.directory = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("java.io.tmpdir"), "noko-opendata-files") : Path.of(configured);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the open-data files directory " + directory, e);
        }
    }

    Optional<Path> find(String sha256) {
        Path file = path(sha256);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    Path temporary() {
        try {
            return Files.createTempFile(directory, "making-", ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes a checked temporary file the copy of the file with this checksum. */
    Path keep(Path temporary, String sha256) {
        try {
            return Files.move(temporary, path(sha256), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("Not a SHA-256: " + sha256);
        }
        return directory.resolve(sha256 + ".csv");
    }
}
