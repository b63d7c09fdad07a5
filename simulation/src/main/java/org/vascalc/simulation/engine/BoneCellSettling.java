package org.vascalc.simulation.engine;

import org.vascalc.core.param.ParameterCatalog;

/**
 * Puts the reduced bone cells on their steady state under the current daily orbit during the run-in.
 *
 * <p>Why: in a patient near their homeostasis ({@link RunInShortcut#NEAR_STEADY}: eGFR at or above
 * {@code ckdEgfrThreshold}, or CKD with labs; their initial state is derived from their own or the
 * reference labs at their own eGFR) the initial OC = OB = 1 is 0.27 % below the orbit's mean
 * drive under the habitual meals, and the transient that follows (OB lagging OC, PTH with them) kept
 * PTH changing by more than the criterion for 4–8 chunks after every other lab had settled: half the
 * run-in's calls (docs/performance-log.md, "What a new patient costs"). In {@code MineralBlock} the
 * osteoclasts relax linearly toward a PTH drive, {@code dOC/dt = kOC (drive − OC)}, and the
 * osteoblasts toward the osteoclasts, {@code dOB/dt = kOB (OC − OB)}; with the SLOW states held over
 * an orbit, the orbit's mean of dOC/dt gives the mean drive exactly, {@code OC + mean(dOC/dt) / kOC}.
 * Setting OC = OB = that drive removes the lag, and the run-in ends after three or four chunks.
 *
 * <p>It is one step toward the homeostasis, not a solve of it: the loop PTH → bone cells → calcium
 * → PTH has a mode of ~200 days, and the run-in, with or without this step, stops on that mode where
 * PTH changes by less than the criterion per chunk (the reference adult: PTH 7.2e-4 below its
 * homeostasis with the step, 6.2e-4 without; {@code BoneCellDriftRunner}, docs/performance-log.md, "Bone
 * cells settled in the run-in").
 *
 * <p>Since {@link SteadyStart} (a Newton solve of the slow mineral states on the first orbit) these
 * patients' run-ins end before a chunk is time-stepped; the settling serves when no Newton iterate
 * meets the criterion, and in the chunk-by-chunk pace ({@link Stabiliser.Pace#CHUNKS}).
 *
 * <p>Not for the other patients (CKD G3a–G5 without labs, haemodialysis): their run-in
 * follows a years-long path from the reference-GFR derivation (docs/model/mineral.md, "The run-in in
 * CKD without labs") and stops on it by the criterion or at the five-year limit, so putting the bone
 * cells ahead on that path would move the state they start from.
 */
final class BoneCellSettling {

    private final int osteoclasts;
    private final int osteoblasts;
    /** kOC, 1/h. */
    private final double osteoclastRate;

    private BoneCellSettling(int osteoclasts, int osteoblasts, double osteoclastRate) {
        this.osteoclasts = osteoclasts;
        this.osteoblasts = osteoblasts;
        this.osteoclastRate = osteoclastRate;
    }

    /** The settling for this model's patient, or {@code null} where it does not apply (see the class comment). */
    static BoneCellSettling forPatient(AssembledModel model, ParameterCatalog parameters) {
        if (!model.layout().has(OSTEOCLASTS) || !model.layout().has(OSTEOBLASTS)
                || RunInShortcut.of(model, parameters) != RunInShortcut.NEAR_STEADY) {
            return null;
        }
        return new BoneCellSettling(model.layout().index(OSTEOCLASTS), model.layout().index(OSTEOBLASTS),
                parameters.value("osteoclastRate"));
    }

    static final String OSTEOCLASTS = "mineral.osteoclasts";
    static final String OSTEOBLASTS = "mineral.osteoblasts";

    /**
     * Sets the osteoclasts and osteoblasts of {@code y} to the mean osteoclast drive over the orbit
     * that {@code run} has just computed at {@code y} ({@link FastRun#restartOnOrbit}).
     */
    void settle(FastRun run, double[] y) {
        double drive = y[osteoclasts] + run.orbitMeanRate(osteoclasts) / osteoclastRate;
        y[osteoclasts] = drive;
        y[osteoblasts] = drive;
    }
}
