package ru.noko.methodology;

import java.util.List;

/** The catalogue files are unreadable or inconsistent; lists every problem found. */
final class CatalogueException extends RuntimeException {

    private final List<String> problems;

    public CatalogueException(List<String> problems) {
        super("Methodology catalogue is invalid:\n - " + String.join("\n - ", problems));
        this.problems = List.copyOf(problems);
    }

    public CatalogueException(String problem, Throwable cause) {
        super("Methodology catalogue is invalid: " + problem, cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }
}
