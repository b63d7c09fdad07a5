package org.vascalc.physiology.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.units.MolarMass;
import org.vascalc.physiology.model.Block;
import org.vascalc.physiology.model.DerivedOutput;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.wall.MilieuStandIn.Course;

/**
 * What {@link WallBlock} itself adds to its mechanism classes, by hand with the catalog's numbers
 * (docs/model/wall.md): the measured PWV's four factors, the readouts, the milieu at an offset and with
 * a person's own propensity, the osteogenic drive on and off dialysis, the ECF sink with regression, the
 * history's last partial step, the baseline PWV of a typical wall, and the block's life cycle.
 */
class WallBlockByHandTest {

    private static void set(WallHarness h, String id, double v) {
        h.y[h.layout.index(id)] = v;
    }

    private static double output(WallHarness h, String id) {
        for (DerivedOutput o : h.wall.outputs()) {
            if (o.id().equals(id)) {
                return o.value(h.t, h.y, h.drivers);
            }
        }
        throw new AssertionError("no output " + id);
    }

    @Test
    void measuredPwvIsIntrinsicTimesRemodellingMineralAndPressure() {
        // PWV = PWV_i·√(1 + S)·√(1 + 1.5·M/(M + 300 mg))·q^{1/2}: 8·√1.21·√(1 + 0.75)·√1.21
        WallHarness h = WallHarness.of(Patient.referenceAdult()).build();
        set(h, "wall.pwvIntrinsic", 8);
        set(h, "wall.aorticRemodelling", 0.21);
        set(h, WallBlock.stateId(Bed.AORTA, "medialMineral"), 300);
        set(h, "wall.resistanceRatio", 1.21);
        assertThat(h.wall.pwv(h.y)).isCloseTo(8 * 1.1 * Math.sqrt(1.75) * 1.1, within(1e-12));
        set(h, "wall.aorticRemodelling", 0);
        assertThat(h.wall.pwv(h.y)).isCloseTo(8 * Math.sqrt(1.75) * 1.1, within(1e-12));
    }

    @Test
    void baselinePwvOfATypicalWallIsTheAgeAndPressureExpectation() {
        // reference labs, kidneys and medial wall at 70 y and 140/85: PWV_0 = 8.5·1.07 + 0.04·(140 − 125) m/s
        Patient patient = TestPatients.withBp(Patient.referenceAdult().withAgeYears(70), 140, 85);
        WallHarness h = WallHarness.of(patient).build();
        assertThat(h.medial(Bed.AORTA)).as("some aortic medial mineral at 70").isPositive();
        assertThat(h.wall.pwv(h.y)).isCloseTo(8.5 * 1.07 + 0.6, within(1e-12));
    }

    @Test
    void lvMassAndT50AreReadFromTheState() {
        WallHarness h = WallHarness.of(Patient.referenceAdult()).build();
        set(h, "wall.lvMass", 150);
        assertThat(output(h, "lvMass")).isEqualTo(150);
        // T50 = 324.45·exp(−1.0·(P − 1.1) − 0.5·(Ca − 2.4))·(fetuin/0.72)^0.5: at the reference Ca and P only fetuin-A
        set(h, WallBlock.CALCIUM_STATE, 2.4 * 14);
        set(h, WallBlock.PHOSPHATE_STATE, 1.1 * 14);
        h.drivers.setHaemodialysis(false);
        assertThat(h.wall.t50(h.y, h.drivers)).isCloseTo(324.45, within(1e-9));
        h.drivers.setHaemodialysis(true); // fetuin-A 0.62 g/L on dialysis
        assertThat(h.wall.t50(h.y, h.drivers)).isCloseTo(324.45 * Math.sqrt(0.62 / 0.72), within(1e-9));
    }

    /** Σ over the coronaries of the readout's intimal and medial layers, from the scorer the wall exposes. */
    private static double[] ctByHand(WallHarness h) {
        WallParameters p = new WallParameters(h.wall.catalog());
        CtScoreSurrogate ct = h.wall.ctScorer();
        double[] sums = new double[3];
        for (Bed b : Bed.values()) {
            if (b.coronary()) {
                double mac = h.value(WallBlock.stateId(b, "macroCalcium"));
                double rho = h.value(WallBlock.stateId(b, "macroDensity"));
                double med = h.value(WallBlock.stateId(b, "medialMineral"));
                var in = CtScoreSurrogate.Layer.INTIMAL;
                var me = CtScoreSurrogate.Layer.MEDIAL;
                sums[0] += ct.agatston(in, mac, rho) + ct.agatston(me, med, p.medialDensity);
                sums[1] += ct.volume(in, mac, rho) + ct.volume(me, med, p.medialDensity);
                sums[2] += ct.mass(in, mac, rho) + ct.mass(me, med, p.medialDensity);
            }
        }
        return sums;
    }

