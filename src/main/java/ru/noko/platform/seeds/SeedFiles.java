package ru.noko.platform.seeds;

import ru.noko.platform.csv.CsvRecords;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the seed files that the build copies from data-seeds/ to the classpath under seeds/. */
public final class SeedFiles {

    private SeedFiles() {
    }

    public static List<CsvRecords.Row> read(String relativePath) {
        String resource = "seeds/" + relativePath;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing seed file " + resource);
            }
            return CsvRecords.read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
