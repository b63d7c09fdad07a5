package org.vascalc.physiology.mineral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.model.TimeScale;

/**
 * The re-derived calcitriol regulation ({@code calcitriolRegulationOn}; docs/model/mineral.md,
 * "Calcitriol's response to calcium intake"): the baseline stays a steady state, and 1-alpha-hydroxylase
 * synthesis answers PTH and calcium with the catalog's elasticities, where P&amp;R's law hardly moves.
 */
class CalcitriolRegulationTest {

    private static final ParameterCatalog ON = MineralBlock.defaultParameters().with(Map.of("calcitriolRegulationOn", 1.0));
    private static final ParameterCatalog OFF = MineralBlock.defaultParameters().with(Map.of("calcitriolRegulationOn", 0.0));

    private record Setup(MineralBlock block, StateLayout layout, double[] y) {
    }

    private static Setup setup(ParameterCatalog catalog, Patient p) {
        MineralBlock b = new MineralBlock(catalog);
        StateLayout layout = new StateLayout(List.of(b));
        b.bind(layout);
        double[] y = new double[layout.size()];
        b.initialise(p, y);
        return new Setup(b, layout, y);
    }

    private static Drivers habitualDiet(ParameterCatalog catalog, double egfr) {
        Drivers d = new Drivers();
        d.setEgfrMlPerMin(egfr);
        d.setDietCalciumMmolPerHour(0);
        d.setDietPhosphateMmolPerHour(catalog.value("po4HabitualIntake") / 24);
        return d;
    }

    /** d ln(hydroxylase synthesis) for the state {@code y} scaled at {@code id} by {@code factor}. */
    private static double synthesisLogChange(ParameterCatalog catalog, String id, double factor) {
        Setup s = setup(catalog, Patient.referenceAdult());
        int h = s.layout().index("mineral.hydroxylase");
        double kout = catalog.value("hydroxylaseKout");
        double[] base = new double[s.y().length];
        s.block().addRates(0, s.y(), habitualDiet(catalog, 95), base);
        double[] y = s.y().clone();
        y[s.layout().index(id)] *= factor;
        double[] moved = new double[y.length];
        s.block().addRates(0, y, habitualDiet(catalog, 95), moved);
        double synthesis0 = base[h] + kout * s.y()[h];
        double synthesis = moved[h] + kout * y[h];
        return Math.log(synthesis / synthesis0);
    }

    @Test
    void aCkdPatientWithLabsStartsAtSteadyStateWithTheRegulationOn() {
        Patient p = new Patient("g4", 66, Sex.MALE, 84, 175, 25, OptionalDouble.of(2.3), OptionalDouble.of(1.4),
                OptionalDouble.of(150), RiskFactors.typical());
        Setup s = setup(ON, p);
        double[] dydt = new double[s.y().length];
        s.block().addRates(0, s.y(), habitualDiet(ON, 25), dydt);
        for (int i = 0; i < s.y().length; i++) {
            if (!MineralBlockTest.movesWithinTheDay(s.layout().variable(i).id())) {
                assertThat(dydt[i]).as(s.layout().variable(i).id()).isCloseTo(0, within(1e-9 * (1 + Math.abs(s.y()[i]))));
            }
        }
    }

    @Test
    void synthesisFollowsPthAndCalciumWithTheCatalogElasticities() {
        double eP = ON.value("hydroxylasePthElasticity");
        double kCa = ON.value("hydroxylaseCalciumGamma");
        assertThat(synthesisLogChange(ON, "mineral.pth", 1.5)).isCloseTo(eP * Math.log(1.5), within(1e-9));
        assertThat(synthesisLogChange(ON, "mineral.caEcf", 1.04)).isCloseTo(-kCa * Math.log(1.04), within(1e-9));
        // P&R's Hill law: PTH x 1.5 moves synthesis by about 2 % and calcium not at all
        assertThat(synthesisLogChange(OFF, "mineral.pth", 1.5)).isBetween(0.0, 0.03);
        assertThat(synthesisLogChange(OFF, "mineral.caEcf", 1.04)).isCloseTo(0, within(1e-12));
    }

    /**
     * With the regulation on, the absorption capacity R is a SLOW state (docs/model/mineral.md,
     * "Calcitriol in fast mode") and the SLOW-rows-only call gives its row as the full call does, over
     * states spread around the baseline; off, it stays FAST as before.
     */
    @Test
    void theAbsorptionCapacityIsSlowWithTheRegulationOnAndItsSlowRowIsTheFullOne() {
        Setup on = setup(ON, Patient.referenceAdult());
        int r = on.layout().index("mineral.absorptionCapacity");
        assertThat(on.layout().variable(r).timeScale()).isEqualTo(TimeScale.SLOW);
        Setup off = setup(OFF, Patient.referenceAdult());
        assertThat(off.layout().variable(off.layout().index("mineral.absorptionCapacity")).timeScale()).isEqualTo(TimeScale.FAST);
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261202);
        for (int k = 0; k < 50; k++) {
            double[] y = on.y().clone();
            for (int i = 0; i < y.length; i++) {
                y[i] *= Math.exp(random.nextDouble(-0.7, 0.7));
            }
            double[] full = new double[y.length];
            double[] slow = new double[y.length];
            on.block().addRates(0, y, habitualDiet(ON, 95), full);
            on.block().addSlowRates(0, y, habitualDiet(ON, 95), slow);
            assertThat(slow[r]).isEqualTo(full[r]);
            assertThat(full[r]).isNotZero();
        }
    }
}