    @Test
    void theCtSumsFollowEveryCoronaryStateTheyRead() {
        WallHarness h = WallHarness.of(Patient.referenceAdult()).build();
        for (Bed b : Bed.values()) {
            // the aorta and the leg hold nothing throughout (the readout must not look there for changes)
            for (String s : new String[] {"macroCalcium", "medialMineral", "macroDensity"}) {
                set(h, WallBlock.stateId(b, s), b.coronary() && s.equals("macroDensity") ? 600 : 0);
            }
        }
        // one change at a time after a first reading, of one bed or of all four at once: each must be seen,
        // not the sums remembered from the reading before
        String[][] steps = {{"lad", "macroCalcium", "20"}, {"lad", "macroCalcium", "35"}, {"lad", "macroDensity", "900"},
            {"rca", "medialMineral", "40"}, {"lm", "macroCalcium", "5"}, {"lm", "macroDensity", "700"},
            {"all", "macroCalcium", "12"}, {"all", "macroDensity", "800"}, {"all", "medialMineral", "25"}};
        for (String[] step : steps) {
            for (Bed bed : Bed.values()) {
                if (bed.key().equals(step[0]) || step[0].equals("all") && bed.coronary()) {
                    set(h, WallBlock.stateId(bed, step[1]), Double.parseDouble(step[2]));
                }
            }
            CoronaryCalcium cac = h.wall.coronaryCalcium(h.y);
            double[] hand = ctByHand(h);
            assertThat(hand[0]).isPositive();
            assertThat(cac.agatston()).as("Agatston after %s", String.join(" ", step)).isCloseTo(hand[0], within(1e-9 * hand[0]));
            assertThat(cac.volumeMm3()).as("volume after %s", String.join(" ", step)).isCloseTo(hand[1], within(1e-9 * hand[1]));
            assertThat(cac.massMg()).as("mass after %s", String.join(" ", step)).isCloseTo(hand[2], within(1e-9 * hand[2]));
        }
    }

    @Test
    void theMilieuIsWrittenAtItsOffsetWithThePersonsOwnPropensity() {
        // r = 2^{−1.1}: the growth product is x·r^{−1/(1.0·1.1)} = 2x. Ca 2.4, P 1.43: x = 1.3, 2x = 2.6
        ParameterCatalog catalog = WallBlock.defaultCatalog().with(Map.of("t50ResidualFactor", Math.pow(2, -1.1)));
        WallHarness h = WallHarness.of(Patient.referenceAdult()).catalog(catalog).build();
        set(h, WallBlock.CALCIUM_STATE, 2.4 * 14);
        set(h, WallBlock.PHOSPHATE_STATE, 1.43 * 14);
        h.drivers.setAgeYears(60);
        double[] out = new double[2 + WallBlock.MILIEU_SIZE];
        h.wall.milieu(h.y, h.drivers, out, 2);
        assertThat(out[0]).isZero();
        assertThat(out[1]).isZero();
        assertThat(out[2 + WallBlock.GROWTH_DRIVE]).isCloseTo(4.2 * 4.2, within(1e-12)); // ((2.6 − 0.5)/0.5)²
        assertThat(out[2 + WallBlock.NUCLEATION_DRIVE]).isCloseTo(1.6 * 1.6, within(1e-12)); // ((1.3 − 0.5)/0.5)²
        assertThat(out[2 + WallBlock.OSTEOGENIC_DRIVE]).isCloseTo(1.3 * 1.3, within(1e-12)); // (P/P_ref)², eGFR 95, 60 y
        assertThat(out[2 + WallBlock.MI_CALCIUM_FACTOR]).isCloseTo(Math.exp(1.629 * (2.4 - 2.349)), within(1e-12));
    }

