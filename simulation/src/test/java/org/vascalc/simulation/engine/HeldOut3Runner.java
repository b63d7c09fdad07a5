package org.vascalc.simulation.engine;

import static org.vascalc.simulation.engine.HeldOutGrid.binder;
import static org.vascalc.simulation.engine.HeldOutGrid.constant;
import static org.vascalc.simulation.engine.HeldOutGrid.inOut;
import static org.vascalc.simulation.engine.HeldOutGrid.mapColumn;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Intervention.CalciumSalt;
import org.vascalc.core.intervention.Intervention.PhosphateBinderKind;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.simulation.engine.HeldOutGrid.Kidney;
import org.vascalc.simulation.engine.HeldOutGrid.Run;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}, or {@code main}): a THIRD held-out grid
 * (heldout3, fifty-sixth session; docs/performance-log.md), the first out-of-sample test of the ADOPTED fast-mode
 * line. Fast mode will integrate directly every run IN the line and average every run OUT of it, so this grid is
 * mostly OUT, near the line's edges: does averaged fast mode stay within 1 % there? "Calcium a day" and "eGFR" as in
 * {@link HeldOut2Runner} (elemental calcium from calcium-based binders and calcium supplements, the mean over the
 * schedule's week; the lowest eGFR of the run's kidney-function course, dialysis counting as below 15). The line:
 * IN if
 * <ol type="a">
 *   <li>a calcium-based binder on haemodialysis; or</li>
 *   <li>1 750 mg calcium a day or more at any kidney function; or</li>
 *   <li>1 250 mg calcium a day or more at eGFR below 30; or</li>
 *   <li>1 000 mg calcium a day or more at eGFR below 20 or on dialysis;</li>
 * </ol>
 * OUT otherwise. The 28 one-year runs below are on neither {@link MissMapRunner}'s map nor the grids of
 * {@link HeldOutRunner} and {@link HeldOut2Runner}; they were fixed here, each labelled IN or OUT, and committed
 * before any of them ran. Each is measured as the map's cells ({@link MissMapRunner#measure}: the worst
 * {@code |fast - reference| / max(|reference|, 1e-6)} over the SLOW outputs at the 73-day rows). Mass fractions
 * 0.4004 (carbonate) and 0.2534 (acetate); a constant eGFR is a kidney-function course of one point on the reference
 * adult, no labs; "meals" are 08:00, 13:00, 19:00; supplements twice daily are at 08:00 and 20:00.
 * <ol>
 *   <li>1 600–1 700 mg a day at eGFR 30 or above (under b, not c): calcium carbonate binder 1 375 mg with three meals
 *   (1 652 mg a day) at a constant eGFR of 32, 40, 50, 70 and in the reference adult (eGFR 95, no kidney
 *   condition); calcium carbonate supplement 800 mg with food twice daily, no MK-7 (1 600 mg a day), at eGFR 32 and
 *   50; calcium citrate supplement 850 mg without food twice daily (1 700 mg a day) at eGFR 40. OUT: 8 runs.</li>
 *   <li>1 000–1 200 mg a day at eGFR 21–29 (under c, above d's eGFR): carbonate binder 958 mg with three meals
 *   (1 151 mg a day) at eGFR 21 and 29; calcium acetate binder 1 500 mg with three meals (1 140 mg a day) at eGFR
 *   22, 25 and 29; acetate binder 1 350 mg with three meals (1 026 mg a day) at eGFR 27; citrate supplement 575 mg
 *   without food twice daily (1 150 mg a day) at eGFR 21 and 25. OUT: 8 runs.</li>
 *   <li>900–950 mg a day from a SUPPLEMENT (not a binder, so not a) at eGFR below 20 or on dialysis (under d):
 *   carbonate supplement 450 mg with food twice daily + 180 µg MK-7 at 08:00 (900 mg a day) at eGFR 10, 15, 19 and
 *   on dialysis without labs (the map's haemodialysis patient); citrate supplement 475 mg without food twice daily
 *   (950 mg a day) on dialysis with labs. OUT: 5 runs.</li>
 *   <li>Timings: carbonate binder with two meals only (13:00, 19:00) at 1 500 mg (1 201 mg a day) at eGFR 25 and at
 *   2 000 mg (1 602 mg a day) at eGFR 40; carbonate binder 1 500 mg once at bedtime (22:00; 601 mg a day) at eGFR
 *   15. OUT: 3 runs.</li>
 *   <li>Vitamin K at d's eGFR edge (eGFR 20, not below 20): the benchmark-like 500 mg carbonate with food twice daily
 *   (1 000 mg a day) without MK-7, and with MK-7 plus warfarin 5 mg at 18:00. OUT: 2 runs.</li>
 *   <li>Two cheap IN runs at the edges: acetate binder 1 645 mg with three meals (1 251 mg a day) at eGFR 29 (IN by
 *   c); citrate supplement 525 mg without food twice daily (1 050 mg a day) at eGFR 19 (IN by d).</li>
 * </ol>
 * 26 runs labelled OUT, 2 IN. Run order is the order above; two JVMs take alternate runs ({@code even} and
 * {@code odd}; {@code labels} only prints the written and computed labels, running nothing); if time runs short the
 * cut falls on the tail of the order (items 6, 5, 4 first) and the runs not done are reported as not run. Prints a
 * {@code HELDOUT3} line per run (key, calcium a day, lowest eGFR or "hd", the written label, the line's verdict as
 * computed by {@link #ADOPTED_LINE}, then {@link MissMapRunner#measure}'s fields) and appends it to
 * {@code target/heldout3-GROUP.tsv}; references are cached in {@code target/reference-cache-heldout3}.
 */
class HeldOut3Runner {

    private static final double YEAR = 365;

    /** The runs, in run order. */
    static List<Run> grid() {
        List<Run> out = new ArrayList<>();
        Schedule meals = Schedule.daily(8, 13, 19);
        var mk7 = new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8));
        Kidney ref = mapColumn("egfr95");
        // 1. 1 600-1 700 mg a day at eGFR >= 30
        for (Kidney k : List.of(constant(32), constant(40), constant(50), constant(70), ref)) {
            out.add(run(k, "cbind1375", false, binder(PhosphateBinderKind.CALCIUM_CARBONATE, 1375, meals)));
        }
        for (double egfr : new double[] {32, 50}) {
            out.add(run(constant(egfr), "carb800x2", false, supplement(800, CalciumSalt.CARBONATE, true)));
        }
        out.add(run(constant(40), "citrate850x2", false, supplement(850, CalciumSalt.CITRATE, false)));
        // 2. 1 000-1 200 mg a day at eGFR 21-29
        for (double egfr : new double[] {21, 29}) {
            out.add(run(constant(egfr), "cbind958", false, binder(PhosphateBinderKind.CALCIUM_CARBONATE, 958, meals)));
        }
        for (double egfr : new double[] {22, 25, 29}) {
            out.add(run(constant(egfr), "abind1500", false, binder(PhosphateBinderKind.CALCIUM_ACETATE, 1500, meals)));
        }
        out.add(run(constant(27), "abind1350", false, binder(PhosphateBinderKind.CALCIUM_ACETATE, 1350, meals)));
        for (double egfr : new double[] {21, 25}) {
            out.add(run(constant(egfr), "citrate575x2", false, supplement(575, CalciumSalt.CITRATE, false)));
        }
        // 3. 900-950 mg a day from a supplement at eGFR < 20 or on dialysis
        for (Kidney k : List.of(constant(10), constant(15), constant(19),
                mapColumn("hd-nolabs"))) {
            out.add(run(k, "carb450x2", false, supplement(450, CalciumSalt.CARBONATE, true), mk7));
        }
        out.add(run(mapColumn("hd-labs"), "citrate475x2", false,
                supplement(475, CalciumSalt.CITRATE, false)));
        // 4. timings
        out.add(run(constant(25), "cbind1500x2meals", false,
                binder(PhosphateBinderKind.CALCIUM_CARBONATE, 1500, Schedule.daily(13, 19))));
        out.add(run(constant(40), "cbind2000x2meals", false,
                binder(PhosphateBinderKind.CALCIUM_CARBONATE, 2000, Schedule.daily(13, 19))));
        out.add(run(constant(15), "cbind1500bedtime", false,
                binder(PhosphateBinderKind.CALCIUM_CARBONATE, 1500, Schedule.daily(22))));
        // 5. vitamin K at d's eGFR edge
        out.add(run(constant(20), "carb500x2-nomk7", false, supplement(500, CalciumSalt.CARBONATE, true)));
        out.add(run(constant(20), "carb500x2-warfarin", false, supplement(500, CalciumSalt.CARBONATE, true), mk7,
                new Intervention.Warfarin(5, Schedule.daily(18))));
        // 6. two IN runs
        out.add(run(constant(29), "abind1645", true, binder(PhosphateBinderKind.CALCIUM_ACETATE, 1645, meals)));
        out.add(run(constant(19), "citrate525x2", true, supplement(525, CalciumSalt.CITRATE, false)));
        return out;
    }

    /** A calcium supplement twice daily (08:00, 20:00), elemental mg a dose. */
    private static Intervention supplement(double mg, CalciumSalt salt, boolean withFood) {
        return Scenarios.supplement(mg, salt, withFood, 8, 20);
    }

    private static Run run(Kidney k, String loadKey, boolean labelledIn, Intervention... interventions) {
        return HeldOutGrid.run("heldout3", k, loadKey, YEAR, labelledIn, interventions);
    }

    /** The adopted line (a)-(d) of the class Javadoc. */
    static final HeldOutGrid.ClassLine ADOPTED_LINE = new HeldOutGrid.ClassLine(1750, 1250, 30, 1000, 20);

    static void measureAll(String group) throws IOException {
        HeldOutGrid.measureLabelled("heldout3", group, grid(), (s, p) -> inOut(ADOPTED_LINE.in(s, p)));
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        measureAll(System.getProperty("vascalc.scratch.group", "all"));
    }

    /** {@code java -cp ... HeldOut3Runner even|odd|all|labels}: as {@link #print} without Maven (two JVMs at once). */
    public static void main(String[] args) throws IOException {
        measureAll(args.length > 0 ? args[0] : "all");
    }
}
