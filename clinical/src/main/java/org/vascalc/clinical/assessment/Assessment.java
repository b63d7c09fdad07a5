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
 * @param scores      every risk score, computed, not computed (a factor it needs not given) or not applicable
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

    /** Whether any risk score was left uncomputed for want of a factor ({@link ScoreOutcome.NotComputed}). */
    public boolean anyScoreNotComputed() {
        return scores.stream().anyMatch(s -> s instanceof ScoreOutcome.NotComputed);
    }

    /**
     * The factors the scores not computed need, each key once in the order first met (with its unit and range in
     * the message of its first appearance); empty when every score had what it needs.
     */
    public List<InputProblem> factorsNeeded() {
        java.util.Map<String, InputProblem> byKey = new java.util.LinkedHashMap<>();
        for (ScoreOutcome s : scores) {
            if (s instanceof ScoreOutcome.NotComputed n) {
                n.needs().forEach(p -> byKey.putIfAbsent(p.path(), p));
            }
        }
        return List.copyOf(byKey.values());
    }
}
