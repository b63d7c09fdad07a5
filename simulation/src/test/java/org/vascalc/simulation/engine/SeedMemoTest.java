package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * {@link SeedMemo}: a seed handed back is the one the Jacobian and period would give (the quasi-Newton
 * steps after it equal those after a computed seed to the bit), only for the same Jacobian bit for
 * bit and the same period, and a fast-mode run from a stabilised state hands its first orbit's seed
 * to the next run from there, whose results equal those of a run without the memo.
 * ({@code RepeatedRunTest} checks the same through {@link EngineSimulator}, which keeps the memo.)
 */
class SeedMemoTest {

    private static final int M = 32;
    private static final double PERIOD = 24;

    @Test
    void aSeedHandedBackStepsAsTheComputedOneAndOnlyForTheSameJacobianAndPeriod() {
        Random random = new Random(20261202L);
        double[] jacobian = new double[M * M];
        for (int r = 0; r < M; r++) {
            jacobian[r * M + r] = -Math.pow(10, -3 + 5 * random.nextDouble());
            int c = random.nextInt(M);
            if (c != r) {
                jacobian[r * M + c] = 0.3 * Math.abs(jacobian[r * M + r]) * (random.nextDouble() - 0.5);
            }
        }
        SeedMemo memo = new SeedMemo();
        PeriodMapNewton first = new PeriodMapNewton(M);
        first.seed(jacobian, PERIOD, memo);
        assertThat(memo.hits()).isZero();
        PeriodMapNewton handed = new PeriodMapNewton(M);
        // a map that learnt something before: the memo's seed replaces it
        handed.seed(jacobian.clone(), 2 * PERIOD);
        handed.next(vector(random), vector(random), scales(), new double[M]);
        handed.seed(jacobian.clone(), PERIOD, memo);
        assertThat(memo.hits()).isEqualTo(1);
        PeriodMapNewton computed = new PeriodMapNewton(M);
        computed.seed(jacobian, PERIOD);
        double[] scale = scales();
        for (int k = 0; k < 3; k++) {
            double[] x = vector(random);
            double[] p = vector(random);
            double[] expected = new double[M];
            double[] next = new double[M];
            computed.next(x, p, scale, expected);
            handed.next(x, p, scale, next);
            for (int i = 0; i < M; i++) {
                assertThat(Double.doubleToLongBits(next[i])).as("period %d component %d", k, i)
                        .isEqualTo(Double.doubleToLongBits(expected[i]));
            }
            assertThat(handed.endError()).isEqualTo(computed.endError());
        }
        double[] moved = jacobian.clone();
        moved[5 * M + 5] = Math.nextUp(moved[5 * M + 5]);
        new PeriodMapNewton(M).seed(moved, PERIOD, memo);
        assertThat(memo.hits()).as("one bit of one entry moved").isEqualTo(1);
        new PeriodMapNewton(M).seed(moved, 2 * PERIOD, memo);
        assertThat(memo.hits()).as("another period").isEqualTo(1);
        new PeriodMapNewton(M).seed(moved, 2 * PERIOD, memo);
        assertThat(memo.hits()).as("the last one kept").isEqualTo(2);
    }

    @Test
    void aRunFromTheSameStateTakesTheFirstRunsSeedAndItsResultsAreThoseWithoutIt() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        Recording rec = new Recording(List.of("pth", "serumCalciumTotal", "mineral.caUrineCum"), 24, 24, 0, 0);
        Scenario supplement = new Scenario("supp", "", org.vascalc.core.patient.Patient.referenceAdult(), List.of(),
                List.of(new Intervention.CalciumSupplement(500, Intervention.CalciumSalt.CARBONATE, true, Schedule.daily(8, 19))),
                3, rec);
        Scenario vitaminK = new Scenario("mk7", "", org.vascalc.core.patient.Patient.referenceAdult(), List.of(),
                List.of(new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8))), 3, rec);
        SeedMemo memo = new SeedMemo();
        run(p, supplement, memo);
        assertThat(memo.hits()).isZero();
        double[][] withMemo = run(p, vitaminK, memo);
        assertThat(memo.hits()).as("the second regimen's first orbit starts where the first's did").isEqualTo(1);
        double[][] without = run(p, vitaminK, null);
        assertThat(withMemo.length).isEqualTo(without.length);
        for (int i = 0; i < without.length; i++) {
            assertThat(withMemo[i]).containsExactly(without[i]);
        }
    }

    /**
     * One memo kept by a simulator may see models of different sizes (one holds one seed: the last
     * run's first): a seed kept for a 2 x 2 Jacobian after a 3 x 3 one, and again a 3 x 3 one, is
     * handed back whole for its own Jacobian only, never the earlier one's.
     */
    @Test
    void aSeedForAnotherSizeReplacesTheKeptOneWhole() {
        double[] j3 = {-1, 0, 0, 0, -2, 0, 0, 0, -3};
        double[] s3 = {0.1, 0, 0, 0, 0.2, 0, 0, 0, 0.3};
        double[] j2 = {-4, 1, 0, -5};
        double[] s2 = {0.4, 0.5, 0, 0.6};
        SeedMemo memo = new SeedMemo();
        memo.keep(j3, PERIOD, s3);
        memo.keep(j2, PERIOD, s2);
        double[] out2 = new double[4];
        assertThat(memo.copyIfSame(j2, PERIOD, out2)).isTrue();
        assertThat(out2).containsExactly(s2);
        assertThat(memo.copyIfSame(j3, PERIOD, new double[9])).isFalse();
        memo.keep(j3, PERIOD, s3);
        double[] out3 = new double[9];
        assertThat(memo.copyIfSame(j3, PERIOD, out3)).isTrue();
        assertThat(out3).containsExactly(s3);
        assertThat(memo.copyIfSame(j2, PERIOD, new double[4])).isFalse();
        assertThat(memo.hits()).isEqualTo(2);
    }

    /** A fast-mode run of {@code sc} from the model's initial state (the same for both regimens, as a stabilised state is), its recorded rows. */
    private static double[][] run(ParameterCatalog p, Scenario sc, SeedMemo memo) {
        AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(p, false), new DriverCourse(sc, p));
        double[] y = InitialisedModels.initialState(model, sc.patient());
        Tolerances tol = new Tolerances(EngineSimulator.RELATIVE_TOLERANCE, model.absoluteTolerances());
        double hours = sc.durationDays() * 24;
        RecordingPlan plan = new RecordingPlan(sc.recording(), hours, model);
        new FastRun(model, Integrators.standard(), Integrators.orbit(), tol, IntakeTimeline.of(sc, p), FastSettings.DEFAULT, memo)
                .run(plan, y, hours, ProgressListener.NONE);
        var tr = plan.trajectory();
        double[][] rows = new double[tr.size()][];
        for (int i = 0; i < tr.size(); i++) {
            rows[i] = tr.row(i);
        }
        return rows;
    }

    private static double[] vector(Random random) {
        double[] v = new double[M];
        for (int i = 0; i < M; i++) {
            v[i] = 10 * random.nextDouble();
        }
        return v;
    }

    private static double[] scales() {
        double[] s = new double[M];
        java.util.Arrays.fill(s, 1e-3);
        return s;
    }
}
