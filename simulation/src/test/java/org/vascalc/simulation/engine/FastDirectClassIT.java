package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.simulation.FastPath;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;
import org.vascalc.simulation.scenario.ProjectFiles;
import org.vascalc.simulation.scenario.TrialFiles;
import org.vascalc.simulation.trial.TrialSpec;

/**
 * classdirect (fifty-sixth session): two years of {@link DirectClass}, where fast mode's averaging missed its 1 %
 * agreement with reference mode (by 2–5e-2 on the code before), run by fast mode's direct integration of every dose
 * ({@link DirectSettings}), agree with reference mode far within the limit, measured as {@code FastVersusReferenceIT}
 * measures (the SLOW outputs every 73 days). The limit asserted is 3e-3, a third of the issue's: what the setting
 * was chosen to keep on every measured year of the class ({@code ClassDirectRunner}; docs/performance-log.md,
 * "classdirect").
 */
class FastDirectClassIT {

    private static final double LIMIT = 3e-3;

    private static Scenario withSlowRows(String name, Scenario s) {
        return new Scenario(name, "", s.patient(), s.conditions(), s.interventions(), 365,
                new Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 73 * 24, 0, 0));
    }

    private static void agreesDirectly(Scenario s) {
        assertThat(FastVersusReferenceTest.worstRelativeDifference(s)).isLessThan(LIMIT);
        var sim = new EngineSimulator(ModelAssembly.defaultParameters());
        assertThat(sim.run(new Scenario(s.name(), "", s.patient(), s.conditions(), s.interventions(), 1,
                Recording.every(24)), Mode.FAST, ProgressListener.NONE).fastPath()).contains(FastPath.DIRECT);
    }

    /** CKD G5 (staged course) with 1.5 times the tested carbonate binder: 2 250 mg calcium a day. */
    @Test
    void aYearOfOneAndAHalfTimesTheCarbonateBinderInCkdG5AgreesWithReferenceMode() {
        agreesDirectly(Scenarios.of("1y-ckd-G5-carbonate-binder-1.5x", 365,
                new Recording(FastVersusReferenceTest.slowChannels(), 73 * 24, 73 * 24, 0, 0),
                List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G5)),
                new Intervention.PhosphateBinder(Intervention.PhosphateBinderKind.CALCIUM_CARBONATE, 1875,
                        Schedule.daily(8, 13, 19))));
    }

    /** care2's first CRIC-like member (seed 1, the trial's baseline labs) on dialysis, calcium-acetate arm. */
    @Test
    void care2sDialysisCalciumAcetateMemberAgreesWithReferenceMode() {
        TrialSpec spec = TrialFiles.load(ProjectFiles.require("examples/trials/care2.yaml"));
        VirtualPerson p = spec.baselineLabs().applyTo(
                new VirtualPopulation(1, ModelAssembly.defaultParameters()).cric(0), 1);
        agreesDirectly(withSlowRows("care2-calcium-acetate-m0", new Scenario("m0", "", p.patient(), spec.conditions(),
                spec.arm("calcium-acetate").orElseThrow().interventions(), 365, Recording.every(24))));
    }
}
