package org.vascalc.simulation.engine;

import java.util.List;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.Time;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.integrate.Rodas4Integrator;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * Brings the patient to the homeostasis of their chronic conditions before t = 0 (Pulse's
 * stabilisation): conditions at their t = 0 values, the habitual diet (its calcium as daily meals,
 * {@link IntakeTimeline#habitualOnly}), no interventions. With meals the homeostasis is a daily
 * orbit, so stabilisation runs in fast mode ({@link FastRun}: FAST states on their daily orbit, SLOW
 * states advanced by orbit averages) in 30-day chunks until every lab output in
 * {@link ModelAssembly#stabilisationOutputs()}, read at clock hour 0, changes by less than 0.01 %
 * over a chunk, at most {@link #MAX_YEARS} years. It ends on the orbit at clock hour 0, where the
 * run starts. A patient whose labs define the baseline and who has no condition starts on the
 * orbit's mean balance and converges within the first chunks.
 *
 * <p>One {@link FastRun} serves all chunks ({@link FastRun#restartOnOrbit}): each chunk starts with a
 * new orbit, on which the labs are read (not on the chunk's last orbit, which may be 30 days old),
 * warm from the last one and with the period-map estimate kept, so it usually closes in one or two
 * periods instead of three from cold.
 *
 * <p>Why a CKD patient without labs runs to the limit: the deep bone calcium
 * ({@code mineral.caBone}, exchange {@code k14a}) relaxes with a time constant of about ten years.
 * Under CKD G4 it still loses about 0.5 % a year after five years, and PTH rises with it by about
 * 1 % a year, so the 0.01 % per chunk criterion is not met for decades; the bone's own equilibrium
 * (reached after ~50 simulated years) has 8 % less deep bone calcium and 12 % more PTH than the
 * five-year state. Which of those a "patient with CKD G4" should start from is a modelling choice,
 * not a speed one, so the limit stays (docs/performance.md, "Fast mode, fifth pass"). Those figures
 * are of the mineral model before the coupled bone remodelling; with it, the slowest drift after
 * five years is in the bone cells (osteoblasts and osteoclasts +0.1 % per 30 days, PTH +0.2 %,
 * deep bone calcium nearly settled), and the run-in still ends at the limit.
 *
 * <p>Because a CKD run-in without labs stops on a path rather than at a steady state, its end state
 * depends on how well the fast run follows that path. Measured against a reference-mode run-in of
 * the same five years (every habitual meal resolved; {@code RunInRunner}): with the FAST orbit
 * frozen between orbits, CKD G5 serum phosphate lagged by up to 13 % (day 330) and still by 2.6 %
 * at the end (PTH 4.8 %), because intracellular phosphate, a SLOW state, exchanges with the FAST
 * extracellular pool within two days; with the orbit's quasi-steady response to the SLOW states
 * ({@link AdiabaticResponse}) the end states of G4 and G5 agreed within 0.21 % in every lab
 * (G5: PTH 2.1e-3, phosphate 2e-5), the path within 0.2 % in phosphate, while PTH and the bone cells
 * are up to 8 % and 2.5 % off after the first 30-day chunk and 1.3 % after a year (daily orbits,
 * measured with frozen samples, gave the same: the first month's transient from the reference-GFR
 * derivation is violent, and fast mode puts its FAST states on their orbit at once). Those figures
 * are of the model before the gland capacity followed calcium ({@code ckdpth}); on that model CKD G4
 * settles within about two years (the run-in stops by the criterion) and G5 still runs to the
 * limit, ending within 0.22 % of the reference-mode run-in in every lab (PTH 2.2e-3, phosphate 5e-5).
 */
final class Stabiliser {

    static final double CHUNK_DAYS = 30;
    static final double MAX_YEARS = 5;
    static final double RELATIVE_CHANGE = 1e-4;

    private Stabiliser() {
    }

    private static void labs(List<String> ids, AssembledModel model, double[] y, double[] out) {
        for (int k = 0; k < out.length; k++) {
            out[k] = RecordingPlan.value(ids.get(k), model, y, model.driversAt(0));
        }
    }

    /** Sees the state on the orbit at each chunk's end (developer runners). */
    interface ChunkListener {
        ChunkListener NONE = (hours, y) -> { };

        void chunk(double hours, double[] y);
    }

    /** Returns the simulated stabilisation time, hours. */
    static double stabilise(AssembledModel model, ParameterCatalog parameters, Rodas4Integrator integrator,
                            Tolerances tol, FastRun.Settings settings, double[] y) {
        return stabilise(model, parameters, integrator, tol, settings, y, Time.years(MAX_YEARS), ChunkListener.NONE);
    }

    /** As above, stopping at {@code maxHours} at the latest, showing each chunk's end to {@code listener}. */
    static double stabilise(AssembledModel model, ParameterCatalog parameters, Rodas4Integrator integrator,
                            Tolerances tol, FastRun.Settings settings, double[] y, double maxHours,
                            ChunkListener listener) {
        List<String> ids = ModelAssembly.stabilisationOutputs();
        double[] before = new double[ids.size()];
        IntakeTimeline meals = IntakeTimeline.habitualOnly(parameters, CHUNK_DAYS);
        double chunk = Time.days(CHUNK_DAYS);
        Recording none = new Recording(List.of(ids.get(0)), chunk, chunk, 0, 0);
        model.course().setStabilising(true);
        try {
            // One fast run for all chunks; each chunk starts on a fresh orbit, warm from the last one.
            FastRun run = new FastRun(model, integrator, tol, meals, settings);
            run.restartOnOrbit(y);
            labs(ids, model, y, before);
            double t = 0;
            while (t < maxHours - 1e-9) {
                run.run(new RecordingPlan(none, chunk, model), y, chunk, ProgressListener.NONE);
                t += chunk;
                run.restartOnOrbit(y);
                listener.chunk(t, y);
                boolean done = true;
                for (int k = 0; k < before.length; k++) {
                    double now = RecordingPlan.value(ids.get(k), model, y, model.driversAt(0));
                    if (Math.abs(now - before[k]) > RELATIVE_CHANGE * Math.abs(before[k])) {
                        done = false;
                    }
                    before[k] = now;
                }
                if (done) {
                    return t;
                }
            }
            return t;
        } finally {
            model.course().setStabilising(false);
        }
    }
}
