package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.StateLayout;

/**
 * The wall's derivative call is made cheaper by remembering its costly terms (the plaque-growth
 * factors, the MGP inhibition, the maturity factor: each for its last inputs), by exponentials of age
 * from {@code GridExp} and by the MGP Hill constant computed once (docs/performance-log.md, wall,
 * 2026-11-30). Held here against oracles that need no copy of the block:
 * <ul>
 *   <li>a block called along an orbit (small steps of time and serum calcium and phosphate, some calls
 *       repeating the last inputs, jumps between orbits) gives, at every call, the bits of a block whose
 *       last call was somewhere else, so that it computes every term afresh: the remembered terms are
 *       never stale and are what the formulas give;</li>
 *   <li>the MGP inhibition is its plain Hill definition, max·c^h / (K^h + c^h);</li>
 *   <li>the phosphate factor's square (exponent 2) is the bits of {@code Math.pow};</li>
 *   <li>{@code GridExp} against {@code Math.exp}: GridExpTest.</li>
 * </ul>
 * (Replaces a frozen 520-line copy of the block, WallBlockBeforeGridExp, that had to be kept in step
 * with every model change.)
 */
class WallRememberedTermsTest {

    @Test
    void aBlockThatRemembersItsLastCallGivesTheBitsOfOneThatRemembersNothingOfIt() {
        SplittableRandom random = new SplittableRandom(20261130);
        int calls = 0;
        for (Patient patient : List.of(Patient.referenceAdult(), TestPatients.ckd3(66), TestPatients.diabeticSmoker(58),
                TestPatients.haemodialysis(71), TestPatients.woman(45))) {
            WallBlock warm = new WallBlock();
            WallBlock cold = new WallBlock();
            WithRealMilieu set = WithRealMilieu.of(warm, patient);
            StateLayout layout = set.layout();
            double[] y0 = set.y0();
            cold.bind(layout);
            cold.initialise(patient, y0.clone());
            double[] elsewhere = new double[y0.length];
            Drivers other = new Drivers();

            Drivers drivers = new Drivers();
            double[] y = new double[y0.length];
            for (int state = 0; state < 40; state++) {
                // a plausible state: every state within ±30 % of the patient's baseline, the wall grown
                for (int i = 0; i < y.length; i++) {
                    y[i] = y0[i] * (1 + random.nextDouble(-0.3, 0.3)) + (i >= layout.offset(WallBlock.ID)
                            ? random.nextDouble(0, 5) : 0);
                }
                WithRealMilieu.drawDrivers(drivers, random);
                double age = patient.ageYears() + random.nextDouble(0, 25);
                // an orbit: a day's small steps of time (and of the FAST serum calcium and phosphate); some
                // steps repeat the previous call's inputs exactly, as a Jacobian column of another state does
                for (int step = 0; step < 20; step++) {
                    if (step % 5 != 4) {
                        drivers.setAgeYears(age + step * random.nextDouble(0, 2e-4));
                        y[layout.index(WallBlock.CALCIUM_STATE)] *= 1 + random.nextDouble(-1e-3, 1e-3);
                        y[layout.index(WallBlock.PHOSPHATE_STATE)] *= 1 + random.nextDouble(-1e-3, 1e-3);
                    }
                    double[] a = new double[y.length];
                    warm.addRates(0, y, drivers, a);
                    // the cold block is first called elsewhere (another state, age and milieu), so it
                    // remembers nothing of these inputs and computes every term afresh
                    for (int i = 0; i < y.length; i++) {
                        elsewhere[i] = y[i] * (1 + random.nextDouble(0.01, 0.2));
                    }
                    other.setAgeYears(drivers.ageYears() + random.nextDouble(0.5, 5));
                    other.setEgfrMlPerMin(random.nextDouble(10, 110));
                    cold.addRates(0, elsewhere, other, new double[y.length]);
                    double[] b = new double[y.length];
                    cold.addRates(0, y, drivers, b);
                    for (int i = 0; i < a.length; i++) {
                        assertThat(Double.doubleToRawLongBits(a[i])).as("%s state %d step %d, %s: %s vs %s",
                                patient.id(), state, step, layout.variable(i).id(), a[i], b[i])
                                .isEqualTo(Double.doubleToRawLongBits(b[i]));
                    }
                    calls++;
                }
            }
        }
        assertThat(calls).isEqualTo(5 * 40 * 20);
    }

    @Test
    void theMgpInhibitionIsItsHillDefinition() {
        var catalog = WallBlock.defaultCatalog();
        WallParameters p = new WallParameters(catalog);
        double max = catalog.value("mgpInhibitionMax");
        double half = catalog.value("mgpInhibitionHalf");
        double hill = catalog.value("mgpInhibitionHill");
        for (double c : new double[] {0, 0.05, 0.2, half, 0.5, 0.8, 1, 1.5}) {
            double plain = max * Math.pow(c, hill) / (Math.pow(half, hill) + Math.pow(c, hill));
            assertThat(MedialCalcification.mgpInhibition(p, c)).as("cMGP %s", c)
                    .isCloseTo(plain, within(1e-15 * Math.max(plain, 1e-300)));
        }
        assertThat(MedialCalcification.mgpInhibition(p, half)).isCloseTo(max / 2,
                within(1e-15 * max));
    }

    /**
     * The osteogenic drive's phosphate factor (P/P_ref)^m is the square itself at the catalog's m = 2:
     * the bits {@code Math.pow} gives (it is exact for the exponent 2), and {@code Math.pow} otherwise.
     */
    @Test
    void thePhosphateFactorIsItsPowerDefinition() {
        var catalog = WallBlock.defaultCatalog();
        WallParameters p = new WallParameters(catalog);
        assertThat(p.osteoPhosphateExponent).isEqualTo(2.0);
        WallParameters other = new WallParameters(catalog.with(Map.of("osteoPhosphateExponent", 2.5)));
        SplittableRandom random = new SplittableRandom(3);
        for (int k = 0; k < 10_000; k++) {
            double phosphate = k == 0 ? 0 : k == 1 ? -0.1 : random.nextDouble(0.3, 4);
            double r = Math.max(phosphate, 0) / p.pRef;
            assertThat(Double.doubleToRawLongBits(MedialCalcification.phosphateFactor(p, phosphate))).as("P %s", phosphate)
                    .isEqualTo(Double.doubleToRawLongBits(Math.pow(r, 2)));
            assertThat(MedialCalcification.phosphateFactor(other, phosphate)).as("P %s, m 2.5", phosphate)
                    .isEqualTo(Math.pow(Math.max(phosphate, 0) / other.pRef, 2.5));
        }
    }
}
