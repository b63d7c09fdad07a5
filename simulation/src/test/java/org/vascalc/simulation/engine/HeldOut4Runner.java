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
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}, or {@code main}): a FOURTH held-out grid
 * (heldout4, fifty-sixth session; docs/performance-log.md), the out-of-sample test of the FINAL fast-mode line. Fast
 * mode will integrate directly every run IN the line and average every run OUT of it, so every run here is OUT, as
 * close to the line's edges as the regimens allow, where averaged fast mode is most likely to miss 1 %. "Calcium a
 * day" and "eGFR" as in {@link HeldOut2Runner} (elemental calcium from calcium-based binders and calcium supplements,
 * the mean over the schedule's week; the lowest eGFR of the run's kidney-function course, dialysis counting as below
 * 15). The final line: IN if
 * <ol type="a">
 *   <li>a calcium-based binder on haemodialysis; or</li>
 *   <li>1 500 mg calcium a day or more at any kidney function; or</li>
 *   <li>700 mg calcium a day or more at eGFR below 30 or on haemodialysis;</li>
 * </ol>
 * OUT otherwise. The 24 runs below are on none of {@link MissMapRunner}'s map and the grids of {@link HeldOutRunner},
 * {@link HeldOut2Runner} and {@link HeldOut3Runner}; they were fixed here, each labelled OUT, and committed before any
 * of them ran. They lean on what missed before: supplements (4 of the 5 OUT misses on {@code heldout3}), without food
 * and three times daily as well as twice, acetate below eGFR 30, dialysis with labs. Each is measured as the map's
 * cells ({@link MissMapRunner#measure}: the worst {@code |fast - reference| / max(|reference|, 1e-6)} over the SLOW
 * outputs at the 73-day rows). Mass fractions 0.4004 (carbonate) and 0.2534 (acetate); a constant eGFR is a
 * kidney-function course of one point on the reference adult, no labs; "meals" are 08:00, 13:00, 19:00; supplements
 * twice daily are at 08:00 and 20:00, three times daily at 08:00, 14:00 and 20:00; citrate is always without food; no
 * MK-7 unless named.
 * <ol>
 *   <li>1 200–1 450 mg a day at eGFR 30 or above (under b; c does not apply): calcium carbonate supplement 725 mg
 *   without food twice daily (1 450 mg a day) at eGFR 30; calcium citrate supplement 725 mg twice daily (1 450) at
 *   eGFR 33; carbonate supplement 480 mg without food three times daily (1 440) at eGFR 40; citrate supplement 475 mg
 *   three times daily (1 425) at eGFR 55; carbonate supplement 700 mg without food twice daily (1 400) in the
 *   reference adult (eGFR 95, no kidney condition); citrate supplement 400 mg three times daily (1 200) at eGFR 30;
 *   carbonate supplement 725 mg WITH food twice daily (1 450) at eGFR 32 and 50 (next to heldout3's 1 600 mg
 *   misses); calcium carbonate binder 1 200 mg with three meals (1 441) at eGFR 30; calcium acetate binder 1 900 mg
 *   with three meals (1 444) at eGFR 40 and 1 800 mg (1 368) at eGFR 33; carbonate supplement 700 mg with food
 *   twice daily + 180 µg MK-7 at 08:00 + warfarin 5 mg at 18:00 (1 400) at eGFR 35. OUT: 12 runs.</li>
 *   <li>500–691 mg a day at eGFR below 30 or on haemodialysis, without a calcium-based binder on dialysis (under
 *   c; a does not apply): citrate supplement 325 mg twice daily (650) at eGFR 10 and 25; carbonate supplement 325 mg
 *   without food twice daily (650) at eGFR 15; citrate supplement 225 mg three times daily (675) at eGFR 20;
 *   carbonate supplement 340 mg without food twice daily (680) in the G4 patient with labs; citrate supplement 300 mg
 *   twice daily (600) in the G5 patient with labs; acetate binder 900 mg with three meals (684) at eGFR 25;
 *   carbonate binder 575 mg with three meals (691) at eGFR 22; on dialysis (the map's haemodialysis patient): citrate
 *   supplement 325 mg twice daily (650) with labs, carbonate supplement 300 mg without food twice daily (600)
 *   without labs, and carbonate supplement 250 mg with food twice daily (500) + sevelamer 800 mg with three meals
 *   with labs. OUT: 11 runs.</li>
 *   <li>One five-year run: citrate supplement 340 mg twice daily (680) on dialysis with labs. OUT: 1 run.</li>
 * </ol>
 * 24 runs, all labelled OUT. Run order is the order above; two JVMs take alternate runs ({@code even} and
 * {@code odd}; {@code labels} only prints the written and computed labels, running nothing); if time runs short the
 * cut falls on the tail of the order (the five-year run first) and the runs not done are reported as not run. Prints
 * a {@code HELDOUT4} line per run (key, calcium a day, lowest eGFR or "hd", the written label, the line's verdict as
 * computed by {@link #FINAL_LINE}, then {@link MissMapRunner#measure}'s fields) and appends it to
 * {@code target/heldout4-GROUP.tsv}; references are cached in {@code target/reference-cache-heldout4}.
 */
class HeldOut4Runner {

    private static final double YEAR = 365;

    /** The runs, in run order. */
    static List<Run> grid() {
        List<Run> out = new ArrayList<>();
        Schedule meals = Schedule.daily(8, 13, 19);
        var mk7 = new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8));
        // 1. 1 200-1 450 mg a day at eGFR >= 30
        out.add(run(constant(30), "carb725x2-nofood", YEAR, twice(725, CalciumSalt.CARBONATE, false)));
        out.add(run(constant(33), "citrate725x2", YEAR, twice(725, CalciumSalt.CITRATE, false)));
        out.add(run(constant(40), "carb480x3-nofood", YEAR, thrice(480, CalciumSalt.CARBONATE, false)));
        out.add(run(constant(55), "citrate475x3", YEAR, thrice(475, CalciumSalt.CITRATE, false)));
        out.add(run(mapColumn("egfr95"), "carb700x2-nofood", YEAR,
                twice(700, CalciumSalt.CARBONATE, false)));
        out.add(run(constant(30), "citrate400x3", YEAR, thrice(400, CalciumSalt.CITRATE, false)));
        for (double egfr : new double[] {32, 50}) {
            out.add(run(constant(egfr), "carb725x2-food", YEAR, twice(725, CalciumSalt.CARBONATE, true)));
        }
        out.add(run(constant(30), "cbind1200", YEAR, binder(PhosphateBinderKind.CALCIUM_CARBONATE, 1200, meals)));
        out.add(run(constant(40), "abind1900", YEAR, binder(PhosphateBinderKind.CALCIUM_ACETATE, 1900, meals)));
        out.add(run(constant(33), "abind1800", YEAR, binder(PhosphateBinderKind.CALCIUM_ACETATE, 1800, meals)));
        out.add(run(constant(35), "carb700x2-warfarin", YEAR, twice(700, CalciumSalt.CARBONATE, true), mk7,
                new Intervention.Warfarin(5, Schedule.daily(18))));
        // 2. under 700 mg a day at eGFR < 30 or on dialysis
        for (double egfr : new double[] {10, 25}) {
            out.add(run(constant(egfr), "citrate325x2", YEAR, twice(325, CalciumSalt.CITRATE, false)));
        }
        out.add(run(constant(15), "carb325x2-nofood", YEAR, twice(325, CalciumSalt.CARBONATE, false)));
        out.add(run(constant(20), "citrate225x3", YEAR, thrice(225, CalciumSalt.CITRATE, false)));
        out.add(run(mapColumn("g4-labs"), "carb340x2-nofood", YEAR,
                twice(340, CalciumSalt.CARBONATE, false)));
        out.add(run(mapColumn("g5-labs"), "citrate300x2", YEAR,
                twice(300, CalciumSalt.CITRATE, false)));
        out.add(run(constant(25), "abind900", YEAR, binder(PhosphateBinderKind.CALCIUM_ACETATE, 900, meals)));
        out.add(run(constant(22), "cbind575", YEAR, binder(PhosphateBinderKind.CALCIUM_CARBONATE, 575, meals)));
        Kidney hdLabs = mapColumn("hd-labs");
        out.add(run(hdLabs, "citrate325x2", YEAR, twice(325, CalciumSalt.CITRATE, false)));
        out.add(run(mapColumn("hd-nolabs"), "carb300x2-nofood", YEAR,
                twice(300, CalciumSalt.CARBONATE, false)));
        out.add(run(hdLabs, "carb250x2-sevelamer", YEAR, twice(250, CalciumSalt.CARBONATE, true),
                binder(PhosphateBinderKind.SEVELAMER, 800, meals)));
        // 3. one five-year run
        out.add(run(hdLabs, "citrate340x2-5y", 5 * YEAR, twice(340, CalciumSalt.CITRATE, false)));
        return out;
    }

    /** A calcium supplement twice daily (08:00, 20:00), elemental mg a dose. */
    private static Intervention twice(double mg, CalciumSalt salt, boolean withFood) {
        return Scenarios.supplement(mg, salt, withFood, 8, 20);
    }

    /** A calcium supplement three times daily (08:00, 14:00, 20:00), elemental mg a dose. */
    private static Intervention thrice(double mg, CalciumSalt salt, boolean withFood) {
        return Scenarios.supplement(mg, salt, withFood, 8, 14, 20);
    }

    /** A run labelled OUT (every run of this grid is). */
    private static Run run(Kidney k, String loadKey, double days, Intervention... interventions) {
        return HeldOutGrid.run("heldout4", k, loadKey, days, false, interventions);
    }

    /** The final line (a)-(c) of the class Javadoc. */
    static final HeldOutGrid.ClassLine FINAL_LINE = new HeldOutGrid.ClassLine(1500, 700, 30,
            Double.POSITIVE_INFINITY, 0);

    static void measureAll(String group) throws IOException {
        HeldOutGrid.measureLabelled("heldout4", group, grid(), (s, p) -> inOut(FINAL_LINE.in(s, p)));
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
