package org.vascalc.core.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of an input before anything runs, so that the user sees all of them at
 * once (style guide: "File loaders collect every problem and report them all at once").
 */
public final class InputProblems {

    private final List<InputProblem> problems = new ArrayList<>();

    public void add(InputProblem p) {
        problems.add(p);
    }

    public void error(String path, String message) {
        add(InputProblem.error(path, message));
    }

    public void warning(String path, String message) {
        add(InputProblem.warning(path, message));
    }

    public boolean hasErrors() {
        // a loop, not a stream: every simulation run asks once, nearly always of an empty list
        for (InputProblem p : problems) {
            if (p.severity() == InputProblem.Severity.ERROR) {
                return true;
            }
        }
        return false;
    }

    public List<InputProblem> all() {
        return List.copyOf(problems);
    }

    public List<InputProblem> warnings() {
        return problems.stream().filter(p -> p.severity() == InputProblem.Severity.WARNING).toList();
    }

    /** Throws {@link InvalidInputException} carrying every problem if any is an error. */
    public void throwIfErrors(String what) {
        if (hasErrors()) {
            throw new InvalidInputException(what, all());
        }
    }
}