    @Test
    void theOsteogenicDriveFollowsDialysisAtOneEgfr() {
        // F = (P/P_ref)²·(1 + U)·e^{0.05(age − 60)}: at eGFR 60 U = 0 off dialysis and u_HD = 4 on it
        WallHarness h = WallHarness.of(Patient.referenceAdult()).build();
        set(h, WallBlock.PHOSPHATE_STATE, 1.1 * 14);
        h.drivers.setAgeYears(60);
        h.drivers.setEgfrMlPerMin(60);
        double[] out = new double[WallBlock.MILIEU_SIZE];
        for (boolean hd : new boolean[] {false, true, false, true}) {
            h.drivers.setHaemodialysis(hd);
            h.wall.milieu(h.y, h.drivers, out, 0);
            assertThat(out[WallBlock.OSTEOGENIC_DRIVE]).as("dialysis %s", hd).isCloseTo(hd ? 5 : 1, within(1e-12));
        }
    }

    @Test
    void theEcfLosesTheNetMineralTheWallGainsWithRegressionToo() {
        // above cMGP 0.93 medial mineral regresses; the ECF must lose 10 Ca and 6 P per formula unit of the
        // wall's net gain, Σ over beds of dM/dt + dμ/dt + dMac/dt (conversion moves mineral within the wall)
        for (ParameterCatalog catalog : List.of(WallBlock.defaultCatalog(),
                WallBlock.defaultCatalog().with(Map.of("t50ResidualFactor", 0.5)))) {
            WallHarness h = WallHarness.of(TestPatients.ckd3(66)).catalog(catalog).cMgp(Course.constant(0.97)).build();
            set(h, WallBlock.CMGP_STATE, 0.97);
            set(h, WallBlock.stateId(Bed.AORTA, "medialMineral"), 200);
            set(h, WallBlock.stateId(Bed.LEG, "medialMineral"), 300);
            WallParameters p = new WallParameters(catalog);
            assertThat(MedialCalcification.regression(p, 300, 0.97)).isPositive();
            double[] dydt = new double[h.y.length];
            h.wall.addRates(0, h.y, h.drivers, dydt);
            double gain = 0;
            for (Bed b : Bed.values()) {
                for (String s : new String[] {"medialMineral", "microCalcium", "macroCalcium"}) {
                    gain += dydt[h.layout.index(WallBlock.stateId(b, s))];
                }
            }
            double mmol = MolarMass.HYDROXYAPATITE.mgToMmol(gain);
            int iCa = h.layout.index(WallBlock.CALCIUM_STATE);
            int iP = h.layout.index(WallBlock.PHOSPHATE_STATE);
            assertThat(dydt[iCa]).isCloseTo(-10 * mmol, within(1e-12 * Math.abs(10 * mmol)));
            assertThat(dydt[iP]).isCloseTo(-6 * mmol, within(1e-12 * Math.abs(6 * mmol)));

            // the FAST rows alone write the same withdrawal and nothing of the wall's own
            double[] fast = new double[h.y.length];
            h.wall.addFastRates(0, h.y, h.drivers, fast);
            assertThat(fast[iCa]).isEqualTo(dydt[iCa]);
            assertThat(fast[iP]).isEqualTo(dydt[iP]);
            for (int i = h.layout.offset(WallBlock.ID); i < fast.length; i++) {
                assertThat(fast[i]).as(h.layout.variable(i).id()).isZero();
            }
        }
    }

    @Test
    void theHistoryEndsWithAPartialStepAtThePatientsAge() {
        // from a clean wall at 30 y one Euler step of 0.02 y (not the full 0.05): the plaque is
        // 3 mm³/y·s_b·G·0.02 y, G = e^{0.05(30 − 60)} for a woman with non-HDL 145, SBP 125, CRP 1.5
        // integrateHistory, not the remembered history(): its caches are static, and under PIT a history
        // integrated for an earlier mutant in the same JVM would be served to the next one
        WallBlock wall = new WallBlock();
        double[] s = wall.integrateHistory(TestPatients.woman(30.02), Susceptibility.TYPICAL);
        double[] scale = {0.15, 0.35, 0.2, 0.3, 2, 1};
        for (Bed b : Bed.values()) {
            double expected = 3 * scale[b.ordinal()] * Math.exp(-1.5) * 0.02;
            assertThat(s[b.ordinal() * WallBlock.PER_BED + WallBlock.PLAQUE]).as(b.key())
                    .isCloseTo(expected, within(1e-12 * expected));
        }
    }

