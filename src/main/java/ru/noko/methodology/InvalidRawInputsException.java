package ru.noko.methodology;

import java.util.List;

/** Raw inputs failed validation; carries every problem found. */
final class InvalidRawInputsException extends RuntimeException {

    private final List<InputProblem> problems;

    public InvalidRawInputsException(List<InputProblem> problems) {
        super(problems.size() + " problem(s) in raw inputs: " + problems.stream()
                .map(problem -> problem.field() + ": " + problem.message())
                .reduce((a, b) -> a + "; " + b).orElse(""));
        this.problems = List.copyOf(problems);
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
