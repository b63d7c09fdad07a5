package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;

/**
 * A SLOW step cut by the orbit's guards inside it ({@code FastRun.guardCut}: a step outside the
 * run-in spans up to {@link FastRun#GUARD_SPANS} guard intervals and checks the guards at their
 * spacing on its dense output; where one fires, the step is undone, {@code FastRun.undoStep}, and
 * taken again up to that point). With the defaults the spacing is 128 days and no cheap run fires a
 * guard mid-step; here the spacing is one day ({@code maxStepPeriods} 1: steps of up to two days,
 * checked one day in), orbits are at most four days apart and the drift guard's tolerance is 1e-5
 * (default 0.1), so it fires one day into most two-day steps of this 20-day carbonate regimen (nine
 * times, counted with a print planted in a copy). Whatever the guards' settings, a step is redone
 * from its start: the cumulative intake counters equal reference mode's at every row (a step taken
 * again from where the undone one ended would count its intakes twice), the books close as
 * with the default settings, and the SLOW outputs keep the agreement contract (1 %, docs/performance.md).
 */
class FastGuardCutTest {

    /** One-day guard spacing, orbits at most four days apart, the drift guard at 1e-5. */
    private static final FastSettings GUARDED = new FastSettings(1, FastSettings.DEFAULT.samples(),
            FastSettings.DEFAULT.maxOrbitPeriods(), FastSettings.DEFAULT.orbitTolerance(), 1e-5, 96,
            FastSettings.DEFAULT.integrationRelativeTolerance(), FastSettings.DEFAULT.fluxTolerance(),
            FastSettings.DEFAULT.stageQuadrature(), FastSettings.DEFAULT.exactLinearPart());

    @Test
    void aStepCutByTheDriftGuardIsRedoneFromItsStart() {
        FastSettings d = FastSettings.DEFAULT;
        FastSettings guarded = GUARDED;
        List<String> outputs = new java.util.ArrayList<>(MassBalance.CHANNELS);
        outputs.add("bmd");
        Scenario sc = Scenarios.of("guarded", 20, new Recording(outputs, 24, 24, 0, 20),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20));
        // The run-in on the default settings: both modes start from the same stabilised state.
        Trajectory fast = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(), guarded, d, false)
                .run(sc, Mode.FAST, ProgressListener.NONE).trajectory();
        Trajectory ref = EngineSimulator.withoutWall(ModelAssembly.defaultParameters())
                .run(sc, Mode.REFERENCE, ProgressListener.NONE).trajectory();
        assertThat(fast.timesHours()).containsExactly(ref.timesHours());
        double caIn = MassBalance.delta(ref, "mineral.caIntakeCum");
        for (String counter : List.of("mineral.caIntakeCum", "mineral.po4IntakeCum")) {
            double[] f = fast.series(counter);
            double[] r = ref.series(counter);
            for (int i = 0; i < r.length; i++) {
                assertThat(f[i]).as("%s at day %.0f", counter, ref.time(i) / 24).isCloseTo(r[i], within(1e-9 * caIn));
            }
        }
        double[] f = fast.series("bmd");
        double[] r = ref.series("bmd");
        for (int i = 0; i < r.length; i++) {
            assertThat(Math.abs(f[i] - r[i]) / r[i]).as("bmd at day %.0f", ref.time(i) / 24).isLessThanOrEqualTo(1e-2);
        }
        Trajectory plain = EngineSimulator.withoutWall(ModelAssembly.defaultParameters())
                .run(sc, Mode.FAST, ProgressListener.NONE).trajectory();
        double ca = MassBalance.calciumResidual(fast, 0) / MassBalance.delta(fast, "mineral.caIntakeCum");
        double caPlain = MassBalance.calciumResidual(plain, 0) / MassBalance.delta(plain, "mineral.caIntakeCum");
        double p = MassBalance.phosphorusResidual(fast, 0, 0.464) / MassBalance.delta(fast, "mineral.po4IntakeCum");
        double pPlain = MassBalance.phosphorusResidual(plain, 0, 0.464) / MassBalance.delta(plain, "mineral.po4IntakeCum");
        System.out.printf(Locale.ROOT, "guarded: Ca residual %.2e of intake (default settings %.2e), P %.2e (%.2e)%n",
                ca, caPlain, p, pPlain);
        // The books close as well as with the default settings (fast mode's own residual: the averaging's).
        assertThat(Math.abs(ca)).isLessThan(Math.max(2 * Math.abs(caPlain), 1e-4));
        assertThat(Math.abs(p)).isLessThan(Math.max(2 * Math.abs(pPlain), 1e-4));
    }

    /**
     * With the wall on its own step ({@link WallStepper}) the undone step restores the wall's states
     * too: each wall state's change over the 20 days agrees with the default settings' fast run
     * (no guard fires there) to a tenth of that change; the wall advanced again from where the undone
     * step left it would add a day's change per cut, nine in these 20 days.
     */
    @Test
    void aStepCutByTheDriftGuardRestoresTheWall() {
        FastSettings d = FastSettings.DEFAULT;
        List<String> ids = new java.util.ArrayList<>();
        for (var e : org.vascalc.physiology.wall.WallEvent.values()) {
            ids.add(e.stateId());
        }
        for (String q : List.of("medialMineral", "microCalcium", "osteogenicFraction")) {
            ids.add("wall.aorta." + q);
        }
        Scenario sc = Scenarios.of("guarded-wall", 20, new Recording(ids, 24, 24, 0, 0),
                Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20));
        Trajectory guarded = new EngineSimulator(ModelAssembly.defaultParameters(), Integrators.standard(), GUARDED, d, true)
                .run(sc, Mode.FAST, ProgressListener.NONE).trajectory();
        Trajectory plain = new EngineSimulator(ModelAssembly.defaultParameters())
                .run(sc, Mode.FAST, ProgressListener.NONE).trajectory();
        int last = plain.timesHours().length - 1;
        for (String id : ids) {
            double[] g = guarded.series(id);
            double[] p = plain.series(id);
            double change = p[last] - p[0];
            System.out.printf(Locale.ROOT, "%s: change %.4e (default settings), %.4e (guarded)%n", id, change, g[last] - g[0]);
            assertThat(Math.abs(g[last] - g[0] - change)).as("%s's change over 20 days", id)
                    .isLessThanOrEqualTo(0.1 * Math.abs(change));
        }
    }
}
