package org.vascalc.clinical.score;

import java.util.List;
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

    /**
     * The risk factors (keys of {@link RiskInput#RISK_FACTOR_KEYS}) this score cannot do without; an input
     * lacking any of them is not computed ({@link #notGiven}), whatever else it carries. Age, sex and race every
     * input has.
     */
    default List<String> needs() {
        return RiskInput.RISK_FACTOR_KEYS;
    }

    /**
     * The factors of {@link #needs} that {@code input} lacks, each as an error at its key saying "not computed:
     * NAME needs total cholesterol (50 to 700 mg/dL)"; empty when the score can be computed from what is given.
     */
    default List<org.vascalc.core.input.InputProblem> notGiven(RiskInput input) {
        return input.missing(needs()).stream().map(key -> org.vascalc.core.input.InputProblem.error(key,
                "not computed: " + name() + " needs " + RiskInput.rangeOf(key).field() + " ("
                        + RiskInput.rangeOf(key).allowed() + ")")).toList();
    }

    /** Runs the plausibility and the score's own checks; throws if any is an error. */
    default InputProblems validate(RiskInput input) {
        InputProblems problems = new InputProblems();
        input.checkPlausible(problems);
        // a factor not given is named with the implausible values, without the score's own checks (which read only
        // the values given); a full input is checked as before, every problem in one answer
        List<org.vascalc.core.input.InputProblem> notGiven = notGiven(input);
        if (!notGiven.isEmpty()) {
            notGiven.forEach(problems::add);
            problems.throwIfErrors(name() + " input");
        }
        check(input, problems);
        problems.throwIfErrors(name() + " input");
        return problems;
    }
}
