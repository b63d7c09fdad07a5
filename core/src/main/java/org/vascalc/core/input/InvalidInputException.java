package org.vascalc.core.input;

import java.util.List;

/**
 * A user's input cannot be used. Carries every problem found; the CLI prints them without a stack
 * trace and exits with status 1.
 */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The indentation of a problem's later lines (under "  error: "'s text). */
    static final String CONTINUATION = "      ";

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
        long errors = problems.stream().filter(p -> p.severity() == InputProblem.Severity.ERROR).count();
        // the warnings are listed too: "has 2 problems:" over four lines read as a miscount
        long warnings = problems.size() - errors;
        // "1 problem", "2 problems" (review9: "has 1 problem(s)" was the first line of every refused input)
        StringBuilder sb = new StringBuilder(what).append(" has ").append(count(errors, "problem"))
                .append(warnings > 0 ? " and " + count(warnings, "warning") : "").append(':');
        for (InputProblem p : problems) {
            // a parser's message runs over several lines (the text and a caret under the column):
            // its later lines go under the first one's text, not at the margin beside "error:"
            sb.append("\n  ").append(p.toString().replace("\n", "\n" + CONTINUATION));
        }
        return sb.toString();
    }

    /** "1 problem", "3 problems". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
