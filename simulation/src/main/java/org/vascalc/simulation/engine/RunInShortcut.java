package org.vascalc.simulation.engine;

import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.mineral.MineralBlock;

/**
 * Which shortcut a patient's run-in ({@link Stabiliser}) takes: one predicate for {@link SteadyStart},
 * {@link BoneCellSettling} and {@link SlowPath}, which each held a copy of the {@code ckdEgfrThreshold}
 * comparison before.
 *
 * <p>What decides it is where the patient's initial state comes from
 * ({@link MineralBlock#derivedAtOwnEgfr}): a baseline derived at the eGFR the run-in holds is already
 * the homeostasis of that kidney function up to the daily orbit and the slow mineral modes, so a
 * Newton step onto the quasi-steady state of the slow mineral states ends the run-in
 * ({@link #NEAR_STEADY}); a baseline derived at the reference GFR (CKD without labs) is a path from
 * there that the run-in follows for one to five years and stops on where its drifts cancel
 * ({@link #CKD_PATH}, G3a–G4; docs/performance-log.md, "CKD run-in by linearised steps"); and
 * haemodialysis, or CKD G5 without labs, runs time-stepped to the run-in's limit ({@link #PLAIN}).
 */
enum RunInShortcut {

    /**
     * eGFR at or above {@code ckdEgfrThreshold}, or CKD with mineral labs whose eGFR is the one the
     * run-in holds (no kidney-function course moving it at t = 0), not on haemodialysis:
     * {@link SteadyStart}, and {@link BoneCellSettling} in the time-stepped fallback.
     */
    NEAR_STEADY,
    /** CKD G3a–G4 (eGFR from {@link SlowPath#MIN_EGFR} to the threshold) otherwise, not on haemodialysis: {@link SlowPath}. */
    CKD_PATH,
    /** Haemodialysis, CKD G5 without labs: the time-stepped run-in. */
    PLAIN;

    /** The shortcut for this model's patient. */
    static RunInShortcut of(AssembledModel model, ParameterCatalog parameters) {
        if (model.driversAt(0).haemodialysis()) {
            return PLAIN;
        }
        double threshold = parameters.value("ckdEgfrThreshold");
        double egfr = model.course().egfrAtStart();
        var patient = model.course().patient();
        if (egfr >= threshold
                || (MineralBlock.derivedAtOwnEgfr(patient, threshold) && egfr == patient.egfrMlPerMin())) {
            return NEAR_STEADY;
        }
        return egfr >= SlowPath.MIN_EGFR ? CKD_PATH : PLAIN;
    }
}
