package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.model.StateVariable;
import org.vascalc.physiology.model.TimeScale;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * The run-in's chunk loop where neither shortcut applies: CKD G5 without labs off dialysis
 * ({@link RunInShortcut#PLAIN}: no {@link SteadyStart}, no {@link SlowPath}), which never meets the
 * criterion within the limit ({@link Stabiliser}'s comment: G5 PTH still rises at forty years), so a
 * limit of four chunks ends it there. Its labs move by several percent a chunk after the first, so the
 * default pace ({@link Stabiliser.Pace#MOVED}) reads them on the moved orbit; by its contract it ends
 * at the same chunk as a fresh orbit after every chunk ({@link Stabiliser.Pace#CHUNKS}), in the same
 * state (measured within 1.8e-4 over whole run-ins, docs/performance-log.md, "Run-in on moved orbits"),
 * on the orbit at clock hour 0. The stabilisation time is the whole chunks stepped (the limit rounded up
 * to whole chunks), each chunk's end is shown to the listener, and the run-in leaves the driver course
 * out of its stabilising mode and gives back the arrays it borrowed.
 */
class StabiliserRunInLimitTest {

    private static final double CHUNK_HOURS = Stabiliser.CHUNK_DAYS * 24;

    @Test
    void aCkdG5RunInWithoutLabsStopsAtTheLimitAtTheSameStateOnMovedOrbitsAsChunkByChunk() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        Scenario sc = Scenarios.of("stable", 30, Recording.every(24),
                List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G5)));
        AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(p), new DriverCourse(sc, p));
        assertThat(RunInShortcut.of(model, p)).isEqualTo(RunInShortcut.PLAIN);
        double[] start = InitialisedModels.initialState(model, sc.patient());
        Tolerances tol = new Tolerances(EngineSimulator.RELATIVE_TOLERANCE, model.absoluteTolerances());
        RunArena arena = RunArena.thisThread();
        int mark = arena.mark();

        double[] chunked = start.clone();
        List<Double> chunkedEnds = new ArrayList<>();
        double hoursChunked = Stabiliser.stabilise(model, p, Integrators.standard(), tol, FastSettings.DEFAULT,
                chunked, 4 * CHUNK_HOURS, (hours, y) -> chunkedEnds.add(hours), Stabiliser.Pace.CHUNKS);
        assertThat(model.course().stabilising()).isFalse();
        assertThat(arena.mark()).isEqualTo(mark);

        double[] moved = start.clone();
        List<Double> movedEnds = new ArrayList<>();
        // 3.5 chunks: rounded up to four
        double hoursMoved = Stabiliser.stabilise(model, p, Integrators.standard(), tol, FastSettings.DEFAULT,
                moved, 3.5 * CHUNK_HOURS, (hours, y) -> movedEnds.add(hours), Stabiliser.Pace.MOVED);
        assertThat(model.course().stabilising()).isFalse();
        assertThat(arena.mark()).isEqualTo(mark);

        List<Double> ends = List.of(CHUNK_HOURS, 2 * CHUNK_HOURS, 3 * CHUNK_HOURS, 4 * CHUNK_HOURS);
        assertThat(hoursChunked).isEqualTo(4 * CHUNK_HOURS);
        assertThat(hoursMoved).isEqualTo(4 * CHUNK_HOURS);
        assertThat(chunkedEnds).isEqualTo(ends);
        assertThat(movedEnds).isEqualTo(ends);

        // Same state, SLOW and FAST (both on the orbit at clock hour 0), and the same labs.
        for (int i = 0; i < start.length; i++) {
            StateVariable v = model.layout().variable(i);
            if (v.id().startsWith("wall.")) {
                continue;
            }
            double scale = Math.max(Math.abs(chunked[i]), 100 * v.absoluteTolerance());
            assertThat(Math.abs(moved[i] - chunked[i]) / scale).as(v.id() + " " + v.timeScale())
                    .isLessThan(v.timeScale() == TimeScale.SLOW ? SAME : 3 * SAME);
        }
        double[] a = RunInChecks.labs(model, chunked);
        double[] b = RunInChecks.labs(model, moved);
        List<String> ids = ModelAssembly.stabilisationOutputs();
        for (int k = 0; k < ids.size(); k++) {
            assertThat(Math.abs(b[k] - a[k]) / Math.abs(a[k])).as(ids.get(k)).isLessThan(3 * SAME);
        }
        // Not the run-in's start: the four chunks moved the labs (G5: by several percent).
        double[] initial = RunInChecks.labs(model, start);
        double most = 0;
        for (int k = 0; k < ids.size(); k++) {
            most = Math.max(most, Math.abs(a[k] - initial[k]) / Math.abs(initial[k]));
        }
        assertThat(most).isGreaterThan(0.01);
    }

    /**
     * The default overload runs to {@link Stabiliser#MAX_YEARS}; a CKD G4 run-in without labs ends on
     * its path by the criterion after the two time-stepped days and whole chunks (StabiliserTest: within
     * a chunk of the chunk-by-chunk run-in, which ends before the limit), so its time is
     * {@code 2 days + k chunks} with k at least 1.
     */
    @Test
    void theDefaultRunInReturnsTheTimeItStepped() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        Scenario sc = Scenarios.of("stable", 30, Recording.every(24),
                List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G4)));
        AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(p), new DriverCourse(sc, p));
        double[] y = InitialisedModels.initialState(model, sc.patient());
        Tolerances tol = new Tolerances(EngineSimulator.RELATIVE_TOLERANCE, model.absoluteTolerances());
        double hours = Stabiliser.stabilise(model, p, Integrators.standard(), tol, FastSettings.DEFAULT, y);
        double chunks = (hours - SlowPath.TIME_STEPPED_DAYS * 24) / CHUNK_HOURS;
        assertThat(chunks).isEqualTo(Math.rint(chunks));
        assertThat(chunks).isBetween(1.0, Stabiliser.MAX_YEARS * 365.25 / Stabiliser.CHUNK_DAYS);
    }

    /**
     * Haemodialysis runs to the limit ({@link Stabiliser}'s comment) along {@link SlowPath}: two
     * time-stepped days, then the path by linearised steps for all but the last chunk of the limit, then
     * that chunk time-stepped on a fresh orbit. So a limit of three chunks ends at two days and three
     * chunks (the limit rounded up to whole chunks, plus the path's time-stepped days), and the listener
     * sees the path's end (its chunks are linearised steps, shown as one) and the last chunk's.
     */
    @Test
    void aHaemodialysisRunInFollowsItsPathToTheLastChunkOfTheLimit() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        Scenario sc = Scenarios.of("stable", 30, Recording.every(24), List.of(new Condition.Haemodialysis()));
        AssembledModel model = new AssembledModel(ModelAssembly.standardBlocks(p), new DriverCourse(sc, p));
        assertThat(RunInShortcut.of(model, p)).isEqualTo(RunInShortcut.PATH);
        double[] y = InitialisedModels.initialState(model, sc.patient());
        Tolerances tol = new Tolerances(EngineSimulator.RELATIVE_TOLERANCE, model.absoluteTolerances());
        List<Double> ends = new ArrayList<>();
        double hours = Stabiliser.stabilise(model, p, Integrators.standard(), tol, FastSettings.DEFAULT, y,
                3 * CHUNK_HOURS, (h, state) -> ends.add(h), Stabiliser.Pace.MOVED);
        double lead = SlowPath.TIME_STEPPED_DAYS * 24;
        assertThat(hours).isEqualTo(lead + 3 * CHUNK_HOURS);
        assertThat(ends).containsExactly(lead + 2 * CHUNK_HOURS, lead + 3 * CHUNK_HOURS);
    }

    /**
     * The reference adult's run-in ends on its steady start ({@link SteadyStart}, no chunk stepped): the
     * listener sees that end, at hour 0, in the state the run-in returns.
     */
    @Test
    void aSteadyStartIsShownToTheListenerAtHourZero() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        double[][] holder = new double[1][];
        AssembledModel model = InitialisedModels.stable(p, List.of(), holder);
        double[] y = holder[0];
        Tolerances tol = new Tolerances(EngineSimulator.RELATIVE_TOLERANCE, model.absoluteTolerances());
        List<Double> ends = new ArrayList<>();
        List<double[]> shown = new ArrayList<>();
        double hours = Stabiliser.stabilise(model, p, Integrators.standard(), tol, FastSettings.DEFAULT, y,
                Stabiliser.MAX_YEARS * 8766, (h, state) -> {
                    ends.add(h);
                    shown.add(state.clone());
                }, Stabiliser.Pace.MOVED);
        assertThat(hours).isZero();
        assertThat(ends).containsExactly(0.0);
        assertThat(shown.get(0)).containsExactly(y);
    }

    /**
     * A start off the steady state (osteoclasts and osteoblasts 10 % above their steady index, 1): the
     * run-in, at either pace, still ends at a homeostasis, before the limit, where a further year of the
     * habitual diet moves every lab by less than {@link #YEAR_LIMIT}. (At twice the index the excess
     * resorption moves the deep bone calcium, a ten-year mode, and the labs still drift by 1e-3 a chunk at
     * five years: a different question, not this one.)
     */
    @Test
    void aStartOffTheSteadyStateEndsAtTheHomeostasis() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        for (Stabiliser.Pace pace : Stabiliser.Pace.values()) {
            double[][] holder = new double[1][];
            AssembledModel model = InitialisedModels.stable(p, List.of(), holder);
            double[] y = holder[0];
            y[model.layout().index("mineral.osteoclasts")] = 1.1;
            y[model.layout().index("mineral.osteoblasts")] = 1.1;
            Tolerances tol = new Tolerances(EngineSimulator.RELATIVE_TOLERANCE, model.absoluteTolerances());
            double hours = Stabiliser.stabilise(model, p, Integrators.standard(), tol, FastSettings.DEFAULT, y,
                    Stabiliser.MAX_YEARS * 8766, Stabiliser.ChunkListener.NONE, pace);
            assertThat(hours).as(pace.name()).isLessThan(Stabiliser.MAX_YEARS * 8766 - CHUNK_HOURS);
            double[] before = RunInChecks.labs(model, y);
            double[] after = RunInChecks.labsAfterAFurtherYear(model, p, tol, y);
            List<String> ids = ModelAssembly.stabilisationOutputs();
            for (int k = 0; k < ids.size(); k++) {
                assertThat(Math.abs(after[k] - before[k]) / Math.abs(before[k])).as(pace + " " + ids.get(k))
                        .isLessThan(YEAR_LIMIT);
            }
        }
    }

    /** As {@link BoneCellSettlingTest}'s: twice the PTH change measured over a further year from a run-in's end (5.6e-4). */
    private static final double YEAR_LIMIT = 1.2e-3;

    /**
     * Moved orbits against fresh ones over four chunks: the orbits' closure tolerance (fast mode's orbit
     * at 4e-4, {@link StabiliserTest}) bounds their difference; measured over whole run-ins 1.8e-4.
     */
    private static final double SAME = 1e-3;
}
