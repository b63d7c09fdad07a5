package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.Time;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * A CKD G3–G4 run-in follows its path by long linearised steps ({@link SlowPath}): far fewer
 * derivative calls than the plain run-in, and the labs where the plain run-in, chunk by chunk
 * ({@link Stabiliser.Pace#CHUNKS}, which the path does not use), ends.
 */
class SlowPathTest {

    private static List<Condition> stage(Condition.CkdStage s) {
        return List.of(Condition.KidneyFunctionCourse.stage(s));
    }

    /** Every start that is not near its homeostasis ({@link RunInShortcut#PATH}; since 2026-12-02 also haemodialysis), except CKD G5 without labs ({@link RunInShortcut#PLAIN}). */
    @Test
    void appliesBelowTheCkdThresholdWithoutLabsAndOnHaemodialysis() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        double[][] y = new double[1][];
        assertThat(SlowPath.forPatient(InitialisedModels.stable(p, List.of(), y), p)).isNull();
        assertThat(SlowPath.forPatient(InitialisedModels.stable(p, stage(Condition.CkdStage.G2), y), p)).isNull();
        for (Condition.CkdStage s : new Condition.CkdStage[] {Condition.CkdStage.G3A, Condition.CkdStage.G3B,
                Condition.CkdStage.G4}) {
            assertThat(SlowPath.forPatient(InitialisedModels.stable(p, stage(s), y), p)).as(s.name()).isNotNull();
        }
        assertThat(SlowPath.forPatient(InitialisedModels.stable(p, stage(Condition.CkdStage.G5), y), p)).isNull();
        assertThat(SlowPath.forPatient(InitialisedModels.stable(p, List.of(new Condition.Haemodialysis()), y), p)).isNotNull();
    }

    /**
     * Haemodialysis never meets the criterion: the run-in runs to its five-year limit. Measured
     * 2026-12-02 ({@code ckdstart}): time-stepped 33 599 calls, along the path 13 422; the end's labs
     * within 4.1e-4 (PTH) of the time-stepped run-in's (a further year moves PTH by 2.2e-2 there), the
     * carboxylated MGP fraction (which relaxes 0.475 → 0.262 over the five years on dialysis, and which
     * a path of the mineral states alone left at 0.475) within 1e-15. Against the chunk-by-chunk pace,
     * as in {@link #ckdG4RunInIsCheaperAndEndsWhereThePlainOneDoes}; the limits leave room for the
     * two paces' own difference (1.8e-4, {@link Stabiliser}).
     */
    @Test
    void haemodialysisRunInFollowsThePathToTheLimitInFewerCalls() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        List<Condition> hd = List.of(new Condition.Haemodialysis());
        double[][] holder = new double[1][];
        AssembledModel model = InitialisedModels.stable(p, hd, holder);
        double[] y = holder[0];
        Tolerances tol = new Tolerances(EngineSimulator.RELATIVE_TOLERANCE, model.absoluteTolerances());
        double hours = Stabiliser.stabilise(model, p, Integrators.standard(), tol, FastSettings.DEFAULT, y);
        assertThat(hours).isGreaterThanOrEqualTo(Time.years(Stabiliser.MAX_YEARS) - Time.days(Stabiliser.CHUNK_DAYS));

        double[][] plainHolder = new double[1][];
        AssembledModel plain = InitialisedModels.stable(p, hd, plainHolder);
        double[] z = plainHolder[0];
        Stabiliser.stabilise(plain, p, Integrators.standard(), tol, FastSettings.DEFAULT, z,
                Time.years(Stabiliser.MAX_YEARS), Stabiliser.ChunkListener.NONE, Stabiliser.Pace.CHUNKS);
        System.out.printf(java.util.Locale.ROOT, "SLOWPATH haemodialysis %d calls, chunk by chunk %d%n",
                model.evaluations(), plain.evaluations());
        assertThat(model.evaluations()).isLessThan(plain.evaluations() / 2);
        for (String id : ModelAssembly.stabilisationOutputs()) {
            double a = RecordingPlan.value(id, model, y, model.driversAt(0));
            double b = RecordingPlan.value(id, plain, z, plain.driversAt(0));
            System.out.printf(java.util.Locale.ROOT, "SLOWPATH haemodialysis %s %.2e%n", id, (a - b) / b);
            assertThat(Math.abs(a - b) / Math.abs(b)).as(id).isLessThan(1.5e-3);
        }
        int mgp = model.layout().index("vitk.cMgpFraction");
        assertThat(Math.abs(y[mgp] - z[mgp]) / z[mgp]).as("vitk.cMgpFraction").isLessThan(1e-3);
    }

    /**
     * CKD G4 without labs: the plain run-in took 15 873 calls (26 chunks; main 228c74f, so this fails
     * there); with the path 7 545, and its labs within 6.3e-4 (PTH) of the plain chunk-by-chunk run-in's
     * end, the others within 6e-5 (2026-12-01). The limits leave room for the machine's last bits.
     */
    @Test
    void ckdG4RunInIsCheaperAndEndsWhereThePlainOneDoes() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        List<String> ids = ModelAssembly.stabilisationOutputs();
        double[][] holder = new double[1][];
        AssembledModel model = InitialisedModels.stable(p, stage(Condition.CkdStage.G4), holder);
        double[] y = holder[0];
        Tolerances tol = new Tolerances(EngineSimulator.RELATIVE_TOLERANCE, model.absoluteTolerances());
        double hours = Stabiliser.stabilise(model, p, Integrators.standard(), tol, FastSettings.DEFAULT, y);
        assertThat(model.evaluations()).isLessThanOrEqualTo(9_000);
        assertThat(hours).isLessThan(Time.years(Stabiliser.MAX_YEARS));

        double[][] plainHolder = new double[1][];
        AssembledModel plain = InitialisedModels.stable(p, stage(Condition.CkdStage.G4), plainHolder);
        double[] z = plainHolder[0];
        Stabiliser.stabilise(plain, p, Integrators.standard(), tol, FastSettings.DEFAULT, z,
                Time.years(Stabiliser.MAX_YEARS), Stabiliser.ChunkListener.NONE, Stabiliser.Pace.CHUNKS);
        assertThat(plain.evaluations()).isGreaterThan(model.evaluations());
        for (String id : ids) {
            double a = RecordingPlan.value(id, model, y, model.driversAt(0));
            double b = RecordingPlan.value(id, plain, z, plain.driversAt(0));
            assertThat(Math.abs(a - b) / Math.abs(b)).as(id).isLessThan(1e-3);
        }
    }

    /** exp of a 2×2 rotation generator and of a nilpotent one, against their closed forms. */
    @Test
    void matrixExponential() {
        double[][] e = SlowPath.expm(new double[][] {{0, -2}, {2, 0}});
        assertThat(e[0][0]).isCloseTo(Math.cos(2), org.assertj.core.data.Offset.offset(1e-13));
        assertThat(e[1][0]).isCloseTo(Math.sin(2), org.assertj.core.data.Offset.offset(1e-13));
        double[][] n = SlowPath.expm(new double[][] {{-50, 3000, 0}, {0, 0, 1}, {0, 0, 0}});
        // x' = -50 x + 3000 s, s' = 1 from 0: x(1) = 3000 (e^-50 - 1 + 50) / 2500
        assertThat(n[0][2]).isCloseTo(3000 * (Math.exp(-50) - 1 + 50) / 2500, org.assertj.core.data.Offset.offset(1e-9));
    }
}
