package org.vascalc.physiology.mineral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.Intake;
import org.vascalc.physiology.model.LinearTransfer;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.physiology.model.TimeScale;
import org.vascalc.physiology.vitamink.VitaminKBlock;

/**
 * The mineral block's terms one at a time, written out with the catalog's numbers
 * (mineral-parameters.csv) from the equations of docs/model/mineral.md ("Equations", "FGF23"): each test
 * moves one state (or driver) of the reference adult's baseline and compares the change of the rates
 * it feeds with the term's hand arithmetic. The baseline is a rest point of every state outside the gut's
 * daily orbit (MineralBlockTest), so a change of a rate is the moved term's alone.
 */
class MineralRatesByHandTest {

    // Catalog values used below (mineral-parameters.csv).
    private static final double V = 14.0;
    private static final double CA0 = 2.35, PTHC0 = 3.85, C2X0 = 1.2, C80 = 90.0;
    private static final double SOLID_MEAL = 1.3, LIQUID = 1.9995, FASTING = 2.0;
    private static final double TRANSIT = 7 / 3.32, PARACELLULAR = 0.0389, KM = 4.9984;
    private static final double DIET_P = 32.3 / 24, F12 = 0.7;

    private final MineralBlock b = new MineralBlock(MineralBlock.defaultParameters());
    /** Behind another block, so that every row is read at the block's offset, not at 0. */
    private final StateLayout layout = new StateLayout(List.of(new VitaminKBlock(), b));
    private final double[] y0;

