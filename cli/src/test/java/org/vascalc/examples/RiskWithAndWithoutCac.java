package org.vascalc.examples;

import java.util.List;
import org.vascalc.clinical.input.Race;
import org.vascalc.clinical.input.RiskInput;
import org.vascalc.clinical.mesa.CacPercentile;
import org.vascalc.clinical.mesa.MesaCacPercentile;
import org.vascalc.clinical.mesa.MesaChdRisk;
import org.vascalc.clinical.pce.PooledCohortEquations;
import org.vascalc.clinical.score.RiskEstimate;
import org.vascalc.core.patient.Sex;

/** Published risk equations for one person, without and with a coronary calcium score. */
public final class RiskWithAndWithoutCac {

    /** PCE (no CAC term), MESA without CAC, MESA with {@code cacAgatston}. */
    public static List<RiskEstimate> estimates(double cacAgatston) {
        // 55-year-old white man, total cholesterol 213 and HDL 50 mg/dL, systolic 120 mmHg, untreated
        RiskInput person = RiskInput.of(55, Sex.MALE, Race.WHITE, 213, 50, 120);
        RiskInput scanned = person.withCac(cacAgatston);
        // compute() throws InvalidInputException naming every field outside the equation's range;
        // extrapolation warnings travel in the estimate
        return List.of(new PooledCohortEquations().compute(person),
                MesaChdRisk.withoutCac().compute(person),
                MesaChdRisk.withCac().compute(scanned));
    }

    public static void main(String[] args) {
        for (double cac : new double[] {0, 120, 400}) {
            System.out.println("CAC " + cac + " AU:");
            for (RiskEstimate e : estimates(cac)) {
                System.out.printf("  %-30s %5.1f %% in %d years (%s)%n", e.name(), e.riskPercent(), e.horizonYears(),
                        e.citation());
            }
            CacPercentile p = MesaCacPercentile.of(55, Sex.MALE, Race.WHITE, cac);
            System.out.println("  MESA percentile for age, sex and race: " + p.percentile());
        }
    }
}
