package org.vascalc.physiology.vitamink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.units.MolarMass;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.Intake;
import org.vascalc.physiology.model.StateLayout;

class VitaminKBlockTest {

    private final ParameterCatalog catalog = ParameterCatalog.fromResource(VitaminKBlock.class, VitaminKBlock.CATALOG);

    private static VitaminKBlock bound(VitaminKBlock b, double[][] yOut) {
        StateLayout layout = new StateLayout(List.of(b));
        b.bind(layout);
        yOut[0] = new double[layout.size()];
        return b;
    }

    @Test
    void initialStateIsAnEquilibriumForHealthyAndHaemodialysis() {
        double[][] holder = new double[1][];
        VitaminKBlock b = bound(new VitaminKBlock(catalog), holder);
        double[] y = holder[0];
        for (boolean hd : new boolean[] {false, true}) {
            Drivers d = new Drivers();
            d.setHaemodialysis(hd);
            b.initialise(Patient.referenceAdult(), y);
            b.steadyState(d, y);
            double[] dydt = new double[y.length];
            b.addRates(0, y, d, dydt);
            for (int i = 0; i < y.length; i++) {
                // relative to each variable's tolerance: the steady state is analytic, so only rounding remains
                assertThat(Math.abs(dydt[i])).as("d%s/dt (hd=%s)", b.variables().get(i).id(), hd)
                        .isLessThan(1e-6 * b.variables().get(i).absoluteTolerance());
            }
        }
    }

    @Test
    void referenceDietReproducesWajimaBaseline() {
        // k1AbsorbedFraction is derived so that the reference intake gives Wajima's k_in·V
        double kin = catalog.value("wajimaVkInputNmolPerLPerH") * catalog.value("vkVolumeL") * 24;
        double ref = MolarMass.PHYLLOQUINONE.ugToNmol(catalog.value("referenceK1IntakeUgPerDay"));
        assertThat(catalog.value("k1AbsorbedFraction")).isCloseTo(kin / ref, within(1e-4)); // 4 digits as stored
    }

    @Test
    void fixedWarfarinInhibitionLowersVkh2ToOneMinusInhibitionAtSteadyState() {
        // closed form (model-anchors 2.4): VK is unchanged by warfarin at steady state, so
        // VKH2/VKH2_0 = 1 - I_W. Put warfarin at its EC50 (I_W = 1/2) and the cycle at that state:
        // every rate of the cycle must then vanish.
        double[][] holder = new double[1][];
        VitaminKBlock b = bound(new VitaminKBlock(catalog), holder);
        double[] y = holder[0];
        b.initialise(Patient.referenceAdult(), y);
        double vkh20 = y[b.index(VitaminKBlock.VKH2)];
        y[b.index(VitaminKBlock.WARF)] = catalog.value("warfarinEc50MgPerL") * catalog.value("warfarinVolumeL");
        assertThat(b.warfarinInhibition(y)).isCloseTo(0.5, within(1e-12));
        y[b.index(VitaminKBlock.VKH2)] = 0.5 * vkh20;
        double[] dydt = new double[y.length];
        b.addRates(0, y, new Drivers(), dydt);
        for (int i : new int[] {VitaminKBlock.VK, VitaminKBlock.VK_PERIPH, VitaminKBlock.VKH2, VitaminKBlock.VKO}) {
            // nmol/h; the state is exact, so only rounding of ~1e-16 relative remains
            assertThat(dydt[b.index(i)]).as(b.variables().get(i).id()).isCloseTo(0, within(1e-12));
        }
    }

    @Test
    void intakesJumpTheirOwnDepotsOnly() {
        double[][] holder = new double[1][];
        VitaminKBlock b = bound(new VitaminKBlock(catalog), holder);
        double[] y = holder[0];
        b.initialise(Patient.referenceAdult(), y);
        double[] before = y.clone();
        b.applyIntake(new Intake(Intake.Kind.VITAMIN_MK7, 277), y);
        b.applyIntake(new Intake(Intake.Kind.WARFARIN, 5), y);
        b.applyIntake(new Intake(Intake.Kind.CALCIUM_FOOD, 10), y);
        for (int i = 0; i < y.length; i++) {
            double expected = before[i] + (i == b.index(VitaminKBlock.GUT_MK7) ? 277 : i == b.index(VitaminKBlock.WARF_GUT) ? 5 : 0);
            assertThat(y[i]).as(b.variables().get(i).id()).isEqualTo(expected);
        }
    }

