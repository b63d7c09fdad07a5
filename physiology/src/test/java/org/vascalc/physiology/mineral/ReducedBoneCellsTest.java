package org.vascalc.physiology.mineral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;

/**
 * Where the reduced bone cells (two indices, docs/model/mineral.md "Bone cells") agree with Peterson
 * &amp; Riggs' full RANKL/RANK/OPG - TGF-beta - osteoblast model. The full model is not re-implemented
 * here (its bone-cell equations are not in model-anchors); the reference is the full model's own CKD
 * run, re-typed and run independently (model-anchors 1.7 [R], GFR 100 to 16 mL/min over 10 years):
 * PTH 36 / 60 / 122 / 139 pg/mL and active osteoclasts 100 / 213 / 278 / 275 % of baseline at years
 * 0 / 5 / 8 / 10. The reduced osteoclast equation of {@link MineralBlock} is driven with that PTH
 * course (everything else frozen at baseline) and compared at the three time points.
 */
class ReducedBoneCellsTest {

    private static final double[] YEARS = {0, 5, 8, 10};
    private static final double[] PTH_PG_ML = {36.2, 60, 122, 139};
    private static final double[] FULL_MODEL_OC = {1.00, 2.13, 2.78, 2.75};
    /**
     * Agreement band: the full model's OC at moderate secondary hyperparathyroidism is the hardest
     * point for a one-index reduction (RANKL and OPG move separately there); 25 % is the stated scope.
     */
    private static final double TOLERANCE = 0.25;

    /** PTH course of the full model's CKD run, log-linear between the tabulated years. */
    private static double pthPgMl(double years) {
        for (int i = 1; i < YEARS.length; i++) {
            if (years <= YEARS[i]) {
                double f = (years - YEARS[i - 1]) / (YEARS[i] - YEARS[i - 1]);
                return Math.exp(Math.log(PTH_PG_ML[i - 1]) + f * (Math.log(PTH_PG_ML[i]) - Math.log(PTH_PG_ML[i - 1])));
            }
        }
        return PTH_PG_ML[PTH_PG_ML.length - 1];
    }

    @Test
    void osteoclastsFollowTheFullModelsCkdCourseWithinTheStatedBand() {
        MineralBlock b = new MineralBlock(MineralBlock.defaultParameters());
        StateLayout layout = new StateLayout(List.of(b));
        b.bind(layout);
        double[] y = new double[layout.size()];
        b.initialise(new Patient("p", 60, Sex.FEMALE, 70, 165, 100, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), RiskFactors.typical()), y);
        int oc = layout.index("mineral.osteoclasts");
        int ob = layout.index("mineral.osteoblasts");
        int q = layout.index("mineral.caBoneExch");
        int qBone = layout.index("mineral.caBone");
        int pth = layout.index("mineral.pth");
        int pthAdapted = layout.index("mineral.pthAdapted");
        double[] baseline = y.clone();
        Drivers d = new Drivers();
        d.setEgfrMlPerMin(100);
        d.setDietCalciumMmolPerHour(MineralBlock.defaultParameters().value("caHabitualIntake") / 24);
        d.setDietPhosphateMmolPerHour(MineralBlock.defaultParameters().value("po4HabitualIntake") / 24);
        double pgPerPmolPerVolume = MineralBlock.defaultParameters().value("pthPgPerPmol") / b.ecfVolume();

        double dt = 6; // h; the slowest cell rates are ~0.003 /h, so explicit Euler is accurate here
        double netUptake = 0; // mmol/h into bone (exchangeable + mineralised) at the last step, Q, Qbone and Ca frozen
        int next = 1;
        double[] reduced = new double[YEARS.length];
        reduced[0] = 1;
        for (double t = 0; next < YEARS.length; t += dt) {
            double years = t / (365.25 * 24);
            if (years >= YEARS[next] - 1e-9) {
                reduced[next++] = y[oc];
                continue;
            }
            double[] state = baseline.clone();
            state[oc] = y[oc];
            state[ob] = y[ob];
            state[pth] = pthPgMl(years) / pgPerPmolPerVolume;
            // the fast surface efflux has adapted to the slowly rising PTH (it moves no calcium then)
            state[pthAdapted] = state[pth] / b.ecfVolume();
            double[] dydt = new double[y.length];
            b.addRates(t, state, d, dydt);
            y[oc] += dt * dydt[oc];
            y[ob] += dt * dydt[ob];
            netUptake = dydt[q] + dydt[qBone];
        }
        for (int i = 1; i < YEARS.length; i++) {
            System.out.printf(Locale.ROOT, "year %.0f PTH %.0f pg/mL: reduced OC %.2f, full model %.2f (%+.0f %%)%n", YEARS[i],
                    PTH_PG_ML[i], reduced[i], FULL_MODEL_OC[i], 100 * (reduced[i] / FULL_MODEL_OC[i] - 1));
            assertThat(reduced[i]).as("OC at year " + YEARS[i])
                    .isCloseTo(FULL_MODEL_OC[i], within(TOLERANCE * FULL_MODEL_OC[i]));
        }
        System.out.printf(Locale.ROOT, "net bone uptake at year 10 (Q, Qbone and plasma Ca at baseline): %.2f mmol/d"
                + " (turnover 88 mmol/d)%n", 24 * netUptake);
        // The full model loses bone in this run (lumbar BMD 0.87 at 10 years). Remodelling is coupled
        // (formation is the same function of OB as resorption of OC, BoneRemodelling), so the reduced
        // cells lose bone only while the osteoblasts lag a rising osteoclast activity: at year 10
        // resorption must still exceed formation, not turn secondary hyperparathyroidism into net gain.
        assertThat(netUptake).isLessThan(0);
        // Formation follows resorption (coupling): at year 10 OB is within 5 % of OC.
        assertThat(y[ob]).isCloseTo(y[oc], within(0.05 * y[oc]));
    }
}
