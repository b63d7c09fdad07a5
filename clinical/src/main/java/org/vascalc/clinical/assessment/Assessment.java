package org.vascalc.clinical.assessment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vascalc.clinical.cacdrs.CacDrsCategory;
import org.vascalc.clinical.input.RiskInput;
import org.vascalc.clinical.mesa.CacPercentile;
import org.vascalc.clinical.serial.SerialScanReport;
import org.vascalc.core.input.InputProblem;

/**
 * Everything the clinical module says about one person.
 *
 * @param input       the inputs as used (mg/dL, eGFR computed if creatinine was given)
 * @param notes       warnings about the input itself (assumed defaults, eGFR derivation)
 * @param scores      every risk score, computed or not applicable
 * @param percentile  MESA CAC percentile, when a score was given and the person is in MESA's range
 * @param percentileProblems why the percentile is absent, if a score was given
 * @param cacDrs      CAC-DRS label, when a score was given
 * @param serial      serial-scan interpretation, when two or more dated scans were given
 */
public record Assessment(RiskInput input, List<InputProblem> notes, List<ScoreOutcome> scores,
                         Optional<CacPercentile> percentile, List<InputProblem> percentileProblems,
                         Optional<CacDrsCategory> cacDrs, Optional<SerialScanReport> serial) {

    public Assessment {
        Objects.requireNonNull(input, "input");
        notes = List.copyOf(notes);
        scores = List.copyOf(scores);
        Objects.requireNonNull(percentile, "percentile");
        percentileProblems = List.copyOf(percentileProblems);
        Objects.requireNonNull(cacDrs, "cacDrs");
        Objects.requireNonNull(serial, "serial");
    }
}
