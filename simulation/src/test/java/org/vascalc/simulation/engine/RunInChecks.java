package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.BiFunction;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.integrate.Tolerances;

/** What the run-in tests read and check alike: the labs at a state, a further year, the CKD threshold. */
final class RunInChecks {

    private RunInChecks() {
    }

    /** The run-in's criterion outputs ({@link ModelAssembly#stabilisationOutputs}) at {@code y}, drivers at time 0. */
    static double[] labs(AssembledModel model, double[] y) {
        List<String> ids = ModelAssembly.stabilisationOutputs();
        double[] out = new double[ids.size()];
        for (int k = 0; k < ids.size(); k++) {
            out[k] = RecordingPlan.value(ids.get(k), model, y, model.driversAt(0));
        }
        return out;
    }

    /**
     * The labs after a further year of the habitual diet from {@code y} (drivers held, fast mode, on a
     * fresh orbit); {@code y} is moved to the year's end.
     */
    static double[] labsAfterAFurtherYear(AssembledModel model, ParameterCatalog p, Tolerances tol, double[] y) {
        List<String> ids = ModelAssembly.stabilisationOutputs();
        double year = 12 * Stabiliser.CHUNK_DAYS * 24;
        model.course().setStabilising(true);
        FastRun run = new FastRun(model, Integrators.standard(), tol,
                IntakeTimeline.habitualOnly(p, 12 * Stabiliser.CHUNK_DAYS), FastSettings.DEFAULT);
        run.run(new RecordingPlan(new Recording(List.of(ids.get(0)), year, year, 0, 0), year, model), y, year,
                ProgressListener.NONE);
        run.restartOnOrbit(y);
        return labs(model, y);
    }

    /**
     * {@code forPatient} (a run-in shortcut's factory, null where it does not apply) applies to the
     * reference adult without CKD and at G1 ({@link RunInShortcut#NEAR_STEADY}), and not at G3a, G4,
     * G5 nor on haemodialysis.
     */
    static void assertAppliesToTheNearSteadyPatientsOnly(BiFunction<AssembledModel, ParameterCatalog, ?> forPatient) {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        double[][] y = new double[1][];
        assertThat(forPatient.apply(InitialisedModels.stable(p, List.of(), y), p)).isNotNull();
        assertThat(forPatient.apply(InitialisedModels.stable(p,
                List.of(Condition.KidneyFunctionCourse.stage(Condition.CkdStage.G1)), y), p)).isNotNull();
        for (Condition.CkdStage s : new Condition.CkdStage[] {Condition.CkdStage.G3A, Condition.CkdStage.G4,
                Condition.CkdStage.G5}) {
            assertThat(forPatient.apply(InitialisedModels.stable(p, List.of(Condition.KidneyFunctionCourse.stage(s)), y), p))
                    .as(s.name()).isNull();
        }
        assertThat(forPatient.apply(InitialisedModels.stable(p, List.of(new Condition.Haemodialysis()), y), p)).isNull();
    }
}
