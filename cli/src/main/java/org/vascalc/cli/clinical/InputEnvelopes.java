package org.vascalc.cli.clinical;

import org.vascalc.clinical.input.CreatinineUnit;
import org.vascalc.clinical.input.RiskInput;
import org.vascalc.clinical.prevent.CkdEpi2021;
import org.vascalc.core.input.ValidRange;
import org.vascalc.core.patient.Sex;
import org.vascalc.simulation.scenario.ScenarioRanges;

/**
 * Why one person's eGFR and systolic pressure have two envelopes (review9: eGFR 1–200 and systolic 70–260 mmHg on
 * /compare and in scenario files, 1–250 and 60–280 in {@code risk} and on /risk, with no word why). Neither is
 * changed: the simulation's are its hard limits ({@link ScenarioRanges}), the risk tools' the equations' inputs
 * ({@link RiskInput}). Each page and help says which it uses and why, in one sentence built from the ranges the
 * checks use, so that it cannot drift from them.
 */
public final class InputEnvelopes {

    private InputEnvelopes() {
    }

    /** The sentence under the /compare form (the simulation's envelope). */
    public static String simulation() {
        return "eGFR " + ScenarioRanges.EGFR.allowed() + " and systolic " + ScenarioRanges.SYSTOLIC.allowed()
                + " are the simulation's hard limits, as in scenario files: generous bounds of what the model can "
                + "simulate, there to catch a unit or typing mistake; /risk takes wider ones (eGFR "
                + RiskInput.EGFR.allowed() + ", systolic " + RiskInput.SYSTOLIC_BP.allowed() + ") because its equations "
                + "only read the numbers in, and each warns outside the data it was derived from.";
    }

    /** The sentence on /risk and in {@code risk --help} (the equations' inputs). */
    public static String risk() {
        return "eGFR " + RiskInput.EGFR.allowed() + " and systolic " + RiskInput.SYSTOLIC_BP.allowed()
                + " are the risk equations' input limits, wider than the simulation's (eGFR " + ScenarioRanges.EGFR.allowed()
                + ", systolic " + ScenarioRanges.SYSTOLIC.allowed() + " on /compare and in scenario files): eGFR reaches "
                + ValidRange.fmt(RiskInput.EGFR.hardHigh()) + " because CKD-EPI 2021 gives up to "
                + ValidRange.fmt(Math.floor(highestComputedEgfr() * 10) / 10)
                + " from the lowest accepted creatinine, and each score warns outside the data it was derived from.";
    }

    /** CKD-EPI 2021's highest eGFR over the creatinine and ages the risk tools accept (an 18-year-old man). */
    static double highestComputedEgfr() {
        return CkdEpi2021.egfr(CkdEpi2021.CREATININE.hardLow(), CreatinineUnit.MG_PER_DL, CkdEpi2021.AGE.hardLow(),
                Sex.MALE);
    }
}