    MineralRatesByHandTest() {
        b.bind(layout);
        assertThat(layout.offset(MineralBlock.ID)).isPositive();
        y0 = new double[layout.size()];
        b.initialise(new Patient("p", 60, Sex.FEMALE, 70, 165, 100, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), RiskFactors.typical()), y0);
    }

    private int i(String name) {
        return layout.index("mineral." + name);
    }

    private static Drivers diet() {
        Drivers d = new Drivers();
        d.setEgfrMlPerMin(100);
        d.setDietCalciumMmolPerHour(0);
        d.setDietPhosphateMmolPerHour(DIET_P);
        return d;
    }

    private double[] rates(double[] y, Drivers d) {
        double[] dydt = new double[y.length];
        b.addRates(0, y, d, dydt);
        return dydt;
    }

    /** The change of each rate when {@code y} replaces the baseline. */
    private double[] change(double[] y, Drivers d) {
        double[] a = rates(y, d);
        double[] base = rates(y0, diet());
        for (int k = 0; k < a.length; k++) {
            a[k] -= base[k];
        }
        return a;
    }

    private double output(String id, double[] y, Drivers d) {
        return b.outputs().stream().filter(o -> o.id().equals(id)).findFirst().orElseThrow().value(0, y, d);
    }

    /** The baseline with an empty stomach and small intestine. */
    private double[] emptyGut() {
        double[] y = y0.clone();
        for (String s : List.of("caMeal", "caChyme", "caStomach", "caTablet", "caGut", "caGut2", "caGut3", "caGut4",
                "caGut5", "caGut6", "caGut7")) {
            y[i(s)] = 0;
        }
        return y;
    }

    @Test
    void eachOralFormEntersItsOwnDepotAndTheUndissolvedShareGoesToFaeces() {
        // carbonateAvailableWithFood 0.68104, carbonateAvailableFasting 0.6, citrateAvailable 1
        Object[][] cases = {
                {Intake.Kind.CALCIUM_FOOD, "caMeal", 10.0},
                {Intake.Kind.CALCIUM_DRINK, "caStomach", 10.0},
                {Intake.Kind.CALCIUM_CARBONATE_WITH_FOOD, "caStomach", 6.8104},
                {Intake.Kind.CALCIUM_CARBONATE_FASTING, "caTablet", 6.0},
                {Intake.Kind.CALCIUM_CITRATE_WITH_FOOD, "caStomach", 10.0},
                {Intake.Kind.CALCIUM_CITRATE_FASTING, "caTablet", 10.0}};
        for (Object[] c : cases) {
            double[] y = new double[layout.size()];
            b.applyIntake(new Intake((Intake.Kind) c[0], 10), y);
            double available = (double) c[2];
            assertThat(y[i((String) c[1])]).as(c[0] + " depot").isCloseTo(available, within(1e-12));
            assertThat(y[i("caIntakeCum")]).as(c[0] + " intake").isEqualTo(10.0);
            assertThat(y[i("caFaecesCum")]).as(c[0] + " faeces").isCloseTo(10 - available, within(1e-12));
            double elsewhere = 0;
            for (int k = 0; k < y.length; k++) {
                elsewhere += Math.abs(y[k]);
            }
            assertThat(elsewhere).as(c[0] + ": nothing else moves").isCloseTo(20.0, within(1e-12));
        }
    }

    @Test
    void foodPhosphateSplitsIntoTheAbsorbablePoolAndFaecesAndABinderAddsCapacity() {
        double[] y = new double[layout.size()];
        b.applyIntake(new Intake(Intake.Kind.PHOSPHATE_FOOD, 10), y);
        // binding off: the entering fraction is P&R's F12 = 0.7
        assertThat(y[i("po4IntakeCum")]).isEqualTo(10.0);
        assertThat(y[i("po4Gut")]).isCloseTo(7.0, within(1e-12));
        assertThat(y[i("po4FaecesCum")]).isCloseTo(3.0, within(1e-12));
        double[] z = new double[layout.size()];
        b.applyIntake(new Intake(Intake.Kind.PHOSPHATE_BINDER, 5), z);
        assertThat(z[i("binderGut")]).isEqualTo(5.0);
        for (Intake.Kind k : List.of(Intake.Kind.VITAMIN_K1, Intake.Kind.VITAMIN_MK4, Intake.Kind.VITAMIN_MK7,
                Intake.Kind.WARFARIN)) {
            double[] w = new double[layout.size()];
            b.applyIntake(new Intake(k, 5), w);
            assertThat(w).as(k.name()).containsOnly(0.0);
        }
    }

    @Test
    void theLinearGutTransfersAreTheStomachStagesAndTheSevenCompartmentChain() {
        List<LinearTransfer> t = b.linearTransfers();
        assertThat(t).hasSize(4 + 2 * 7);
        assertThat(t.get(0)).isEqualTo(new LinearTransfer("mineral.caMeal", "mineral.caChyme", SOLID_MEAL));
        assertThat(t.get(1)).isEqualTo(new LinearTransfer("mineral.caChyme", "mineral.caGut", SOLID_MEAL));
        assertThat(t.get(2)).isEqualTo(new LinearTransfer("mineral.caStomach", "mineral.caGut", LIQUID));
        assertThat(t.get(3)).isEqualTo(new LinearTransfer("mineral.caTablet", "mineral.caGut", FASTING));
        for (int k = 0; k < 7; k++) {
            String from = k == 0 ? "mineral.caGut" : "mineral.caGut" + (k + 1);
            String to = k == 6 ? null : "mineral.caGut" + (k + 2);
            assertThat(t.get(4 + 2 * k).from()).isEqualTo(from);
            assertThat(t.get(4 + 2 * k).to()).isEqualTo(to);
            assertThat(t.get(4 + 2 * k).ratePerHour()).isCloseTo(TRANSIT, within(1e-12));
            assertThat(t.get(5 + 2 * k)).isEqualTo(new LinearTransfer(from, null, PARACELLULAR));
        }
    }

    @Test
    void theStomachStagesEmptyAtTheirRatesIntoTheFirstCompartment() {
        double[] y = emptyGut();
        double[] base = rates(y, diet());
        String[] depots = {"caMeal", "caChyme", "caStomach", "caTablet"};
        // meal -> chyme at 1.3 /h; chyme -> lumen 1.3 /h; dissolved 1.9995 /h; fasting tablet 2 /h
        double[][] expected = {
                // caMeal, caChyme, caStomach, caTablet, caGut
                {-SOLID_MEAL, SOLID_MEAL, 0, 0, 0},
                {0, -SOLID_MEAL, 0, 0, SOLID_MEAL},
                {0, 0, -LIQUID, 0, LIQUID},
                {0, 0, 0, -FASTING, FASTING}};
        for (int k = 0; k < depots.length; k++) {
            double[] z = y.clone();
            z[i(depots[k])] = 1;
            double[] r = rates(z, diet());
            String[] rows = {"caMeal", "caChyme", "caStomach", "caTablet", "caGut"};
            for (int m = 0; m < rows.length; m++) {
                assertThat(r[i(rows[m])] - base[i(rows[m])]).as(depots[k] + " -> " + rows[m])
                        .isCloseTo(expected[k][m], within(1e-12));
            }
        }
    }

    @Test
    void oneCompartmentAbsorbsSaturablyPlusLinearlyAndPassesTheRestOn() {
        double[] y = emptyGut();
        Drivers d = diet();
        double[] base = rates(y, d);
        // secretion at baseline calcium: 0.81 mg/cm/d x 165 cm / 40.078 mg/mmol / 24 h, into the first compartment
        double secretion = 0.81 * 165 / 40.078 / 24;
        assertThat(base[i("caGut")]).isCloseTo(secretion, within(1e-12));
        assertThat(base[i("caAbsorbedCum")]).isCloseTo(-secretion, within(1e-12));
        double vmax = b.transcellularVmax();
        for (double r : new double[] {0.5, 0.25}) {
            double[] z = y.clone();
            z[i("caGut3")] = 1;
            z[i("absorptionCapacity")] = r;
            double[] rz = rates(z, d);
            // R / 0.5 scales the transcellular Vmax; Km per compartment; kpara linear
            double absorbed = vmax * (r / 0.5) * 1 / (1 + KM) + PARACELLULAR;
            assertThat(output("absorbedCalcium", z, d)).as("gross, mmol/d").isCloseTo(24 * absorbed, within(1e-9));
            assertThat(rz[i("caGut3")] - base[i("caGut3")]).isCloseTo(-absorbed - TRANSIT, within(1e-12));
            assertThat(rz[i("caGut4")] - base[i("caGut4")]).isCloseTo(TRANSIT, within(1e-12));
            assertThat(rz[i("caAbsorbedCum")] - base[i("caAbsorbedCum")]).isCloseTo(absorbed, within(1e-12));
            assertThat(rz[i("caFaecesCum")] - base[i("caFaecesCum")]).isZero();
        }
        // what leaves the seventh compartment is faecal
        double[] z = y.clone();
        z[i("caGut7")] = 1;
        assertThat(rates(z, d)[i("caFaecesCum")] - base[i("caFaecesCum")]).isCloseTo(TRANSIT, within(1e-12));
        // continuous dietary calcium enters the first compartment and is counted as intake
        Drivers fed = diet();
        fed.setDietCalciumMmolPerHour(1);
        double[] rf = rates(y, fed);
        assertThat(rf[i("caGut")] - base[i("caGut")]).isCloseTo(1, within(1e-12));
        assertThat(rf[i("caIntakeCum")] - base[i("caIntakeCum")]).isCloseTo(1, within(1e-12));
    }

    @Test
    void aBinderTakesGutPhosphateIntoTheFaecesAndLeavesWithTransit() {
        double[] y = y0.clone();
        y[i("binderGut")] = 2;
        double[] c = change(y, diet());
        // habitual gut phosphate: F12 of the diet absorbed at 0.365 /h
        double po4Gut = DIET_P * F12 / 0.365;
        assertThat(y0[i("po4Gut")]).isCloseTo(po4Gut, within(1e-12));
        double bound = 0.4 * 2 * po4Gut;
        assertThat(c[i("po4Gut")]).isCloseTo(-bound, within(1e-12));
        assertThat(c[i("po4FaecesCum")]).isCloseTo(bound, within(1e-12));
        assertThat(c[i("binderGut")]).isCloseTo(-bound - 0.25 * 2, within(1e-12));
        assertThat(c[i("po4Ecf")]).isCloseTo(0, within(1e-12));
    }

    @Test
    void urinaryPhosphateIsTheReabsorptionFractionOfFiltrationAboveTheThreshold() {
        double gfr = 100 * 0.06;
        // at baseline it excretes the absorbed load, F12 of the diet (the threshold is derived so)
        assertThat(rates(y0, diet())[i("po4UrineCum")]).isCloseTo(DIET_P * F12, within(1e-12));
        double[] y = y0.clone();
        y[i("po4Ecf")] += 0.1 * V;
        double[] c = change(y, diet());
        assertThat(c[i("po4UrineCum")]).isCloseTo(0.88 * gfr * 0.1, within(1e-12));
        // urine, and the intracellular uptake 51.8 L/h of the 0.1 mmol/L more
        assertThat(c[i("po4Ecf")]).isCloseTo(-0.88 * gfr * 0.1 - 51.8 * 0.1, within(1e-9));
        assertThat(c[i("po4Icf")]).isCloseTo(51.8 * 0.1, within(1e-9));
        // the intracellular pool releases at 0.019268 /h
        double[] z = y0.clone();
        z[i("po4Icf")] += 1;
        double[] cz = change(z, diet());
        assertThat(cz[i("po4Icf")]).isCloseTo(-0.019268, within(1e-12));
        assertThat(cz[i("po4Ecf")]).isCloseTo(0.019268, within(1e-12));
    }

    @Test
    void haemodialysisClearsPhosphateAtItsClearanceAndBooksItWithUrine() {
        Drivers hd = diet();
        hd.setHaemodialysis(true);
        double[] c = change(y0, hd);
        // 0.27 L/h x 1.2 mmol/L; the kidneys unchanged (no residual kidney by default)
        assertThat(c[i("po4Ecf")]).isCloseTo(-0.27 * C2X0, within(1e-12));
        assertThat(c[i("po4UrineCum")]).isCloseTo(0.27 * C2X0, within(1e-12));
    }

    /** P&R's J27 at the catalog's constants, mmol/h, reabsorption derived so that it is the offset at baseline. */
    private static double renalCalciumByHand(double ca, double pthc, double c8) {
        return renalCalciumByHand(ca, pthc, c8, 100 * 0.06, 0.149997);
    }

    /** J27 at GFR {@code gfr}, L/h, with the urine at the reference calcium {@code offset}, mmol/h. */
    private static double renalCalciumByHand(double ca, double pthc, double c8, double gfr, double offset) {
        double filtered = 0.6 * 0.5 * gfr * ca;
        double reabsMax = Math.max(0, (0.6 * 0.5 * gfr * CA0 - offset) * (1.57322 + CA0) / CA0);
        double pthEffect = 1.06147 * pthc / (pthc + PTHC0 * (1.06147 - 1));
        double active = reabsMax * ca / (1.57322 + ca) * pthEffect;
        double ctriolEffect = 2.0 * c8 / (c8 + 90.0);
        return Math.max(0, (2 - ctriolEffect) * (filtered - active));
    }

    @Test
    void theOutputsAreTheStatesInTheirUnits() {
        double[] y = y0.clone();
        y[i("caEcf")] = 2.5 * V;
        y[i("po4Ecf")] = 1.5 * V;
        y[i("pth")] = 5 * V;
        y[i("calcitriol")] = 60 * V;
        y[i("caBoneExch")] += 10;
        y[i("fgf23")] = 60;
        Drivers d = diet();
        d.setEgfrMlPerMin(80);
        assertThat(output("serumCalciumTotal", y, d)).isCloseTo(2.5, within(1e-12));
        assertThat(output("serumCalciumIonised", y, d)).isCloseTo(0.51 * 2.5, within(1e-12));
        assertThat(output("serumPhosphate", y, d)).isCloseTo(1.5, within(1e-12));
        assertThat(output("pth", y, d)).isCloseTo(5, within(1e-12));
        assertThat(output("pthPgMl", y, d)).isCloseTo(5 * 9.4, within(1e-12));
        assertThat(output("calcitriol", y, d)).isCloseTo(60, within(1e-12));
        assertThat(output("bmd", y, d)).isCloseTo((100.0 + 24900 + 10) / (100 + 24900), within(1e-12));
        assertThat(output("fgf23", y, d)).isEqualTo(60.0);
        assertThat(output("egfr", y, d)).isEqualTo(80.0);
        assertThat(output("dialysedCalcium", y, d)).isZero();
        Drivers hd = diet();
        hd.setHaemodialysis(true);
        // D (u Ca - Cd) + Quf u Ca: 0.62 L/h, dialysate 1.5 mmol/L, 0.044 L/h, u = 0.6
        assertThat(output("dialysedCalcium", y, hd))
                .isCloseTo(24 * (0.62 * (0.6 * 2.5 - 1.5) + 0.044 * 0.6 * 2.5), within(1e-12));
    }

    @Test
    void urinaryCalciumIsPetersonAndRiggsJ27() {
        Drivers d = diet();
        // at baseline the urine is the offset 0.149997 mmol/h (the reabsorption maximum is derived so)
        assertThat(rates(y0, d)[i("caUrineCum")]).isCloseTo(0.149997, within(1e-12));
        double[][] cases = {{CA0, PTHC0, C80}, {2.5, PTHC0, C80}, {2.2, PTHC0, C80}, {CA0, 7.7, C80}, {CA0, PTHC0, 180},
                {2.5, 2.0, 45}};
        for (double[] c : cases) {
            double[] y = y0.clone();
            y[i("caEcf")] = c[0] * V;
            y[i("pth")] = c[1] * V;
            y[i("calcitriol")] = c[2] * V;
            double expected = renalCalciumByHand(c[0], c[1], c[2]);
            assertThat(output("urinaryCalcium", y, d)).as("Ca %s PTH %s calcitriol %s", c[0], c[1], c[2])
                    .isCloseTo(24 * expected, within(1e-9));
            assertThat(rates(y, d)[i("caUrineCum")]).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void theExchangeablePoolReleasesFirstOrderAndSwapsSlowlyWithDeepBone() {
        double t13 = 88.0 / 24 / 100, f = 0.107763, k14a = 2.44437e-5;
        double[] y = y0.clone();
        y[i("caBoneExch")] += 10;
        double[] c = change(y, diet());
        double j14 = t13 * (1 - f) * 10;
        double j15a = k14a * (24900.0 / 100) * 10;
        assertThat(c[i("caBoneExch")]).isCloseTo(-j14 - j15a, within(1e-12));
        assertThat(c[i("caBone")]).isCloseTo(j15a, within(1e-12));
        assertThat(c[i("caEcf")]).isCloseTo(j14, within(1e-12));
        assertThat(c[i("po4Ecf")]).isCloseTo(0.464 * j14, within(1e-12));
        // deep bone releases at k14a
        double[] z = y0.clone();
        z[i("caBone")] += 1000;
        double[] cz = change(z, diet());
        assertThat(cz[i("caBoneExch")]).isCloseTo(k14a * 1000, within(1e-12));
        assertThat(cz[i("caBone")]).isCloseTo(-k14a * 1000, within(1e-12));
        // uptake from the ECF: T15 P (1 - FracJ14), T15 = CaDay / (Ca0 V 24)
        double[] w = y0.clone();
        w[i("caEcf")] += 0.1 * V;
        double j15 = 88.0 / (CA0 * V * 24) * 0.1 * V * (1 - f);
        assertThat(change(w, diet())[i("caBoneExch")]).isCloseTo(j15, within(1e-12));
    }

    @Test
    void thePthEffluxMovesBoneCalciumUntilItAdaptsInLogPth() {
        double scale = 88.0 / 24 / 100 * (1 - 0.107763) * 100; // T13 (1 - FracJ14) Q0, mmol/h
        // Emax 2, small-signal exponent 0.5: the Hill exponent 0.5 x 2 / (2 - 1) = 1, so x = PTH / adapted
        double[][] cases = {{2, 2 * 2.0 / (2 + 1)}, {0.5, 2 * 0.5 / (0.5 + 1)}, {0, 0}};
        for (double[] c : cases) {
            double[] y = y0.clone();
            y[i("pth")] = c[0] * PTHC0 * V;
            double[] r = rates(y, diet());
            double jPth = scale * (c[1] - 1);
            assertThat(r[i("caBone")]).as("PTH x %s", c[0]).isCloseTo(-jPth, within(1e-12));
            double adaptLog = Math.log(Math.max(c[0] * PTHC0, 1e-12) / PTHC0);
            assertThat(r[i("pthAdapted")]).as("PTH x %s", c[0]).isCloseTo(0.1 * PTHC0 * adaptLog, within(1e-12));
        }
    }

    @Test
    void osteoclastsSaturateInPthAndOsteoblastsFollowThemWhileRemodellingMovesBoneCalcium() {
        double[] y = y0.clone();
        y[i("pth")] = 2 * PTHC0 * V;
        // exponent 1.2 x 3 / (3 - 1) = 1.8; drive = 3 x / (x + 3 - 1)
        double x = Math.pow(2, 1.8);
        assertThat(rates(y, diet())[i("osteoclasts")]).isCloseTo(0.00293273 * (3 * x / (x + 2) - 1), within(1e-12));
        double[] z = y0.clone();
        z[i("osteoclasts")] = 2;
        double[] c = change(z, diet());
        assertThat(c[i("osteoclasts")]).isCloseTo(-0.00293273, within(1e-12));
        assertThat(c[i("osteoblasts")]).isCloseTo(6.05516e-4, within(1e-12));
        // resorption J14OCmax Q0 FracJ14 OC^g / (OC^g + J14OC50^g), J14OC50^g = J14OCmax / T13 - 1
        double max = 0.543488 * 100 * 0.107763, half = 0.543488 / (88.0 / 24 / 100) - 1, g = 1.6971;
        double extra = max * Math.pow(2, g) / (Math.pow(2, g) + half) - max / (1 + half);
        assertThat(c[i("caBone")]).isCloseTo(-extra, within(1e-12));
        assertThat(c[i("caEcf")]).isCloseTo(extra, within(1e-12));
        assertThat(c[i("po4Ecf")]).isCloseTo(0.464 * extra, within(1e-12));
    }

    @Test
    void pthSecretionFollowsCalciumAndTheGlandWhoseStatesFollowCalcitriolAndCalcium() {
        double kout = 7.142857, pth0 = PTHC0 * V, secretion0 = kout * pth0;
        double[] y = y0.clone();
        y[i("glandPool")] = 0.25;
        double[] r = rates(y, diet());
        // FCTD = (S / 0.5) PTmax halves secretion
        assertThat(r[i("pth")]).isCloseTo(0.5 * secretion0 - secretion0, within(1e-9));
        // tanh 0 at baseline: both gland rates 0.01 /h
        assertThat(r[i("glandPool")]).isCloseTo(0.01 * (1 - 0.25) - 0.01 * 0.25, within(1e-12));
        double[] z = y0.clone();
        z[i("glandCapacity")] = 2;
        double[] rz = rates(z, diet());
        assertThat(rz[i("pth")]).isCloseTo(secretion0, within(1e-9));
        assertThat(rz[i("glandCapacity")]).isCloseTo(1.604e-4 * (1 - 2), within(1e-15));
        // calcitriol 100 pmol/L: tanh(0.03 (100 - 90)); dS/dt = 0.5 (T76 - T75) = -0.01 x 0.85 tanh
        double[] w = y0.clone();
        w[i("calcitriol")] = 100 * V;
        assertThat(rates(w, diet())[i("glandPool")]).isCloseTo(-0.0085 * Math.tanh(0.3), within(1e-15));
        // calcium 2% up: secretion max - (max - min) Ca^n / (Ca^n + T60^n), T60^n derived from the baseline
        double n = 11.7387, max = 6249.09, min = 96.25;
        double ca0n = Math.pow(CA0, n);
        double t60n = ca0n * (max - min) / (max - secretion0) - ca0n;
        double ca = 1.02 * CA0, can = Math.pow(ca, n);
        double[] u = y0.clone();
        u[i("caEcf")] = ca * V;
        double[] ru = rates(u, diet());
        assertThat(ru[i("pth")]).isCloseTo(max - (max - min) * can / (can + t60n) - secretion0, within(1e-6));
        // the pool's calcium threshold C8_0 (Ca0 / Ca)^0.9 falls: tanh(0.03 (90 - 90 / 1.02^0.9))
        double th = Math.tanh(0.03 * (C80 - C80 * Math.pow(1.02, -0.9)));
        assertThat(ru[i("glandPool")]).isCloseTo(-0.0085 * th, within(1e-12));
    }

    @Test
    void calcitriolIsMadeByTheHydroxylaseWhichPthDrivesAndFgf23Suppresses() {
        double b0 = C80 * V, aoh0 = 0.1 * b0;
        double[] y = y0.clone();
        y[i("calcitriol")] = 1.1 * b0;
        assertThat(change(y, diet())[i("calcitriol")]).isCloseTo(-0.1 * 0.1 * b0, within(1e-12));
        double[] z = y0.clone();
        z[i("hydroxylase")] += 10;
        double[] cz = change(z, diet());
        assertThat(cz[i("calcitriol")]).isCloseTo(10, within(1e-12));
        assertThat(cz[i("hydroxylase")]).isCloseTo(-0.05 * 10, within(1e-12));
        // FGF23 at 4 x baseline: synthesis x 4^-0.5
        double[] w = y0.clone();
        w[i("fgf23")] = 4 * 45;
        assertThat(rates(w, diet())[i("hydroxylase")]).isCloseTo(0.05 * aoh0 * (0.5 - 1), within(1e-12));
        // PTH doubled: T66 PTH^g / (T67^g + PTH^g), g 0.111241, T67 1.54865 pmol/L, 1 at baseline
        double g = 0.111241, a = Math.pow(1.54865, g), p0 = Math.pow(PTHC0, g), p = Math.pow(2 * PTHC0, g);
        double t68 = (a + p0) / p0 * p / (a + p);
        double[] u = y0.clone();
        u[i("pth")] = 2 * PTHC0 * V;
        assertThat(rates(u, diet())[i("hydroxylase")]).isCloseTo(0.05 * aoh0 * (t68 - 1), within(1e-12));
    }

    @Test
    void theAbsorptionCapacitiesFollowCalcitriol() {
        double[] y = y0.clone();
        y[i("absorptionCapacity")] = 1;
        // at C8_0 both rates are 0.003 + 0.034 / 2 = 0.037 - 0.034 / 2 = 0.02 /h
        assertThat(rates(y, diet())[i("absorptionCapacity")]).isCloseTo(-0.02, within(1e-15));
        double[] z = y0.clone();
        z[i("calcitriol")] = 0;
        double[] rz = rates(z, diet());
        assertThat(rz[i("absorptionCapacity")]).isCloseTo(0.003 * 0.5 - 0.037 * 0.5, within(1e-15));
        // RPHOS toward C8 Max / (C8 + C8_0 (Max - 1)), Max 18.15961, at 0.02 /h
        assertThat(rz[i("po4AbsorptionCapacity")]).isCloseTo(0.02 * (0 - 1), within(1e-15));
        double[] w = y0.clone();
        w[i("calcitriol")] = 180 * V;
        double drive = 180 * 18.15961 / (180 + 90 * 17.15961);
        assertThat(rates(w, diet())[i("po4AbsorptionCapacity")]).isCloseTo(0.02 * (drive - 1), within(1e-12));
        // RPHOS 2 doubles J53 = 0.365 PhosGut RPHOS
        double[] u = y0.clone();
        u[i("po4AbsorptionCapacity")] = 2;
        double[] cu = change(u, diet());
        double j53 = 0.365 * y0[i("po4Gut")];
        assertThat(cu[i("po4Gut")]).isCloseTo(-j53, within(1e-12));
        assertThat(cu[i("po4Ecf")]).isCloseTo(j53, within(1e-12));
        assertThat(cu[i("po4AbsorptionCapacity")]).isCloseTo(-0.02, within(1e-15));
        // the smoothed load follows J53 / J53ref at 0.02 /h
        assertThat(cu[i("po4AbsorbedLoad")]).isCloseTo(0.02 * 1, within(1e-12));
    }

    @Test
    void fgf23FollowsPhosphateAboveBaselineCalcitriolTheLoadAndNephronLoss() {
        double kf = 0.08, base = 45;
        double[] y = y0.clone();
        y[i("po4Ecf")] = 1.1 * C2X0 * V;
        assertThat(rates(y, diet())[i("fgf23")]).isCloseTo(kf * base * 0.1, within(1e-12));
        y[i("po4Ecf")] = 0.9 * C2X0 * V;
        assertThat(rates(y, diet())[i("fgf23")]).isCloseTo(0, within(1e-12));
        double[] z = y0.clone();
        z[i("calcitriol")] = 2 * C80 * V;
        assertThat(rates(z, diet())[i("fgf23")]).isCloseTo(kf * base * (Math.pow(2, 0.6) - 1), within(1e-12));
        double[] w = y0.clone();
        w[i("po4AbsorbedLoad")] = 2;
        double[] rw = rates(w, diet());
        assertThat(rw[i("fgf23")]).isCloseTo(kf * base * (Math.pow(2, 0.4) - 1), within(1e-12));
        assertThat(rw[i("po4AbsorbedLoad")]).isCloseTo(0.02 * (1 - 2), within(1e-12));
        Drivers half = diet();
        half.setEgfrMlPerMin(50);
        assertThat(rates(y0, half)[i("fgf23")]).isCloseTo(kf * base * (2 - 1), within(1e-12));
        // FGF23 3 x baseline halves the renal threshold T46 = C2_0 - J53ref / (0.88 GFR)
        double gfr = 6, t46 = C2X0 - DIET_P * F12 / (0.88 * gfr);
        double[] u = y0.clone();
        u[i("fgf23")] = 3 * base;
        assertThat(change(u, diet())[i("po4UrineCum")]).isCloseTo(0.88 * gfr * t46 * 0.5, within(1e-12));
    }

    /**
     * {@link MineralBlock#addSlowRates} gives the SLOW rows of {@link MineralBlock#addRates} (its documented
     * contract: the same expressions in the same order), over states spread around the baseline, with the
     * gut holding a binder and the binding, the Hill law or haemodialysis switched on.
     */
    @Test
    void theSlowRowsAloneAreTheFullCallsSlowRows() {
        SplittableRandom random = new SplittableRandom(20261204);
        List<Map<String, Double>> switches = List.of(Map.of(), Map.of("calciumPhosphateBindingOn", 1.0),
                Map.of("gutTranscellularCalcitriolHill", 1.0), Map.of("deepBoneExchangeCellExponent", 1.0));
        int compared = 0;
        for (Map<String, Double> on : switches) {
            MineralBlock block = new MineralBlock(MineralBlock.defaultParameters().with(on));
            block.bind(layout);
            double[] start = new double[layout.size()];
            block.initialise(new Patient("p", 60, Sex.FEMALE, 70, 165, 100, OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty(), RiskFactors.typical()), start);
            start[i("binderGut")] = 3;
            for (boolean dialysis : new boolean[] {false, true}) {
                Drivers d = diet();
                d.setEgfrMlPerMin(dialysis ? 7 : 45);
                d.setHaemodialysis(dialysis);
                d.setResidualGfrMlPerMin(dialysis ? 2 : Double.NaN);
                d.setDietCalciumMmolPerHour(0.4);
                for (int k = 0; k < 10; k++) {
                    double[] y = start.clone();
                    for (int m = 0; m < y.length; m++) {
                        y[m] *= Math.exp(random.nextDouble(-0.7, 0.7));
                    }
                    double[] full = new double[y.length];
                    double[] slow = new double[y.length];
                    block.addRates(0, y, d, full);
                    block.addSlowRates(0, y, d, slow);
                    for (int m = 0; m < y.length; m++) {
                        if (layout.variable(m).id().startsWith("mineral.")
                                && layout.variable(m).timeScale() == TimeScale.SLOW) {
                            assertThat(slow[m]).as(on + " " + layout.variable(m).id()).isEqualTo(full[m]);
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    private static Patient patient(double egfr, OptionalDouble ca, OptionalDouble po4, OptionalDouble pth) {
        return new Patient("p", 60, Sex.FEMALE, 70, 165, egfr, ca, po4, pth, RiskFactors.typical());
    }

    /**
     * Reference mode holds the smoothed phosphate load's drive at the mean absorbed phosphate of the last
     * dosing period relative to the habitual diet's J53ref = F12 x 32.3 / 24 mmol/h (docs/model/mineral.md,
     * "FGF23 follows the daily phosphate load"); at the run's start it holds the state itself.
     */
    @Test
    void referenceModeHoldsTheLoadAtThePeriodsMeanAbsorbedPhosphate() {
        assertThat(b.periodMeanStates()).containsExactly("mineral.po4AbsorbedLoad");
        double[] y = y0.clone();
        y[i("po4AbsorbedLoad")] = 1.5;
        y[i("po4AbsorptionCapacity")] = 2; // unheld, the drive would be J53 / J53ref = 2
        b.holdPeriodMeans(0, y, true);
        assertThat(rates(y, diet())[i("po4AbsorbedLoad")]).isCloseTo(0, within(1e-15));
        // a day of twice the habitual diet: intake 64.6 mmol, 30 % of it to faeces, the gut pool unchanged
        y[i("po4IntakeCum")] += 64.6;
        y[i("po4FaecesCum")] += 0.3 * 64.6;
        b.holdPeriodMeans(24, y, false);
        double held = 0.7 * 64.6 / 24 / (DIET_P * F12);
        assertThat(held).isCloseTo(2, within(1e-12));
        assertThat(rates(y, diet())[i("po4AbsorbedLoad")]).isCloseTo(0.02 * (held - 1.5), within(1e-12));
        // a second call at the same time keeps the mean
        b.holdPeriodMeans(24, y, false);
        assertThat(rates(y, diet())[i("po4AbsorbedLoad")]).isCloseTo(0.02 * (held - 1.5), within(1e-12));
        // a day in which the absorbable pool grew by 10 mmol of the day's 0.7 x 32.3 absorbed nothing of those
        y[i("po4IntakeCum")] += 32.3;
        y[i("po4FaecesCum")] += 0.3 * 32.3;
        y[i("po4Gut")] += 10;
        b.holdPeriodMeans(48, y, false);
        double next = (0.7 * 32.3 - 10) / 24 / (DIET_P * F12);
        assertThat(rates(y, diet())[i("po4AbsorbedLoad")]).isCloseTo(0.02 * (next - 1.5), within(1e-12));
    }

    @Test
    void theBaselineIsDerivedAtTheOwnEgfrWithLabsOrFromTheCkdThresholdUp() {
        OptionalDouble none = OptionalDouble.empty();
        assertThat(MineralBlock.derivedAtOwnEgfr(patient(60, none, none, none), 60)).isTrue();
        assertThat(MineralBlock.derivedAtOwnEgfr(patient(59.9, none, none, none), 60)).isFalse();
        assertThat(MineralBlock.derivedAtOwnEgfr(patient(30, OptionalDouble.of(2.3), none, none), 60)).isTrue();
        assertThat(MineralBlock.derivedAtOwnEgfr(patient(30, none, OptionalDouble.of(1.3), none), 60)).isTrue();
        assertThat(MineralBlock.derivedAtOwnEgfr(patient(30, none, none, OptionalDouble.of(80)), 60)).isTrue();
    }

    /**
     * A block initialised for a second patient (its derived constants and remembered driver terms
     * replaced) writes every state and gives the rates of a fresh block for that patient.
     */
    @Test
    void aSecondPatientOnTheSameBlockIsTheFreshBlocksPatient() {
        Patient labs = patient(45, OptionalDouble.of(2.25), OptionalDouble.of(1.35), OptionalDouble.of(70));
        Drivers at45 = diet();
        at45.setEgfrMlPerMin(45);
        MineralBlock fresh = new MineralBlock(MineralBlock.defaultParameters());
        fresh.bind(layout);
        double[] expected = new double[layout.size()];
        fresh.initialise(labs, expected);
        double[] expectedRates = new double[layout.size()];
        fresh.addRates(0, expected, at45, expectedRates);

        MineralBlock reused = new MineralBlock(MineralBlock.defaultParameters());
        reused.bind(layout);
        double[] y = new double[layout.size()];
        reused.initialise(patient(45, OptionalDouble.of(2.5), OptionalDouble.of(1.0), OptionalDouble.of(30)), y);
        reused.addRates(0, y, at45, new double[y.length]);
        Arrays.fill(y, 7.0);
        reused.initialise(labs, y);
        for (int k = 0; k < y.length; k++) {
            if (layout.variable(k).id().startsWith("mineral.")) {
                assertThat(y[k]).as(layout.variable(k).id()).isEqualTo(expected[k]);
            }
        }
        double[] r = new double[y.length];
        reused.addRates(0, y, at45, r);
        assertThat(r).isEqualTo(expectedRates);
    }

    /**
     * With the calcium binding on, the entering fraction of dietary phosphate is F12 plus the binding of the
     * baseline's faecal calcium (intake less urine, 24.055 / 24 - 0.149997 mmol/h) per dietary phosphate;
     * above 1 it is capped and the baseline gut phosphate P solves k P + max e P / (P + K) = diet.
     */
    @Test
    void withTheBindingOnTheEnteringFractionCarriesTheFaecalCalciumsBinding() {
        double faecalCa = 24.055 / 24 - 0.149997;
        MineralBlock on = new MineralBlock(MineralBlock.defaultParameters().with(Map.of("calciumPhosphateBindingOn", 1.0)));
        on.bind(layout);
        double[] y = new double[layout.size()];
        on.initialise(patient(100, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()), y);
        double[] z = new double[layout.size()];
        on.applyIntake(new Intake(Intake.Kind.PHOSPHATE_FOOD, 1), z);
        assertThat(z[i("po4Gut")]).isCloseTo(F12 + 0.4296 * faecalCa / DIET_P, within(1e-12));
        assertThat(z[i("po4FaecesCum")]).isCloseTo(1 - F12 - 0.4296 * faecalCa / DIET_P, within(1e-12));

        MineralBlock capped = new MineralBlock(MineralBlock.defaultParameters()
                .with(Map.of("calciumPhosphateBindingOn", 1.0, "calciumPhosphateBinding", 0.49)));
        capped.bind(layout);
        double[] w = new double[layout.size()];
        capped.initialise(patient(100, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()), w);
        assertThat(F12 + 0.49 * faecalCa / DIET_P).isGreaterThan(1);
        double[] u = new double[layout.size()];
        capped.applyIntake(new Intake(Intake.Kind.PHOSPHATE_FOOD, 1), u);
        assertThat(u[i("po4Gut")]).isEqualTo(1.0);
        double k = 0.365, kHalf = DIET_P * F12 / k * (0.6 / 0.49 - 1);
        double p = w[i("po4Gut")];
        assertThat(p).isPositive();
        assertThat(k * p + 0.6 * faecalCa * p / (p + kHalf)).isCloseTo(DIET_P, within(1e-12));
        // the renal threshold is derived so that urine excretes this baseline's absorption k P
        double[] r = new double[w.length];
        capped.addRates(0, w, diet(), r);
        assertThat(r[i("po4UrineCum")]).isCloseTo(k * p, within(1e-12));
    }

    /**
     * A measured phosphate too low to excrete the habitual load at the patient's eGFR floors the renal
     * threshold at po4ThresholdFloorFraction 0.05 of it (then divided by FGF23's phosphaturia at the
     * baseline FGF23, 45 x (100 / eGFR)): at eGFR 20 and 0.8 mmol/L, 0.8 - 0.942 / (0.88 x 1.2) < 0.
     */
    @Test
    void aPhosphateTooLowToExcreteTheLoadFloorsTheThreshold() {
        MineralBlock ckd = new MineralBlock(MineralBlock.defaultParameters());
        ckd.bind(layout);
        double[] y = new double[layout.size()];
        ckd.initialise(patient(20, OptionalDouble.empty(), OptionalDouble.of(0.8), OptionalDouble.empty()), y);
        assertThat(y[i("fgf23")]).isCloseTo(45 * 5, within(1e-9));
        Drivers d = diet();
        d.setEgfrMlPerMin(20);
        double gfr = 20 * 0.06;
        double phosphaturia = 1 / (1 + 0.5 * (5 - 1));
        double t46 = 0.05 * 0.8 / phosphaturia;
        double[] r = new double[y.length];
        ckd.addRates(0, y, d, r);
        assertThat(r[i("po4UrineCum")]).isCloseTo(0.88 * gfr * (0.8 - t46 * phosphaturia), within(1e-12));
    }

    @Test
    void theImpossibleBaselinesMessageNamesTheGutsTarget() {
        MineralBlock over = new MineralBlock(MineralBlock.defaultParameters().with(Map.of("caHabitualIntake", 60.0)));
        over.bind(layout);
        // the target is baseline urine (the offset 0.149997) plus secretion 0.81 x 165 / 40.078 / 24 mmol/h
        String target = String.format(Locale.ROOT, "%.4f", 0.149997 + 0.81 * 165 / 40.078 / 24);
        assertThatThrownBy(() -> over.initialise(
                        patient(100, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()),
                        new double[layout.size()]))
                .hasMessageContaining("absorbs " + target + " mmol/h of the habitual diet");
    }

    /**
     * On haemodialysis with a residual GFR the kidneys filter at it (not at the eGFR driver's) and P&amp;R's
     * offset scales with GFR / reference GFR; off dialysis at the same GFR the offset is whole (the
     * remembered renal terms must follow the switch, not only the GFR).
     */
    @Test
    void theResidualKidneysOffsetScalesWithItsFiltration() {
        double gfr = 3.5 * 0.06;
        Drivers off = diet();
        off.setEgfrMlPerMin(3.5);
        Drivers on = diet();
        on.setEgfrMlPerMin(7);
        on.setHaemodialysis(true);
        on.setResidualGfrMlPerMin(3.5);
        for (int k = 0; k < 2; k++) {
            double whole = renalCalciumByHand(CA0, PTHC0, C80, gfr, 0.149997);
            assertThat(rates(y0, off)[i("caUrineCum")]).as("off dialysis").isCloseTo(whole, within(1e-12));
            double residual = renalCalciumByHand(CA0, PTHC0, C80, gfr, 0.149997 * gfr / 6);
            assertThat(rates(y0, on)[i("caUrineCum")] - b.dialysedCalcium(CA0, on)).as("residual kidney")
                    .isCloseTo(residual, within(1e-12));
        }
    }

    /**
     * The diagnostic nephron-loss exponents (0 in the catalog) at 1, eGFR 50 against the derivation's 100:
     * gut absorption and P&amp;R's renal offset each scaled by 50 / 100.
     */
    @Test
    void theNephronLossExponentsScaleGutAbsorptionAndTheRenalOffset() {
        MineralBlock nephron = new MineralBlock(MineralBlock.defaultParameters()
                .with(Map.of("gutCaNephronExponent", 1.0, "renalCaOffsetNephronExponent", 1.0)));
        nephron.bind(layout);
        double[] y = new double[layout.size()];
        nephron.initialise(patient(100, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()), y);
        for (String s : List.of("caMeal", "caChyme", "caStomach", "caTablet", "caGut", "caGut2", "caGut4", "caGut5",
                "caGut6", "caGut7")) {
            y[i(s)] = 0;
        }
        y[i("caGut3")] = 1;
        Drivers d = diet();
        d.setEgfrMlPerMin(50);
        double[] r = new double[y.length];
        nephron.addRates(0, y, d, r);
        double absorbed = 0.5 * (nephron.transcellularVmax() / (1 + KM) + PARACELLULAR);
        assertThat(r[i("caAbsorbedCum")] + 0.81 * 165 / 40.078 / 24).isCloseTo(absorbed, within(1e-12));
        assertThat(nephron.outputs().stream().filter(o -> o.id().equals("absorbedCalcium")).findFirst().orElseThrow()
                .value(0, y, d)).isCloseTo(24 * absorbed, within(1e-9));
        assertThat(r[i("caUrineCum")]).isCloseTo(renalCalciumByHand(CA0, PTHC0, C80, 3.0, 0.5 * 0.149997), within(1e-12));
    }

    /**
     * Plasma calcium's balance, dP/dt = J40 - Jsec - J27 - Jdial + J14 - J15 + Jpth + Jrem: each term moved
     * alone (the baseline's plasma calcium moves within the day, so the rest test does not read this row).
     */
    @Test
    void plasmaCalciumCollectsEveryFlux() {
        double f = 0.107763, secretion0 = 0.81 * 165 / 40.078 / 24;
        double[] y = y0.clone();
        y[i("caEcf")] = 2.45 * V;
        double dSecreted = secretion0 * (2.45 / CA0 - 1);
        double dUrine = renalCalciumByHand(2.45, PTHC0, C80) - 0.149997;
        double dJ15 = 88.0 / (CA0 * V * 24) * 0.1 * V * (1 - f);
        assertThat(change(y, diet())[i("caEcf")]).isCloseTo(-dSecreted - dUrine - dJ15, within(1e-12));
        Drivers hd = diet();
        hd.setHaemodialysis(true);
        double dialysed = 0.62 * (0.6 * CA0 - 1.5) + 0.044 * 0.6 * CA0;
        assertThat(change(y0, hd)[i("caEcf")]).isCloseTo(-dialysed, within(1e-12));
        double scale = 88.0 / 24 / 100 * (1 - f) * 100;
        double jPth = scale * (2 * 2.0 / (2 + 1) - 1);
        double[] z = y0.clone();
        z[i("pth")] = 2 * PTHC0 * V;
        double[] cz = change(z, diet());
        assertThat(cz[i("caEcf")]).isCloseTo(jPth - (renalCalciumByHand(CA0, 2 * PTHC0, C80) - 0.149997), within(1e-12));
        // bone mineral released by the efflux carries its phosphate (0.464 mol P per mol Ca)
        assertThat(cz[i("po4Ecf")]).isCloseTo(0.464 * jPth, within(1e-12));
        double[] w = emptyGut();
        double[] base = rates(w, diet());
        w[i("caGut3")] = 1;
        double absorbed = b.transcellularVmax() / (1 + KM) + PARACELLULAR;
        assertThat(rates(w, diet())[i("caEcf")] - base[i("caEcf")]).isCloseTo(absorbed, within(1e-12));
    }

    /**
     * The efflux's Emax law at another ceiling (boneEffluxPthMax 3): the Hill exponent 0.5 x 3 / (3 - 1) =
     * 0.75 keeps the small-signal exponent, so PTH / adapted = 2 gives x = 2^0.75 and 3 x / (x + 2).
     */
    @Test
    void theEffluxsHillExponentKeepsTheSmallSignalExponentAtAnotherCeiling() {
        MineralBlock three = new MineralBlock(MineralBlock.defaultParameters().with(Map.of("boneEffluxPthMax", 3.0)));
        three.bind(layout);
        double[] y = new double[layout.size()];
        three.initialise(patient(100, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()), y);
        double scale = 88.0 / 24 / 100 * (1 - 0.107763) * 100;
        for (double ratio : new double[] {2, 0.5}) {
            double[] z = y.clone();
            z[i("pth")] = ratio * PTHC0 * V;
            double[] r = new double[z.length];
            three.addRates(0, z, diet(), r);
            double x = Math.pow(ratio, 0.75);
            assertThat(r[i("caBone")]).as("PTH x %s", ratio).isCloseTo(-scale * (3 * x / (x + 2) - 1), within(1e-12));
        }
    }

    /** The deep exchange scaled by OB^e (deepBoneExchangeCellExponent; 0 in the catalog) at e = 0.5 and 1, OB = 2. */
    @Test
    void theDeepExchangeScalesWithTheOsteoblastPower() {
        double k15a = 2.44437e-5 * 24900 / 100;
        for (double e : new double[] {0.5, 1}) {
            MineralBlock cells = new MineralBlock(MineralBlock.defaultParameters()
                    .with(Map.of("deepBoneExchangeCellExponent", e)));
            cells.bind(layout);
            double[] y = new double[layout.size()];
            cells.initialise(patient(100, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()), y);
            y[i("osteoblasts")] = 2;
            double[] r0 = new double[y.length];
            cells.addRates(0, y, diet(), r0);
            y[i("caBoneExch")] += 10;
            double[] r1 = new double[y.length];
            cells.addRates(0, y, diet(), r1);
            assertThat(r1[i("caBone")] - r0[i("caBone")]).as("e = %s", e)
                    .isCloseTo(k15a * 10 * Math.pow(2, e), within(1e-12));
        }
    }

    @Test
    void withTheRegulationOnTheGlandPoolSeesAFifthOfTheCalcitriolDeviation() {
        MineralBlock reg = new MineralBlock(MineralBlock.defaultParameters().with(Map.of("calcitriolRegulationOn", 1.0)));
        reg.bind(layout);
        double[] y = new double[layout.size()];
        reg.initialise(patient(100, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty()), y);
        y[i("calcitriol")] = 100 * V;
        double[] r = new double[y.length];
        reg.addRates(0, y, diet(), r);
        // C8 seen = 90 + 0.2 (100 - 90) = 92
        assertThat(r[i("glandPool")]).isCloseTo(-0.0085 * Math.tanh(0.03 * 2), within(1e-15));
    }
}
