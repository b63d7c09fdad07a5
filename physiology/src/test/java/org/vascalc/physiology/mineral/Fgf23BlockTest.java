package org.vascalc.physiology.mineral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;

/** The FGF23 block's normalisation and its derived baseline (docs/model/mineral.md, "FGF23"). */
class Fgf23BlockTest {

    private static final ParameterCatalog CATALOG = MineralBlock.defaultParameters();
    private static final Fgf23Parameters FGF = Fgf23Parameters.from(CATALOG);

    @Test
    void everyEffectIsOneAtTheReferenceAndActsInTheRightDirection() {
        assertThat(FGF.phosphaturia(1)).isEqualTo(1.0);
        assertThat(FGF.hydroxylaseEffect(1)).isEqualTo(1.0);
        // more FGF23: lower renal threshold (phosphaturia) and less 1-alpha-hydroxylase
        assertThat(FGF.phosphaturia(4)).isLessThan(FGF.phosphaturia(2)).isLessThan(1);
        assertThat(FGF.hydroxylaseEffect(4)).isLessThan(FGF.hydroxylaseEffect(2)).isLessThan(1);
        // below baseline the threshold is not raised (transporters near their maximum)
        assertThat(FGF.phosphaturia(0.5)).isEqualTo(1.0);
    }

    private static double[] initialise(MineralBlock b, StateLayout layout, Patient p) {
        double[] y = new double[layout.size()];
        b.initialise(p, y);
        return y;
    }

    private static Drivers habitualDiet(double egfr) {
        Drivers d = new Drivers();
        d.setEgfrMlPerMin(egfr);
        d.setDietCalciumMmolPerHour(0); // the habitual calcium comes as meals
        d.setDietPhosphateMmolPerHour(CATALOG.value("po4HabitualIntake") / 24);
        return d;
    }

    @Test
    void aCkdPatientWithLabsStartsAtSteadyStateWithFgf23RaisedByNephronLoss() {
        MineralBlock b = new MineralBlock(CATALOG);
        StateLayout layout = new StateLayout(List.of(b));
        b.bind(layout);
        Patient p = new Patient("g4", 66, Sex.MALE, 84, 175, 25, OptionalDouble.of(2.3), OptionalDouble.of(1.4),
                OptionalDouble.of(150), RiskFactors.typical());
        double[] y = initialise(b, layout, p);
        assertThat(y[layout.index("mineral.fgf23")]).isCloseTo(CATALOG.value("fgf23Baseline") * 100 / 25, within(1e-9));
        double[] dydt = new double[y.length];
        b.addRates(0, y, habitualDiet(25), dydt);
        for (int i = 0; i < y.length; i++) {
            if (!MineralBlockTest.movesWithinTheDay(layout.variable(i).id())) {
                assertThat(dydt[i]).as(layout.variable(i).id()).isCloseTo(0, within(1e-9 * (1 + Math.abs(y[i]))));
            }
        }
    }

    @Test
    void labsThatCannotExcreteTheHabitualLoadStartWithPhosphateRisingInsteadOfFailing() {
        MineralBlock b = new MineralBlock(CATALOG);
        StateLayout layout = new StateLayout(List.of(b));
        b.bind(layout);
        // eGFR 15 with phosphate 0.8 mmol/L: 1000 mg P/d needs a fractional excretion above the 0.88 ceiling
        Patient p = new Patient("g5", 70, Sex.FEMALE, 60, 160, 15, OptionalDouble.of(2.3), OptionalDouble.of(0.8),
                OptionalDouble.empty(), RiskFactors.typical());
        double[] y = initialise(b, layout, p);
        double[] dydt = new double[y.length];
        b.addRates(0, y, habitualDiet(15), dydt);
        assertThat(dydt[layout.index(MineralBlock.PO4_ECF)]).isGreaterThan(0);
    }
}
