package org.vascalc.clinical.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vascalc.clinical.cacdrs.CacDrs;
import org.vascalc.clinical.cacdrs.CacDrsCategory;
import org.vascalc.clinical.input.RiskInput;
import org.vascalc.clinical.mesa.CacPercentile;
import org.vascalc.clinical.mesa.MesaCacPercentile;
import org.vascalc.clinical.mesa.MesaChdRisk;
import org.vascalc.clinical.pce.PooledCohortEquations;
import org.vascalc.clinical.pce.RevisedPooledCohortEquations;
import org.vascalc.clinical.prevent.Prevent;
import org.vascalc.clinical.score.RiskScore;
import org.vascalc.clinical.serial.Scan;
import org.vascalc.clinical.serial.SerialContext;
import org.vascalc.clinical.serial.SerialScanReport;
import org.vascalc.clinical.serial.SerialScans;
import org.vascalc.core.input.InputProblem;
import org.vascalc.core.input.InputProblems;
import org.vascalc.core.input.InvalidInputException;

/**
 * Runs every score that applies to a person. Implausible input (e.g. a negative cholesterol) stops
 * everything with all problems listed; a score whose own range excludes the person (e.g. PCE at age
 * 35) is reported as not applicable with the reason, and the others are still computed. A score
 * needing a factor the input lacks (lipids or blood pressure not given: a CT report alone) is reported
 * as not computed with what it needs; the CAC percentile and CAC-DRS need only age, sex, race and the score.
 */
public final class ClinicalAssessment {

    private ClinicalAssessment() {
    }

    /** The scores, in the order they are reported. */
    public static List<RiskScore> scores() {
        List<RiskScore> all = new ArrayList<>();
        all.add(MesaChdRisk.withoutCac());
        all.add(MesaChdRisk.withCac());
        all.add(new PooledCohortEquations());
        all.add(new RevisedPooledCohortEquations());
        all.addAll(Prevent.all());
        return List.copyOf(all);
    }

    public static Assessment assess(RiskInput input, List<InputProblem> notes, List<Scan> scans, SerialContext context) {
        InputProblems plausible = new InputProblems();
        input.checkPlausible(plausible);
        plausible.throwIfErrors("patient");
        List<ScoreOutcome> outcomes = new ArrayList<>();
        for (RiskScore score : scores()) {
            List<InputProblem> notGiven = score.notGiven(input);
            if (!notGiven.isEmpty()) {
                outcomes.add(new ScoreOutcome.NotComputed(score.id(), score.name(), notGiven));
                continue;
            }
            InputProblems own = new InputProblems();
            score.check(input, own);
            if (own.hasErrors()) {
                outcomes.add(new ScoreOutcome.NotApplicable(score.id(), score.name(),
                        own.all().stream().filter(p -> p.severity() == InputProblem.Severity.ERROR).toList()));
            } else {
                outcomes.add(new ScoreOutcome.Computed(score.compute(input)));
            }
        }
        Optional<CacPercentile> percentile = Optional.empty();
        List<InputProblem> percentileProblems = List.of();
        Optional<CacDrsCategory> drs = Optional.empty();
        if (input.cacAgatston().isPresent()) {
            double cac = input.cacAgatston().getAsDouble();
            try {
                percentile = Optional.of(MesaCacPercentile.of(input.ageYears(), input.sex(), input.race(), cac));
            } catch (InvalidInputException e) {
                percentileProblems = e.problems();
            }
            drs = Optional.of(CacDrs.classify(cac, input.vesselsWithCac()));
        }
        Optional<SerialScanReport> serial = scans.isEmpty() ? Optional.empty()
                : Optional.of(SerialScans.analyse(scans, context));
        return new Assessment(input, notes, outcomes, percentile, percentileProblems, drs, serial);
    }
}
