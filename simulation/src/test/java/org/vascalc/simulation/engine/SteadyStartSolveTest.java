package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.model.StateLayout;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * {@link SteadyStart#solve} against its Javadoc, on the reference adult's initial state with a
 * {@link SteadyStart.Settled} that records what it is shown: the start's chunk is predicted at the
 * orbit's averaged rates ({@code chunk x rate}); each iterate is on a fresh orbit and the states not
 * solved (the deep bone, the counters, the rest of the SLOW states) are held, with their chunk change
 * {@code chunk x rate} at the iterate; at most {@link SteadyStart#MAX_ITERATIONS} Newton steps; no
 * solved state moves by more than {@link SteadyStart#MAX_STEP} of itself (or of its scale, 100
 * absolute tolerances) in a step, the step scaled; {@link SteadyStart#residual} is the largest change
 * of a solved state over a chunk at its averaged rate, relative to the state.
 */
class SteadyStartSolveTest {

    private static final double CHUNK = Stabiliser.CHUNK_DAYS * 24;

    @Test
    void theStartIsPredictedAtItsRatesAndNoIterateIsAcceptedByARefusingCriterion() {
        Fixture f = Fixture.referenceAdult();
        double[] start = f.y.clone();
        int[] slow = f.run.slowStates();
        double[] startRates = new double[slow.length];
        for (int j = 0; j < slow.length; j++) {
            startRates[j] = f.run.orbitMeanRate(slow[j]);
        }
        List<double[]> states = new ArrayList<>();
        List<double[]> changes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean met = f.start.solve(f.run, CHUNK, f.y, (y, change) -> {
            if (!states.isEmpty()) {
                // an iterate: on a fresh orbit at y, unsolved states' change at their rate there
                for (int j = 0; j < slow.length; j++) {
                    if (!f.solved(slow[j])) {
                        double expected = CHUNK * f.run.orbitMeanRate(slow[j]);
                        if (Math.abs(change[j] - expected) > 1e-12 * Math.abs(expected) + 1e-300) {
                            problems.add(f.layout.variable(slow[j]).id() + " " + change[j] + " vs " + expected);
                        }
                    }
                }
            }
            states.add(y.clone());
            changes.add(change.clone());
            return false;
        });
        assertThat(met).isFalse();
        assertThat(problems).isEmpty();
        assertThat(states.get(0)).containsExactly(start);
        for (int j = 0; j < slow.length; j++) {
            assertThat(changes.get(0)[j]).as(f.layout.variable(slow[j]).id())
                    .isCloseTo(CHUNK * startRates[j], within(1e-12 * Math.abs(CHUNK * startRates[j])));
        }
        int steps = f.start.iterations();
        assertThat(steps).isBetween(1, SteadyStart.MAX_ITERATIONS);
        boolean restored = java.util.Arrays.equals(f.y, start);
        // the criterion sees the start and every iterate kept; an iterate no better than the start is not shown
        assertThat(states).hasSize(restored ? steps : steps + 1);
        if (!restored) {
            assertThat(steps).isEqualTo(SteadyStart.MAX_ITERATIONS);
            assertThat(f.y).containsExactly(states.get(states.size() - 1));
        }
        for (int s = 1; s < states.size(); s++) {
            f.assertOneScaledStep(states.get(s - 1), states.get(s), false);
        }
        // residual() at the end, by its definition, on the fresh orbit where y now is
        assertThat(f.start.residual()).isCloseTo(f.residual(f.y), within(1e-12 * f.residual(f.y)));
        assertThat(f.start.residual()).isLessThanOrEqualTo(f.residual(start));
    }

    /**
     * Osteoclasts and osteoblasts put at twice their steady index (1, the reference adult's): the Newton
     * step to the steady state would move them by about half, more than {@link SteadyStart#MAX_STEP},
     * so the whole step is scaled until they move by exactly that fraction.
     */
    @Test
    void aStepOfMoreThanThirtyPercentIsScaledToIt() {
        Fixture f = Fixture.referenceAdult();
        int oc = f.layout.index("mineral.osteoclasts");
        int ob = f.layout.index("mineral.osteoblasts");
        f.y[oc] = 2;
        f.y[ob] = 2;
        f.run.restartOnOrbit(f.y);
        List<double[]> states = new ArrayList<>();
        f.start.solve(f.run, CHUNK, f.y, (y, change) -> {
            states.add(y.clone());
            return states.size() > 1;
        });
        assertThat(states.size()).isGreaterThanOrEqualTo(2);
        f.assertOneScaledStep(states.get(0), states.get(1), true);
        assertThat(states.get(1)[oc]).isLessThan(2);
    }

    /** A criterion met at the start: no Newton step, {@code y} as it was, and the solve says so. */
    @Test
    void aStartThatMeetsTheCriterionIsKept() {
        Fixture f = Fixture.referenceAdult();
        double[] start = f.y.clone();
        List<double[]> states = new ArrayList<>();
        boolean met = f.start.solve(f.run, CHUNK, f.y, (y, change) -> states.add(y.clone()));
        assertThat(met).isTrue();
        assertThat(states).hasSize(1);
        assertThat(f.start.iterations()).isZero();
        assertThat(f.y).containsExactly(start);
    }

    /**
     * After a Newton step the chunk shown to the criterion is the change over a chunk on the linearised
     * path ({@code SteadyStart.predictChunk}): checked against a 30-day chunk time-stepped in fast mode
     * from the iterate (a fresh {@link FastRun}), for every solved state that chunk moves by more than
     * 1e-7 of itself. Within 35 %: the linearisation and the orbits' closure; a prediction of no change,
     * or of the start's straight line (the gland pool's over 15-fold by the Javadoc), is outside it.
     */
    @Test
    void theIteratesChunkIsPredictedOnTheLinearisedPath() {
        Fixture f = Fixture.referenceAdult();
        List<double[]> states = new ArrayList<>();
        List<double[]> changes = new ArrayList<>();
        f.start.solve(f.run, CHUNK, f.y, (y, change) -> {
            states.add(y.clone());
            changes.add(change.clone());
            return states.size() > 1;
        });
        assertThat(states).hasSize(2);
        double[] iterate = states.get(1);
        double[] predicted = changes.get(1);
        FastRun stepped = new FastRun(f.model, Integrators.standard(),
                new Tolerances(EngineSimulator.RELATIVE_TOLERANCE, f.model.absoluteTolerances()),
                IntakeTimeline.habitualOnly(f.p, Stabiliser.CHUNK_DAYS), FastSettings.DEFAULT);
        double[] z = iterate.clone();
        stepped.restartOnOrbit(z);
        stepped.run(new RecordingPlan(new Recording(List.of("pth"), CHUNK, CHUNK, 0, 0), CHUNK, f.model), z, CHUNK,
                ProgressListener.NONE);
        int[] slow = f.run.slowStates();
        int compared = 0;
        for (int j = 0; j < slow.length; j++) {
            int i = slow[j];
            if (!f.solved(i)) {
                continue;
            }
            double size = Math.max(Math.abs(iterate[i]), f.scale(i));
            double actual = z[i] - iterate[i];
            if (Math.abs(actual) > 1e-7 * size) {
                compared++;
                assertThat(predicted[j]).as(f.layout.variable(i).id())
                        .isCloseTo(actual, within(0.35 * Math.abs(actual) + 1e-7 * size));
            }
        }
        // the gland pool, its capacity, intracellular phosphate, exchangeable bone, the bone cells, the absorption
        assertThat(compared).isGreaterThanOrEqualTo(5);
    }

    /** The reference adult's model, a fast run on its habitual meals with a fresh orbit at its initial state. */
    private record Fixture(ParameterCatalog p, AssembledModel model, StateLayout layout, double[] y, FastRun run,
                           SteadyStart start, int[] solvedStates) {

        static Fixture referenceAdult() {
            StabilisingStart s = StabilisingStart.referenceAdult();
            AssembledModel model = s.model();
            int[] solved = SteadyStart.SOLVED.stream().mapToInt(model.layout()::index).toArray();
            return new Fixture(s.p(), model, model.layout(), s.y(), s.run(), SteadyStart.forPatient(model, s.p()), solved);
        }

        boolean solved(int state) {
            for (int s : solvedStates) {
                if (s == state) {
                    return true;
                }
            }
            return false;
        }

        double scale(int state) {
            return 100 * layout.variable(state).absoluteTolerance();
        }

        /** The largest |rate| x chunk / max(|state|, scale) of a solved state, the rates the fresh orbit's at y. */
        double residual(double[] y) {
            double worst = 0;
            for (int s : solvedStates) {
                worst = Math.max(worst, Math.abs(run.orbitMeanRate(s)) * CHUNK / Math.max(Math.abs(y[s]), scale(s)));
            }
            return worst;
        }

        /**
         * {@code to} is one Newton step from {@code from}: only solved states moved, none by more than
         * MAX_STEP of max(|state|, scale); where {@code capped}, one moved by exactly that.
         */
        void assertOneScaledStep(double[] from, double[] to, boolean capped) {
            double most = 0;
            for (int i = 0; i < from.length; i++) {
                if (!solved(i)) {
                    if (layout.variable(i).timeScale() == org.vascalc.physiology.model.TimeScale.SLOW) {
                        assertThat(to[i]).as(layout.variable(i).id() + " held").isEqualTo(from[i]);
                    }
                    continue;
                }
                double fraction = Math.abs(to[i] - from[i]) / Math.max(Math.abs(from[i]), scale(i));
                assertThat(fraction).as(layout.variable(i).id()).isLessThanOrEqualTo(SteadyStart.MAX_STEP * (1 + 1e-12));
                most = Math.max(most, fraction);
            }
            if (capped) {
                assertThat(most).isCloseTo(SteadyStart.MAX_STEP, within(1e-12));
            }
        }
    }
}
