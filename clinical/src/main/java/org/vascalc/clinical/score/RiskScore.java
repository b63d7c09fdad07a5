package org.vascalc.clinical.score;

import org.vascalc.clinical.input.RiskInput;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.InvalidInputException;

/** A published risk equation as a pure function of {@link RiskInput}. */
public interface RiskScore {

    /** Short id used in JSON and on the command line, e.g. {@code "pce"}. */
    String id();

    /** Human name. */
    String name();

    /**
     * Adds this score's own problems with {@code input}: errors where it does not apply (age outside
     * its derivation range, a missing required value), warnings where it extrapolates.
     */
    void check(RiskInput input, InputProblems problems);

    /**
     * The estimate; throws {@link InvalidInputException} naming every field that makes the score
     * inapplicable. Warnings travel in the result.
     */
    RiskEstimate compute(RiskInput input);

    /** Runs the plausibility and the score's own checks; throws if any is an error. */
    default InputProblems validate(RiskInput input) {
        InputProblems problems = new InputProblems();
        input.checkPlausible(problems);
        check(input, problems);
        problems.throwIfErrors(name() + " input");
        return problems;
    }
}