    @Test
    void theHistoryTakesThePatientsEgfrOnlyForItsLastYears() {
        // one Euler step of 0.02 y from 30 y: φ = 0.02 y·k_on·F, k_on 0.01/y, F = (1 + U)·e^{0.05(30 − 60)} at the
        // reference phosphate; eGFR 45 gives U = 2·(60 − 45)/45 = 2/3 within the last historyCkdYears, and eGFR 90
        // (U = 0) before them
        Patient patient = new Patient("ckd-woman-30.02", 30.02, Patient.referenceAdult().sex(), 70, 165, 45,
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), RiskFactors.typical());
        double base = 0.02 * 0.01 * Math.exp(-1.5);
        int aortaPhi = Bed.AORTA.ordinal() * WallBlock.PER_BED + WallBlock.PHI;
        double inCkdYears = new WallBlock().integrateHistory(patient, Susceptibility.TYPICAL)[aortaPhi];
        assertThat(inCkdYears).isCloseTo(base * 5 / 3, within(1e-12 * base));
        WallBlock noCkdYears = new WallBlock(WallBlock.defaultCatalog().with(Map.of("historyCkdYears", 0.0)));
        assertThat(noCkdYears.integrateHistory(patient, Susceptibility.TYPICAL)[aortaPhi]).isCloseTo(base, within(1e-12 * base));
    }

    @Test
    void aRememberedHistoryIsNotAnotherSusceptibilitysOrCatalogsOwn() {
        // a patient no other run has seen (the remembered histories are static and keyed by the patient's values)
        Patient patient = TestPatients.ckd3(64).withId("remembered-" + System.nanoTime());
        WallBlock wall = new WallBlock();
        double[] typical = wall.history(patient, Susceptibility.TYPICAL);
        for (Susceptibility other : List.of(new Susceptibility(1, 2), new Susceptibility(2, 1))) {
            double[] own = wall.history(patient, other);
            assertThat(own).as("%s", other).containsExactly(wall.integrateHistory(patient, other));
            assertThat(own).isNotEqualTo(typical);
        }
        // the same patient object under another catalog
        WallBlock faster = new WallBlock(WallBlock.defaultCatalog().with(Map.of("plaqueGrowthMm3PerYear", 6.0)));
        double[] own = faster.history(patient, Susceptibility.TYPICAL);
        assertThat(own).containsExactly(faster.integrateHistory(patient, Susceptibility.TYPICAL));
        assertThat(own).isNotEqualTo(typical);
    }

    @Test
    void afterTheRunInTheWallIsBackAtItsBaseline() {
        WallHarness h = WallHarness.of(TestPatients.ckd3(62)).build();
        double[] baseline = h.y.clone();
        for (int i = h.layout.offset(WallBlock.ID); i < h.y.length; i++) {
            h.y[i] += 1; // what a run-in would have added: growth and hazard
        }
        int iCa = h.layout.index(WallBlock.CALCIUM_STATE);
        h.y[iCa] = 33; // the run-in's own result for the mineral block stays
        h.wall.afterStabilisation(h.y);
        for (int i = 0; i < h.y.length; i++) {
            assertThat(h.y[i]).as(h.layout.variable(i).id()).isEqualTo(i == iCa ? 33 : baseline[i]);
        }
    }

    @Test
    void aWallBoundFirstInItsLayoutInitialisesAndAnUnboundOneDoesNot() {
        Patient patient = TestPatients.woman(55);
        assertThatThrownBy(() -> new WallBlock().initialise(patient, new double[WallBlock.SIZE + 3]))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before bind");
        WallBlock wall = new WallBlock();
        List<Block> blocks = List.of(wall, new MilieuStandIn.Mineral(Course.constant(2.4), Course.constant(1.1), 14, 0),
                new MilieuStandIn.VitaminK(Course.constant(0.85)));
        StateLayout layout = new StateLayout(blocks);
        blocks.forEach(b -> b.bind(layout));
        assertThat(layout.offset(WallBlock.ID)).isZero();
        double[] y = new double[layout.size()];
        wall.initialise(patient, y);
        double[] history = wall.history(patient, Susceptibility.TYPICAL);
        assertThat(Arrays.copyOfRange(y, 0, WallBlock.PWV_INTRINSIC))
                .containsExactly(Arrays.copyOfRange(history, 0, WallBlock.PWV_INTRINSIC));
    }
}
