package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * What makes fast mode's owned integrals of the wall at the orbit samples exact when computed late
 * ({@link DeferredOwnedIntegrals}): with its milieu given the wall reads no FAST state, so its rates
 * at a sample row (the frozen SLOW state, the sample's FAST values) are the bits it gave at the
 * integrator's state when the sample was taken; and the deferred integrals are those of the formula
 * the orbit applied at once ({@code jump + tau r(m / tau)}), the wall called once per sample read.
 */
class DeferredOwnedIntegralsTest {

    @Test
    void theWallGivenItsMilieuReadsNoFastState() {
        SplittableRandom random = new SplittableRandom(20261201);
        int compared = 0;
        for (Scenario sc : scenarios()) {
            AssembledModel model = model(sc);
            int n = model.dimension();
            double[] base = initial(model, sc);
            double[] y = new double[n];
            double[] m = new double[model.milieuSize()];
            double[] r0 = new double[n];
            double[] r1 = new double[n];
            for (int k = 0; k < 10; k++) {
                for (int i = 0; i < n; i++) {
                    y[i] = k == 0 ? base[i] : base[i] * Math.exp(random.nextDouble(-0.7, 0.7));
                }
                double t = random.nextDouble(0, 10 * 365.25 * 24);
                model.milieu(t, y, m);
                java.util.Arrays.fill(r0, 0.0);
                model.addOwnedRates(t, y, m, r0);
                for (int i : model.fastIndices()) {
                    double keep = y[i];
                    y[i] = 1.5 * keep + 1e-3;
                    java.util.Arrays.fill(r1, 0.0);
                    model.addOwnedRates(t, y, m, r1);
                    y[i] = keep;
                    assertThat(r1).as("the wall's own rates with FAST state %d moved", i).isEqualTo(r0);
                    compared++;
                }
            }
        }
        // 33 FAST states (vitk.mkh2 appended 2026-12-02), 10 points, 3 people
        assertThat(compared).isEqualTo(3 * 10 * 33);
    }

    @Test
    void deferredIntegralsAreTheImmediateOnesAndOnlyReadSamplesCallTheWall() {
        Scenario sc = scenarios().get(1);
        AssembledModel model = model(sc);
        int n = model.dimension();
        int[] slow = model.slowIndices();
        int[] owned = java.util.stream.IntStream.range(0, slow.length).filter(j -> model.ownedByAffine(slow[j])).toArray();
        assertThat(owned).hasSize(44);
        int ms = model.milieuSize();
        int samples = 12;
        DeferredOwnedIntegrals deferred = new DeferredOwnedIntegrals(model, slow, owned, ms, samples);
        SplittableRandom random = new SplittableRandom(7);
        double[] frozen = initial(model, sc);
        double driverTime = 3.5 * 365.25 * 24;
        double[][] rows = new double[samples][];
        double[][] integrals = new double[samples][slow.length];
        double[][] expected = new double[samples][slow.length];
        double[] jumps = new double[slow.length];
        double[] m = new double[ms];
        double[] rates = new double[n];
        double[] mean = new double[ms];
        for (int k = 0; k < samples; k++) {
            // The integrator's state when the sample is taken: the frozen SLOW part, FAST values of its own.
            double[] z = frozen.clone();
            for (int i : model.fastIndices()) {
                z[i] *= Math.exp(random.nextDouble(-0.3, 0.3));
            }
            // The sample row: the same SLOW part, other (interpolated) FAST values.
            rows[k] = frozen.clone();
            for (int i : model.fastIndices()) {
                rows[k][i] *= Math.exp(random.nextDouble(-0.3, 0.3));
            }
            double tau = k * 2.0;
            for (int c = 0; c < ms; c++) {
                m[c] = tau * random.nextDouble(0, 3);
            }
            for (int q : owned) {
                // sample 0 (tau 0) too: its integral is its jump alone
                jumps[q] = k % 4 == 3 || k == 0 ? random.nextDouble(0, 1e-3) : 0;
            }
            // What the orbit wrote at once (FrozenFastSystem.ownedIntegrals), at z.
            for (int q : owned) {
                expected[k][q] = jumps[q];
            }
            if (tau > 0) {
                for (int c = 0; c < ms; c++) {
                    mean[c] = m[c] / tau;
                }
                java.util.Arrays.fill(rates, 0.0);
                model.addOwnedRates(driverTime, z, mean, rates);
                for (int q : owned) {
                    expected[k][q] = jumps[q] + tau * rates[slow[q]];
                }
            }
            deferred.defer(k, tau, driverTime, m, 0, jumps);
            for (int q : owned) {
                jumps[q] = 0;
            }
        }
        deferred.written(4);
        deferred.complete(7, rows, integrals);
        for (int k = 0; k <= 7; k++) {
            for (int q : owned) {
                assertThat(integrals[k][q]).as("sample %d, state %d", k, q)
                        .isEqualTo(k == 4 ? 0.0 : expected[k][q]);
            }
        }
        // samples 1-3 and 5-7 (sample 0 has tau 0, sample 4 was written in full): six calls, none beyond the last read
        assertThat(deferred.calls()).isEqualTo(6);
        deferred.complete(7, rows, integrals);
        assertThat(deferred.calls()).as("a completed sample is not recomputed").isEqualTo(6);
        assertThat(integrals[9][owned[0]]).isZero();
    }

    private static AssembledModel model(Scenario sc) {
        var parameters = ModelAssembly.defaultParameters();
        return new AssembledModel(ModelAssembly.standardBlocks(parameters, true), new DriverCourse(sc, parameters));
    }

    private static double[] initial(AssembledModel model, Scenario sc) {
        double[] y = InitialisedModels.initialState(model, sc.patient());
        return y;
    }

    private static List<Scenario> scenarios() {
        Patient man = new Patient("m72", 72, Sex.MALE, 85, 178, 95, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), new RiskFactors(240, 40, 150, 85, true, true, 3));
        return List.of(
                scenario(Patient.referenceAdult(), List.of()),
                scenario(Patient.referenceAdult(), List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G4))),
                scenario(man, List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G5),
                        new Condition.Haemodialysis(), new Condition.Diabetes())));
    }

    private static Scenario scenario(Patient patient, List<Condition> conditions) {
        return new Scenario("deferred-owned", "", patient, conditions,
                new ArrayList<>(List.of(Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20),
                        new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180,
                                org.vascalc.core.intervention.Schedule.daily(8)))),
                3652.5, Recording.every(365.25 * 24));
    }
}
