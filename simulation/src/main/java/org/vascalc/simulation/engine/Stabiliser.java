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
 * <p>Which shortcut a patient's run-in takes is one predicate, {@link RunInShortcut}: a start near the
 * patient's homeostasis (eGFR at or above the CKD threshold, or CKD with mineral labs, not on
 * haemodialysis) takes {@link SteadyStart} (and {@link BoneCellSettling} in its fallback), any other
 * start {@link SlowPath}.
 *
 * <p>For patients near their homeostasis the run-in starts with {@link SteadyStart}: on the
 * first orbit, Newton steps put the slowly relaxing mineral states (not the deep bone) on the zero of
 * their orbit-averaged rates, each on a fresh orbit, and the run-in ends there as soon as the labs,
 * predicted one chunk ahead at those rates and read on the orbit moved there, meet the criterion
 * ({@link #predictedChunkMeets}; no chunk is time-stepped, the simulated time is 0). The reference
 * adult and every MESA-like member measured need one step: when it came, 1 706 derivative calls instead
 * of 3 124 (1 339 for the reference adult on 2026-12-07, {@code RunInCostRunner}), PTH 6.5e-4 above the
 * time-stepped run-in's end, which stopped on the bone cells' ~200-day mode below the homeostasis (a
 * further year moves PTH by 3.5e-5 from the new start, by 5.6e-4 from the old; docs/performance-log.md,
 * "newmember"). If no iterate meets the criterion the chunks below follow from the last one. A CKD member
 * with labs (the CRIC-like cohort) takes the same start since 2026-12-02: 1 706–1 730 calls instead of the
 * linearised path's 2 952 when it came (1 327 for a CKD G4 patient with labs at eGFR 22 on 2026-12-07),
 * and a further year moves PTH by ~5e-5 instead of ~5e-4; after a Newton step the chunk is predicted on
 * the linearised path (the gland pool relaxes within days, and a straight line at its rate over-predicted
 * its change 15-fold; docs/performance-log.md, "ckdstart").
 *
 * <p>For patients near their homeostasis ({@link BoneCellSettling}) every fresh orbit near the
 * criterion also puts the bone cells on their steady state under that orbit (osteoclasts at the
 * orbit's mean drive, osteoblasts at the osteoclasts) before the next chunk. Without it, after the
 * second chunk only the bone cells' transient (osteoblasts lagging osteoclasts, PTH with them) still
 * moved the labs, for 4–8 more chunks (docs/performance-log.md, "What a new patient costs"); with it a
 * healthy run-in ends after three chunks (four for some), as close to the homeostasis as before (both
 * stop on the bone cells' ~200-day mode at the criterion's edge). It is not applied after the first
 * chunk, whose labs move by several percent, nor on the moved orbits.
 *
 * <p>For CKD G3a–G4 without labs and haemodialysis ({@link SlowPath}) the default pace time-steps two days
 * and then follows the path by long steps of the slow mineral states linearised on fresh orbits,
 * reading the labs at every chunk's end on the linearised path, and ends where they meet the
 * criterion: CKD G4 7 545 calls instead of 15 873, its labs within 6.3e-4 (PTH) of the plain
 * run-in's end (docs/performance-log.md, "CKD run-in by linearised steps"). The deep bone calcium
 * makes that path a path: a steady-state solve of the other states ended 0.5 % (G3) to 3.6 % (G4)
 * away in PTH. Haemodialysis, which runs to the limit, follows the path there too since
 * 2026-12-02: 12 600–13 400 calls instead of 32 000–33 600, its labs within 8.6e-4 (the reference
 * patient) and 1.2e-3 (CRIC-like members on haemodialysis, PTH) of the time-stepped run-in's end.
 * CKD G5 without labs off dialysis keeps the time-stepped run-in to the limit
 * ({@link RunInShortcut#PLAIN}; docs/performance-log.md, "ckdstart2").
 *
 * <p>One {@link FastRun} serves all chunks ({@link FastRun#restartOnOrbit}): a chunk whose lab change
 * is checked ends with a new orbit, on which the labs are read (not on the chunk's last orbit, which
 * may be 30 days old: a chunk without a new orbit showed no change, a false convergence), warm from
 * the last one and with the period-map estimate kept, so it usually closes in one or two periods
 * instead of three from cold. That orbit was most of a chunk's cost once a CKD run-in had settled into
 * its slow drift (CKD G5: 350 calls for the chunk's 30 days, 1 150 for the orbit), so while the labs
 * are far from the criterion ({@link #NEAR} times it) they are read on the last orbit moved to the
 * SLOW states by its first-order response ({@link FastRun#onMovedOrbit}, as recorded outputs are) and
 * the run goes on without a new orbit; near it every chunk is checked on fresh orbits as before. The
 * run-in ends at the same chunk as with a fresh orbit after every chunk ({@link Pace#CHUNKS}) for the
 * reference adult, CKD G3a–G5 and haemodialysis, its state within 1.8e-4 (docs/performance-log.md,
 * "Run-in on moved orbits"). Leaping several chunks between checks, by an exponential extrapolation
 * of the lab changes, was tried and dropped: the changes near the criterion are within a few times
 * the orbits' closure noise of it, so a CKD G3–G4 run-in ended up to five chunks earlier or later
 * than chunk by chunk, and the urine calcium at eGFR 20 moved by 2.6 %.
 *
 * <p>Why a CKD patient without labs runs to the limit: the deep bone calcium
 * ({@code mineral.caBone}, exchange {@code k14a}) relaxes with a time constant of about ten years.
 * Under CKD G4 it still loses about 0.5 % a year after five years, and PTH rises with it by about
 * 1 % a year, so the 0.01 % per chunk criterion is not met for decades; the bone's own equilibrium
 * (reached after ~50 simulated years) has 8 % less deep bone calcium and 12 % more PTH than the
 * five-year state. Which of those a "patient with CKD G4" should start from is a modelling choice,
 * not a speed one, so the limit stays (docs/model/mineral.md, "The run-in in CKD without labs").
 * Those figures are of the mineral model before the coupled bone remodelling; with it, the slowest drift after
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
 *
 * <p>CKD G5 and haemodialysis never meet the criterion within the limit, for a physiological reason:
 * run on to 40 years (fast run-in, 2026-11-30, {@code StabilisedStateRunner} with
 * {@code -Dvascalc.scratch.years=40}), G5 PTH is 27 pmol/L at five years, 37 at ten, 55 at twenty and
 * 62 at forty, still rising by about 0.015 % per chunk there, with the osteoclasts at 2.3 times
 * baseline and the deep bone calcium 18 % below its start (haemodialysis: PTH 41, 151 pmol/L at 5 and
 * 40 years; measured before the dialysate calcium exchange of 2026-12-02, which moved the haemodialysis
 * example's run-in end from 295 to 305 pg/mL PTH at dialysate 1.5 mmol/L: docs/model/mineral.md,
 * "Dialysate calcium"). Secondary hyperparathyroidism and the high-turnover bone it drives develop over decades
 * (docs/model/mineral.md, "The run-in in CKD without labs"); a steady-state solve would start these
 * patients from that end state instead, a modelling choice, not a speed one.
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
     * How the run-in reads its labs. {@link #CHUNKS}: on a fresh orbit after every chunk (the path
     * chunk by chunk, as compared with a reference-mode run-in in {@code CkdRunInIT}). {@link #MOVED}:
     * on the cached orbit moved with the SLOW states while the labs are far from converged, on fresh
     * orbits near the criterion ({@link #alongMovedOrbits}); it ends at the same chunk.
     */
    enum Pace { CHUNKS, MOVED }

    /**
     * Labs changing by more than this many times the criterion over a chunk, read on the moved orbit,
     * are taken to be too far from converged to meet it in the next chunk: near homeostasis the lab
     * changes decay by 10–20 % per chunk, and a fresh orbit's closure error moves a lab by a fraction
     * of the criterion. With 2.5 a CKD G4 run-in ended one chunk later than chunk by chunk; with 4
     * all six patients measured (reference adult, CKD G3a–G5, haemodialysis) end at the same chunk.
     */
    static final double NEAR = 4;

    /** Returns the simulated stabilisation time, hours. */
    static double stabilise(AssembledModel model, ParameterCatalog parameters, Rodas4Integrator integrator,
                            Tolerances tol, FastSettings settings, double[] y) {
        return stabilise(model, parameters, integrator, Integrators.orbit(), tol, settings, y);
    }

    /** As above, the orbits on {@code orbitIntegrator} (restarted first: the results are those with a new one). */
    static double stabilise(AssembledModel model, ParameterCatalog parameters, Rodas4Integrator integrator,
                            Rodas4Integrator orbitIntegrator, Tolerances tol, FastSettings settings, double[] y) {
        return stabilise(model, parameters, integrator, orbitIntegrator, tol, settings, y, Time.years(MAX_YEARS),
                ChunkListener.NONE, Pace.MOVED);
    }

    /**
     * As above, stopping at {@code maxHours} at the latest (rounded up to whole chunks; where
     * {@link SlowPath} applies, its {@link SlowPath#TIME_STEPPED_DAYS} time-stepped days come before
     * those chunks, so a run-in that reaches the limit there ends that much later), showing the
     * state at each chunk's end to {@code listener} (with {@link Pace#MOVED}, on the moved orbit
     * where no new one was computed; the path's linearised chunks as one, at its end).
     */
    static double stabilise(AssembledModel model, ParameterCatalog parameters, Rodas4Integrator integrator,
                            Tolerances tol, FastSettings settings, double[] y, double maxHours,
                            ChunkListener listener, Pace pace) {
        return stabilise(model, parameters, integrator, Integrators.orbit(), tol, settings, y, maxHours, listener,
                pace);
    }

    private static double stabilise(AssembledModel model, ParameterCatalog parameters, Rodas4Integrator integrator,
                                    Rodas4Integrator orbitIntegrator, Tolerances tol, FastSettings settings,
                                    double[] y, double maxHours, ChunkListener listener, Pace pace) {
        int maxChunks = (int) Math.ceil(maxHours / Time.days(CHUNK_DAYS) - 1e-9);
        // One timeline for every chunk: a run ends where it is told to, before the timeline does.
        IntakeTimeline meals = IntakeTimeline.habitualOnly(parameters, maxChunks * CHUNK_DAYS);
        model.course().setStabilising(true);
        // The run's arrays lent by this thread's arena and given back when the run-in ends (RunArena).
        RunArena arena = RunArena.thisThread();
        int lent = arena.mark();
        try {
            // One fast run for all chunks; each fresh orbit starts warm from the last one.
            FastRun run = new FastRun(model, integrator, orbitIntegrator, tol, meals, settings, null, arena);
            BoneCellSettling settling = BoneCellSettling.forPatient(model, parameters);
            SteadyStart start = SteadyStart.forPatient(model, parameters);
            return pace == Pace.CHUNKS ? chunkByChunk(model, run, y, maxChunks, listener, settling)
                    : alongMovedOrbits(model, run, y, maxChunks, listener, settling,
                            SlowPath.forPatient(model, parameters), start);
        } finally {
            arena.release(lent);
            model.course().setStabilising(false);
        }
    }

    private static double chunkByChunk(AssembledModel model, FastRun run, double[] y, int maxChunks,
                                       ChunkListener listener, BoneCellSettling settling) {
        List<String> ids = ModelAssembly.stabilisationOutputs();
        double chunk = Time.days(CHUNK_DAYS);
        double[] before = new double[ids.size()];
        double[] now = new double[ids.size()];
        run.restartOnOrbit(y);
        labs(ids, model, y, before);
        int chunks = 0;
        while (chunks < maxChunks) {
            run.run(planFor(ids, model), y, chunk, ProgressListener.NONE);
            chunks++;
            run.restartOnOrbit(y);
            listener.chunk(chunks * chunk, y);
            labs(ids, model, y, now);
            if (within(now, before, 1)) {
                return chunks * chunk;
            }
            if (within(now, before, NEAR)) {
                settle(model, run, y, now, settling);
            }
            System.arraycopy(now, 0, before, 0, now.length);
        }
        return chunks * chunk;
    }

    /**
     * Where the run-in goes on after a fresh orbit at {@code y} whose labs {@code now} did not meet
     * the criterion but came within {@link #NEAR} times it: with {@code settling}, the bone cells are
     * put on their steady state under that orbit, and the next chunk starts on a fresh orbit there,
     * whose labs replace {@code now}.
     */
    private static void settle(AssembledModel model, FastRun run, double[] y, double[] now,
                               BoneCellSettling settling) {
        if (settling == null) {
            return;
        }
        settling.settle(run, y);
        run.restartOnOrbit(y);
        labs(ModelAssembly.stabilisationOutputs(), model, y, now);
    }

    /**
     * Chunks without a new orbit at their ends while the labs, read on the cached orbit moved with
     * the SLOW states ({@link FastRun#onMovedOrbit}, first order in their change since the orbit),
     * change by more than {@link #NEAR} times the criterion; from there every chunk ends on a fresh
     * orbit and is checked as in {@link #chunkByChunk}, until a chunk's change is again beyond
     * {@code NEAR} times the criterion. The fresh orbit at every chunk's end was most of a chunk's
     * cost once the CKD run-ins had settled into their slow drift (a G5 chunk: 350 calls for the
     * 30 days, 1 150 for the orbit).
     */
    private static double alongMovedOrbits(AssembledModel model, FastRun run, double[] y, int maxChunks,
                                           ChunkListener listener, BoneCellSettling settling, SlowPath path,
                                           SteadyStart start) {
        List<String> ids = ModelAssembly.stabilisationOutputs();
        double chunk = Time.days(CHUNK_DAYS);
        double[] before = new double[ids.size()];
        double[] now = new double[ids.size()];
        double[] moved = new double[y.length];
        run.restartOnOrbit(y);
        if (start != null && start.solve(run, chunk, y,
                (state, change) -> predictedChunkMeets(ids, model, run, state, change, before, now, moved))) {
            listener.chunk(0, y);
            return 0;
        }
        labs(ids, model, y, before);
        int chunks = 0;
        double lead = 0;
        if (path != null) {
            // The first days' transient from the derivation, the least linear part, time-stepped;
            // then the path by long linearised steps (SlowPath).
            lead = Time.days(SlowPath.TIME_STEPPED_DAYS);
            run.run(planFor(ids, model), y, lead, ProgressListener.NONE);
            run.restartOnOrbit(y);
            labs(ids, model, y, before);
            chunks = path.follow(run, chunk, maxChunks - 1, y, (state, out) -> labs(ids, model, state, out),
                    (a, b) -> within(a, b, 1), before);
            listener.chunk(lead + chunks * chunk, y);
            if (path.met()) {
                return lead + chunks * chunk;
            }
        }
        // The first chunk is checked on a fresh orbit: in CKD without labs its transient is violent,
        // and an orbit computed inside the run there, extrapolated along it, failed to integrate (G3a).
        boolean fresh = true;
        while (chunks < maxChunks) {
            run.run(planFor(ids, model), y, chunk, ProgressListener.NONE);
            chunks++;
            if (fresh) {
                run.restartOnOrbit(y);
                listener.chunk(lead + chunks * chunk, y);
                labs(ids, model, y, now);
                if (within(now, before, 1)) {
                    return lead + chunks * chunk;
                }
                fresh = within(now, before, NEAR);
                if (fresh) {
                    settle(model, run, y, now, settling);
                }
            } else {
                run.continueOnNewClock(chunk);
                run.onMovedOrbit(y, moved);
                listener.chunk(lead + chunks * chunk, moved);
                labs(ids, model, moved, now);
                if (within(now, before, NEAR)) {
                    // The next chunk is checked: it starts on a fresh orbit.
                    run.restartOnOrbit(y);
                    labs(ids, model, y, now);
                    settle(model, run, y, now, settling);
                    fresh = true;
                }
            }
            System.arraycopy(now, 0, before, 0, now.length);
        }
        if (!fresh) {
            // The run starts on the orbit at clock hour 0.
            run.restartOnOrbit(y);
        }
        return lead + chunks * chunk;
    }

    /**
     * Whether the labs at {@code y}, on a fresh orbit there, meet the criterion over the next chunk
     * predicted by {@link SteadyStart} ({@code change}: each SLOW state's change over the chunk, in
     * {@link FastRun#slowStates} order; the labs read on the orbit moved there by its first-order
     * response, as {@link SlowPath} reads its chunks): the check of a {@link SteadyStart} iterate, no
     * derivative call instead of a 30-day chunk and a fresh orbit (~530 calls). Leaves the labs at
     * {@code y} (on the orbit) in {@code before}.
     */
    private static boolean predictedChunkMeets(List<String> ids, AssembledModel model, FastRun run, double[] y,
                                               double[] change, double[] before, double[] now, double[] moved) {
        int[] slow = run.slowStates();
        double[] ahead = y.clone();
        for (int j = 0; j < slow.length; j++) {
            ahead[slow[j]] += change[j];
        }
        run.onMovedOrbit(y, moved);
        labs(ids, model, moved, before);
        run.onMovedOrbit(ahead, moved);
        labs(ids, model, moved, now);
        return within(now, before, 1);
    }

    /** A plan that records nothing the stabiliser reads (a run needs one). */
    private static RecordingPlan planFor(List<String> ids, AssembledModel model) {
        double chunk = Time.days(CHUNK_DAYS);
        return new RecordingPlan(new Recording(List.of(ids.get(0)), chunk, chunk, 0, 0), chunk, model);
    }

    /** Every lab changed by at most {@code times} the criterion from {@code before} to {@code now}. */
    private static boolean within(double[] now, double[] before, double times) {
        for (int k = 0; k < now.length; k++) {
            if (Math.abs(now[k] - before[k]) > times * RELATIVE_CHANGE * Math.abs(before[k])) {
                return false;
            }
        }
        return true;
    }
}
