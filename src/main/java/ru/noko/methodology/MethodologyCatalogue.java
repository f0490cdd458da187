package ru.noko.methodology;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The methodologies known to the service, read from the catalogue files
 * ({@code data-seeds/methodology/*.csv}, on the classpath under {@code seeds/methodology/}).
 * Immutable and thread-safe once loaded.
 */
public final class MethodologyCatalogue {

    /** Classpath folder of the catalogue files. */
    public static final String CLASSPATH_FOLDER = "seeds/methodology/";

    private final List<Methodology> methodologies;

    private MethodologyCatalogue(List<Methodology> methodologies) {
        this.methodologies = List.copyOf(methodologies);
    }

    /**
     * Reads {@code seeds/methodology/{methodologies,criteria,indicators}.csv} (UTF-8) through the
     * context class loader.
     *
     * @throws CatalogueException when a file is missing or the catalogue is inconsistent
     */
    public static MethodologyCatalogue fromClasspath() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = MethodologyCatalogue.class.getClassLoader();
        }
        try (Reader methodologies = resource(loader, CatalogueReader.METHODOLOGIES_FILE);
             Reader criteria = resource(loader, CatalogueReader.CRITERIA_FILE);
             Reader indicators = resource(loader, CatalogueReader.INDICATORS_FILE)) {
            return fromReaders(methodologies, criteria, indicators);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the three catalogue files from the given readers; they are read to the end and closed.
     *
     * @throws CatalogueException listing every problem found
     */
    public static MethodologyCatalogue fromReaders(Reader methodologies, Reader criteria, Reader indicators) {
        return new MethodologyCatalogue(new CatalogueReader().read(methodologies, criteria, indicators));
    }

    /** All methodologies in file order. */
    public List<Methodology> methodologies() {
        return methodologies;
    }

    public Optional<Methodology> find(String code) {
        return methodologies.stream().filter(methodology -> methodology.code().equals(code)).findFirst();
    }

    /** The current methodology: the one with the latest {@code valid_from_year} (the first such in the file). */
    public Methodology defaultMethodology() {
        Methodology latest = methodologies.get(0);
        for (Methodology methodology : methodologies) {
            if (methodology.validFromYear() > latest.validFromYear()) {
                latest = methodology;
            }
        }
        return latest;
    }

    /**
     * The methodology a campaign of this year gets when it names none: of those in force that year
     * ({@link Methodology#inForce(int)}), the latest to come into force, the first such in the file.
     */
    public Optional<Methodology> forYear(int year) {
        Methodology chosen = null;
        for (Methodology methodology : methodologies) {
            if (methodology.inForce(year) && (chosen == null || methodology.validFromYear() > chosen.validFromYear())) {
                chosen = methodology;
            }
        }
        return Optional.ofNullable(chosen);
    }

    private static Reader resource(ClassLoader loader, String fileName) {
        InputStream stream = loader.getResourceAsStream(CLASSPATH_FOLDER + fileName);
        if (stream == null) {
            throw new CatalogueException(List.of("classpath resource " + CLASSPATH_FOLDER + fileName
                    + " not found"));
        }
        return new InputStreamReader(stream, StandardCharsets.UTF_8);
    }
}
