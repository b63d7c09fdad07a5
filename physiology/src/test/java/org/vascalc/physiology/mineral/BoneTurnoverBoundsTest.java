package org.vascalc.physiology.mineral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;

/**
 * Regression for the CKD G4 calcium collapse: under the very high PTH of severe secondary
 * hyperparathyroidism the reduced bone cells must not reach a turnover at which osteoblast-driven
 * uptake (J15, linear in OB) outgrows osteoclast-driven release (J14, saturating in OC); there bone
 * draws calcium from plasma, PTH rises further and serum calcium collapses.
 */
class BoneTurnoverBoundsTest {

    @Test
    void coupledHighTurnoverUnderTwentyFoldPthDoesNotDrawCalciumIntoBone() {
        MineralBlock b = new MineralBlock(MineralBlock.defaultParameters());
        StateLayout layout = new StateLayout(List.of(b));
        b.bind(layout);
        double[] y = new double[layout.size()];
        b.initialise(new Patient("p", 66, Sex.MALE, 84, 175, 100, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), RiskFactors.typical()), y);
        int oc = layout.index("mineral.osteoclasts");
        int ob = layout.index("mineral.osteoblasts");
        int q = layout.index("mineral.caBoneExch");
        y[layout.index("mineral.pth")] *= 20;
        Drivers d = new Drivers();
        d.setEgfrMlPerMin(100);
        d.setDietCalciumMmolPerHour(24.055 / 24);
        d.setDietPhosphateMmolPerHour(MineralBlock.defaultParameters().value("po4HabitualIntake") / 24);

        // The osteoclast index this PTH drives toward: dOC/dt = rate * (drive - OC), so drive = rate(OC=0)/rate-constant.
        double[] dydt = new double[y.length];
        y[oc] = 0;
        b.addRates(0, y, d, dydt);
        double atZero = dydt[oc];
        dydt = new double[y.length];
        y[oc] = 1;
        b.addRates(0, y, d, dydt);
        double drive = atZero / (atZero - dydt[oc]);
        // P&R's osteoclasts plateau near 2.8 x baseline in CKD (model-anchors 1.7); allow up to the catalog's high bound.
        assertThat(drive).isLessThanOrEqualTo(6.0);

        // Coupled steady turnover (OB = OC = drive), bone pools and plasma calcium at baseline:
        // the exchangeable pool must not gain calcium (dQ/dt = J15 - J14 there).
        y[oc] = drive;
        y[ob] = drive;
        dydt = new double[y.length];
        b.addRates(0, y, d, dydt);
        assertThat(dydt[q]).isLessThanOrEqualTo(0.0);
    }
}
