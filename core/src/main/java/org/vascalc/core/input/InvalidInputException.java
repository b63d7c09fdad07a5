package org.vascalc.core.input;

import java.util.List;

/**
 * A user's input cannot be used. Carries every problem found; the CLI prints them without a stack
 * trace and exits with status 1.
 */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<InputProblem> problems;

    public InvalidInputException(String what, List<InputProblem> problems) {
        super(format(what, problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String what, InputProblem problem) {
        this(what, List.of(problem));
    }

    public List<InputProblem> problems() {
        return problems;
    }

    private static String format(String what, List<InputProblem> problems) {
        StringBuilder sb = new StringBuilder(what).append(" has ")
                .append(problems.stream().filter(p -> p.severity() == InputProblem.Severity.ERROR).count())
                .append(" problem(s):");
        for (InputProblem p : problems) {
            sb.append("\n  ").append(p);
        }
        return sb.toString();
    }
}
