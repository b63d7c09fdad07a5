package org.vascalc.clinical.assessment;

import java.util.List;
import org.vascalc.clinical.score.RiskEstimate;
import org.vascalc.core.input.InputProblem;

/**
 * One score in an assessment: computed; not computed because a factor it needs was not given (a CT report
 * alone: the percentile without lipids or blood pressure); or not applicable to this person, with the reasons.
 */
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

    /**
     * The score was not computed: {@code needs} lists, one error each at its key ({@code totalCholesterol},
     * {@code hdlCholesterol}, {@code systolicBp}), the factors it needs and the input lacks, with unit and range.
     */
    record NotComputed(String id, String name, List<InputProblem> needs) implements ScoreOutcome {
        public NotComputed {
            needs = List.copyOf(needs);
            if (needs.isEmpty()) {
                throw new IllegalArgumentException("a score not computed needs at least one factor");
            }
        }
    }

    record NotApplicable(String id, String name, List<InputProblem> reasons) implements ScoreOutcome {
        public NotApplicable {
            reasons = List.copyOf(reasons);
        }
    }
}