    @Test
    void moreVitaminKNeverLowersCarboxylatedMgp() {
        HipparchusPropagator prop = HipparchusPropagator.standard();
        double previous = -1;
        for (double ug : new double[] {0, 45, 90, 180, 360, 720}) {
            VitaminKTargets.Run r = VitaminKTargets.Run.healthy(catalog, prop);
            double dose = MolarMass.MENAQUINONE_7.ugToNmol(ug);
            for (int day = 0; day < 28; day++) {
                r.advanceTo(day * 24.0);
                r.take(new Intake(Intake.Kind.VITAMIN_MK7, dose));
            }
            r.advanceTo(28 * 24.0);
            double c = r.block.cMgpFraction(r.y);
            assertThat(c).as("cMGP at %s ug/d", ug).isGreaterThanOrEqualTo(previous).isBetween(0.0, 1.0);
            previous = c;
        }
    }

    @Test
    void derivativeCallAllocatesNothing() {
        double[][] holder = new double[1][];
        VitaminKBlock b = bound(new VitaminKBlock(catalog), holder);
        double[] y = holder[0];
        b.initialise(Patient.referenceAdult(), y);
        double[] dydt = new double[y.length];
        Drivers d = new Drivers();
        var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        for (int i = 0; i < 20_000; i++) {
            b.addRates(i, y, d, dydt); // warm up so the JIT's own allocations are over
        }
        long before = bean.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 10_000; i++) {
            b.addRates(i, y, d, dydt);
        }
        long allocated = bean.getThreadAllocatedBytes(tid) - before;
        // a few hundred bytes of slack for the measurement itself; 10 000 calls allocating would show MBs
        assertThat(allocated).isLessThan(4096);
    }

    @Test
    void negativeIntakeIsRejectedWithItsUnit() {
        double[][] holder = new double[1][];
        VitaminKBlock b = bound(new VitaminKBlock(catalog), holder);
        assertThatThrownBy(() -> b.applyIntake(new Intake(Intake.Kind.WARFARIN, -5), holder[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WARFARIN").hasMessageContaining("mg");
    }

    @Test
    void targetValueConvergesAsToleranceTightens() {
        // E25 involves 60 dose restarts: the answer must not depend on the harness tolerance
        double loose = VitaminKTargets.e25WarfarinVkh2Fraction(catalog, new HipparchusPropagator(1e-6, 1));
        double standard = VitaminKTargets.e25WarfarinVkh2Fraction(catalog, HipparchusPropagator.standard());
        double tight = VitaminKTargets.e25WarfarinVkh2Fraction(catalog, new HipparchusPropagator(1e-11, 1e-4));
        assertThat(Math.abs(standard - tight)).isLessThan(1e-6).isLessThanOrEqualTo(Math.abs(loose - tight) + 1e-9);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void statesStayNonNegativeAndFractionInUnitIntervalUnderRandomRegimens(long seed) {
        // random plausible regimens: 0-1 mg K1/MK-4/MK-7 and 0-10 mg warfarin on random days, HD on or off
        java.util.Random rnd = new java.util.Random(seed);
        VitaminKTargets.Run r = rnd.nextBoolean() ? VitaminKTargets.Run.healthy(catalog, HipparchusPropagator.standard())
                : VitaminKTargets.Run.haemodialysis(catalog, HipparchusPropagator.standard());
        Intake.Kind[] kinds = {Intake.Kind.VITAMIN_K1, Intake.Kind.VITAMIN_MK4, Intake.Kind.VITAMIN_MK7, Intake.Kind.WARFARIN};
        for (int day = 0; day < 90; day++) {
            r.advanceTo(day * 24.0);
            Intake.Kind k = kinds[rnd.nextInt(kinds.length)];
            if (rnd.nextDouble() < 0.6) {
                r.take(new Intake(k, k == Intake.Kind.WARFARIN ? 10 * rnd.nextDouble() : 2200 * rnd.nextDouble()));
            }
            for (int i = 0; i < r.y.length; i++) {
                // a small negative excursion of the order of the integrator's absolute tolerance is allowed
                assertThat(r.y[i]).as("%s on day %d", r.block.variables().get(i).id(), day)
                        .isGreaterThan(-r.block.variables().get(i).absoluteTolerance());
            }
            assertThat(r.block.cMgpFraction(r.y)).isBetween(0.0, 1.0);
        }
    }
}
