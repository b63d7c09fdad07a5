package org.vascalc.simulation.engine;

import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.physiology.mineral.MineralBlock;

/**
 * Which shortcut a patient's run-in ({@link Stabiliser}) takes: one predicate for {@link SteadyStart},
 * {@link BoneCellSettling} and {@link SlowPath}, which each held their own copy of the
 * {@code ckdEgfrThreshold} comparison before (and {@link SlowPath} a G5 bound and the haemodialysis
 * exclusion).
 *
 * <p>What decides it is where the patient's initial state comes from
 * ({@link MineralBlock#derivedAtOwnEgfr}). A baseline derived at the eGFR the run-in holds, without
 * haemodialysis, is already the homeostasis of that kidney function up to the daily orbit and the slow
 * mineral modes: a Newton step onto the quasi-steady state of the slow mineral states ends the run-in
 * ({@link #NEAR_STEADY}): eGFR at or above the threshold, and since 2026-12-02 also CKD with mineral labs
 * (the CRIC-like cohort's members), whose run-in was a {@link SlowPath} of 2 952 calls ending with PTH
 * 5e-4 below their homeostasis (docs/performance-log.md, "ckdstart"). Any other start (CKD without labs,
 * derived at the reference GFR; haemodialysis, whose clearance and dialysate no derivation without labs
 * includes; since hdlabs, 2026-12-05, a dialysis patient's labs are derived with them, and the path from
 * that steady state ends by the criterion within weeks) is
 * a path from there that the run-in follows until its labs meet the criterion or to its five-year limit
 * ({@link #PATH}; CKD G5 without labs time-stepped, {@link #PLAIN}): the deep bone calcium and, on haemodialysis, the vitamin K block's carboxylated MGP
 * carry the path's history, so a steady-state solve would start these patients elsewhere (a modelling
 * choice, not a speed one; {@link Stabiliser}). CKD G5 without labs off dialysis keeps the time-stepped
 * run-in ({@link #PLAIN}).
 */
enum RunInShortcut {

    /**
     * Not on haemodialysis, and eGFR at or above {@code ckdEgfrThreshold}, or mineral labs given and the
     * eGFR the run-in holds is the patient's own (no kidney-function course moving it at t = 0):
     * {@link SteadyStart}, and {@link BoneCellSettling} in the time-stepped fallback.
     */
    NEAR_STEADY,
    /** CKD G3a–G4 without labs, and haemodialysis: {@link SlowPath}. */
    PATH,
    /**
     * CKD G5 without labs, not on haemodialysis: neither shortcut, the time-stepped run-in to its
     * five-year limit. The linearised path took it there in ~13 000 calls instead of ~33 000, but the
     * bone cells it ended on put a year of calcium carbonate as binder in CKD G5 1.52e-2 apart, fast
     * against reference (osteoclasts; limit 1e-2), once the hepatic menaquinone state was in the model
     * (docs/performance-log.md, "ckdstart2").
     */
    PLAIN;

    /** Below this eGFR (mL/min/1.73 m², the KDIGO G5 boundary) a CKD patient without labs and off dialysis takes {@link #PLAIN}. */
    static final double G5_EGFR = 15;

    /** The shortcut for this model's patient. */
    static RunInShortcut of(AssembledModel model, ParameterCatalog parameters) {
        if (model.driversAt(0).haemodialysis()) {
            return PATH;
        }
        double threshold = parameters.value("ckdEgfrThreshold");
        double egfr = model.course().egfrAtStart();
        var patient = model.course().patient();
        boolean ownBaseline = MineralBlock.derivedAtOwnEgfr(patient, threshold) && egfr == patient.egfrMlPerMin();
        if (egfr >= threshold || ownBaseline) {
            return NEAR_STEADY;
        }
        return egfr < G5_EGFR ? PLAIN : PATH;
    }
}
