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

    /**
     * How the run-in advances between the 30-day chunks whose lab change decides convergence:
     * {@link #CHUNKS} reads the labs on a fresh orbit after every chunk (the path chunk by chunk, for
     * comparison with a reference-mode run-in); {@link #LEAPS} runs several chunks as one fast run
     * where the lab changes say the criterion cannot be met sooner ({@link #nextLeap}).
     */
    enum Pace { CHUNKS, LEAPS }

    /**
     * Longest leap, in chunks (a year). Inside a leap the fast run recomputes its orbit by the
     * stabiliser's fixed age and drift guard, as inside a chunk, so a leap follows the same path;
     * longer leaps would only delay the next look at a run-in that may have converged meanwhile.
     */
    static final int MAX_LEAP_CHUNKS = 12;

    /** Returns the simulated stabilisation time, hours. */
    static double stabilise(AssembledModel model, ParameterCatalog parameters, Rodas4Integrator integrator,
                            Tolerances tol, FastRun.Settings settings, double[] y) {
        return stabilise(model, parameters, integrator, tol, settings, y, Time.years(MAX_YEARS), ChunkListener.NONE,
                Pace.LEAPS);
    }

    /**
     * As above, stopping at {@code maxHours} at the latest (rounded up to whole chunks), showing the
     * state at each fresh orbit (every chunk's end, or a leap's) to {@code listener}.
     */
    static double stabilise(AssembledModel model, ParameterCatalog parameters, Rodas4Integrator integrator,
                            Tolerances tol, FastRun.Settings settings, double[] y, double maxHours,
                            ChunkListener listener, Pace pace) {
        List<String> ids = ModelAssembly.stabilisationOutputs();
        double[] before = new double[ids.size()];
        int maxChunks = (int) Math.ceil(maxHours / Time.days(CHUNK_DAYS) - 1e-9);
        // One timeline for every run: a run ends where it is told to, before the timeline does.
        IntakeTimeline meals = IntakeTimeline.habitualOnly(parameters, maxChunks * CHUNK_DAYS);
        double chunk = Time.days(CHUNK_DAYS);
        model.course().setStabilising(true);
        try {
            // One fast run for all chunks; each look at the labs is on a fresh orbit, warm from the last one.
            FastRun run = new FastRun(model, integrator, tol, meals, settings);
            run.restartOnOrbit(y);
            labs(ids, model, y, before);
            int chunks = 0;
            int leap = 0;
            double lastChange = Double.NaN;
            int lastAt = 0;
            double leapRatio = Double.NaN;
            while (chunks < maxChunks) {
                if (leap > 0) {
                    double[][] rows = advance(run, model, ids, y, leap * chunk);
                    chunks += leap;
                    listener.chunk(chunks * chunk, y);
                    labs(ids, model, y, before);
                    leapRatio = leap >= 3 ? change(rows[leap - 1], rows[leap - 2]) / change(rows[leap - 2], rows[leap - 3])
                            : Double.NaN;
                }
                advance(run, model, ids, y, chunk);
                chunks++;
                listener.chunk(chunks * chunk, y);
                double[] now = new double[before.length];
                labs(ids, model, y, now);
                boolean done = true;
                for (int k = 0; k < before.length; k++) {
                    if (Math.abs(now[k] - before[k]) > RELATIVE_CHANGE * Math.abs(before[k])) {
                        done = false;
                    }
                }
                if (done) {
                    return chunks * chunk;
                }
                double change = change(now, before);
                System.arraycopy(now, 0, before, 0, now.length);
                double ratio = Double.isFinite(leapRatio) ? leapRatio
                        : Math.pow(change / lastChange, 1.0 / (chunks - lastAt));
                int next = pace == Pace.LEAPS ? nextLeap(change, ratio, leap) : 0;
                leap = Math.max(0, Math.min(next, maxChunks - chunks - 1));
                lastChange = change;
                lastAt = chunks;
                leapRatio = Double.NaN;
            }
            return chunks * chunk;
        } finally {
            model.course().setStabilising(false);
        }
    }

    /** Largest relative change of the labs from {@code from} to {@code to}. */
    private static double change(double[] to, double[] from) {
        double worst = 0;
        for (int k = 0; k < to.length; k++) {
            worst = Math.max(worst, Math.abs(to[k] - from[k]) / Math.max(Math.abs(from[k]), Double.MIN_NORMAL));
        }
        return worst;
    }

    /**
     * Runs {@code hours} (whole chunks) and puts the state on a fresh orbit at the end. Returns the
     * labs at each chunk boundary before the end, read on the orbit moved with the SLOW states by
     * its quasi-steady response ({@link AdiabaticResponse}, as recorded outputs are): they follow the
     * SLOW states smoothly, where labs on fresh orbits carry each orbit's closure error.
     */
    private static double[][] advance(FastRun run, AssembledModel model, List<String> ids, double[] y, double hours) {
        double chunk = Time.days(CHUNK_DAYS);
        RecordingPlan plan = new RecordingPlan(new Recording(ids, chunk, chunk, 0, 0), hours, model);
        run.run(plan, y, hours, ProgressListener.NONE);
        run.restartOnOrbit(y);
        return plan.trajectory().values();
    }

    /**
     * Chunks to run as one leap before the next 30-day chunk whose lab change is checked. Near the
     * homeostasis the labs relax about exponentially (the bone's exchange and cell populations):
     * with {@code change} the largest relative lab change over the last chunk and {@code ratio} its
     * decay per chunk (from the labs recorded in the last leap, or from the last two checks), the
     * leap ends one chunk before the first one predicted to change by less than the criterion. Where
     * the change does not decay (a CKD G5 run-in drifts for decades, or two checks within the orbits'
     * closure noise of each other) the leap doubles, from none after the first chunk.
     */
    static int nextLeap(double change, double ratio, int lastLeap) {
        int growing = Math.min(2 * lastLeap + 1, MAX_LEAP_CHUNKS);
        if (Double.isNaN(ratio)) {
            return 0;
        }
        if (!(ratio > 0 && ratio < 1)) {
            return growing;
        }
        double toCriterion = Math.log(RELATIVE_CHANGE / change) / Math.log(ratio);
        return (int) Math.min(Math.floor(toCriterion), MAX_LEAP_CHUNKS);
    }
}
