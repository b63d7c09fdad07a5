package org.vascalc.clinical.assessment;

import java.util.List;
import org.vascalc.clinical.score.RiskEstimate;
import org.vascalc.core.input.InputProblem;

/** One score in an assessment: computed, or not applicable to this person with the reasons. */
public sealed interface ScoreOutcome {

    String id();

    String name();

    record Computed(RiskEstimate estimate) implements ScoreOutcome {
        @Override
        public String id() {
            return estimate.score();
        }

        @Override
        public String name() {
            return estimate.name();
        }
    }

    record NotApplicable(String id, String name, List<InputProblem> reasons) implements ScoreOutcome {
        public NotApplicable {
            reasons = List.copyOf(reasons);
        }
    }
}
