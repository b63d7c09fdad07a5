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
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Intervention.PhosphateBinderKind;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.engine.HeldOutGrid.Kidney;
import org.vascalc.simulation.engine.HeldOutGrid.Run;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}, or {@code main}): a SECOND held-out grid
 * (heldout2, fifty-sixth session; docs/performance-log.md) for a WIDER fast-mode class line, proposed by the lead
 * before this grid was chosen. "Calcium a day" is elemental calcium from calcium-based binders AND calcium
 * supplements, the mean over the schedule's week; "eGFR" is the lowest of the run's kidney-function course, dialysis
 * counting as below 15. The line: IN the class (predicts "may miss" the 1 % agreement) if
 * <ol type="a">
 *   <li>a calcium-based binder on haemodialysis; or</li>
 *   <li>2 250 mg calcium a day or more at any kidney function; or</li>
 *   <li>1 500 mg calcium a day or more at eGFR below 30; or</li>
 *   <li>1 000 mg calcium a day or more at eGFR below 20 or on dialysis;</li>
 * </ol>
 * OUT (predicts within 1 %) otherwise. The 29 one-year runs below are on neither {@link MissMapRunner}'s map nor
 * {@link HeldOutRunner}'s grid; they were fixed here, each with the line's prediction, and committed before any of
 * them ran. Each is measured as the map's cells ({@link MissMapRunner#measure}: the worst
 * {@code |fast - reference| / max(|reference|, 1e-6)} over the SLOW outputs at the 73-day rows). Mass fractions
 * 0.4004 (carbonate) and 0.2534 (acetate); a constant eGFR means a kidney-function course of one point, no labs.
 * <ol>
 *   <li>The (c) eGFR edge: calcium carbonate binder with three meals (08:00, 13:00, 19:00) at 1 250, 1 458 and
 *   1 667 mg a dose (1 501, 1 751, 2 002 mg calcium a day) at a constant eGFR of 25 and 28 (IN by c: 6 runs) and 32
 *   and 38 (OUT: 6 runs).</li>
 *   <li>The (d) edges at a constant eGFR of 18 (IN by d), 20 (OUT: 20 is not below 20) and 24 (OUT), each with the
 *   benchmark-like regimen (500 mg calcium as carbonate with food at 08:00 and 20:00 + 180 µg MK-7 at 08:00; 1 000
 *   mg a day) and with a carbonate binder of 1 041 mg with three meals (1 250 mg a day): 6 runs, 2 IN, 4 OUT.</li>
 *   <li>Calcium acetate binder 1 645 mg with three meals (1 250 mg calcium a day) at eGFR 25: OUT.</li>
 *   <li>Not a binder: calcium citrate supplement, 1 000 mg elemental calcium at 08:00 and 20:00 without food
 *   (2 000 mg a day), at eGFR 25 (IN by c) and 35 (OUT); calcium carbonate supplement 750 mg with food at 08:00 and
 *   20:00, no MK-7 (1 500 mg a day), at eGFR 28 (IN by c).</li>
 *   <li>The (a) low end: a calcium carbonate binder of 500 mg once a day with the midday meal (13:00; 200 mg calcium
 *   a day) on dialysis without and with labs (the map's haemodialysis patient): IN by a (2 runs).</li>
 *   <li>The (b) neighbourhood: the carbonate binder 1 667 mg with three meals (2 002 mg a day) at a constant eGFR
 *   of 60 and in the reference adult (eGFR 95, no kidney condition): OUT (2 runs).</li>
 *   <li>Falling kidney function, linear over the year: eGFR 40 to 15 with the carbonate binder 1 250 mg × 3 meals
 *   (1 501 mg a day; IN by c and d) and with the benchmark-like regimen (1 000 mg a day; IN by d); eGFR 45 to 25
 *   with the carbonate binder 1 250 mg × 3 meals (IN by c): 3 runs.</li>
 * </ol>
 * 15 runs predicted IN, 14 OUT. Run order is the order above; two JVMs take alternate runs ({@code even} and
 * {@code odd}; {@code labels} only prints the written and computed predictions, running nothing); if time runs
 * short the cut falls on the tail of the order (items 7, 6, 5 first) and the runs not done are reported as not run.
 * Prints a {@code HELDOUT2} line per run (key, calcium a day, lowest eGFR or "hd", the written prediction, the
 * line's verdict as computed by {@link #PROPOSED_LINE}, {@code DirectClass.inClass}'s verdict for the present
 * class, then {@link MissMapRunner#measure}'s fields) and appends it to {@code target/heldout2-GROUP.tsv};
 * references are cached in {@code target/reference-cache-heldout2}.
 */
class HeldOut2Runner {

    private static final double YEAR = 365;

    /** The runs, in run order. */
    static List<Run> grid() {
        List<Run> out = new ArrayList<>();
        Schedule meals = Schedule.daily(8, 13, 19);
        var mk7 = new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8));
        var bench = Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20);
        // 1. the (c) eGFR edge
        for (double egfr : new double[] {25, 28, 32, 38}) {
            for (double mg : new double[] {1250, 1458, 1667}) {
                out.add(run(constant(egfr), "cbind" + (int) mg, egfr < 30,
                        binder(PhosphateBinderKind.CALCIUM_CARBONATE, mg, meals)));
            }
        }
        // 2. the (d) edges
        for (double egfr : new double[] {18, 20, 24}) {
            out.add(run(constant(egfr), "carb500x2", egfr < 20, bench, mk7));
            out.add(run(constant(egfr), "cbind1041", egfr < 20,
                    binder(PhosphateBinderKind.CALCIUM_CARBONATE, 1041, meals)));
        }
        // 3. acetate at 1 250 mg calcium a day
        out.add(run(constant(25), "abind1645", false, binder(PhosphateBinderKind.CALCIUM_ACETATE, 1645, meals)));
        // 4. supplements, not binders
        out.add(run(constant(25), "citrate1000x2", true,
                Scenarios.supplement(1000, Intervention.CalciumSalt.CITRATE, false, 8, 20)));
        out.add(run(constant(35), "citrate1000x2", false,
                Scenarios.supplement(1000, Intervention.CalciumSalt.CITRATE, false, 8, 20)));
        out.add(run(constant(28), "carb750x2", true,
                Scenarios.supplement(750, Intervention.CalciumSalt.CARBONATE, true, 8, 20)));
        // 5. the (a) low end
        for (String c : List.of("hd-nolabs", "hd-labs")) {
            out.add(run(mapColumn(c), "cbind500x1", true,
                    binder(PhosphateBinderKind.CALCIUM_CARBONATE, 500, Schedule.daily(13))));
        }
        // 6. the (b) neighbourhood
        out.add(run(constant(60), "cbind1667", false, binder(PhosphateBinderKind.CALCIUM_CARBONATE, 1667, meals)));
        out.add(run(mapColumn("egfr95"), "cbind1667", false,
                binder(PhosphateBinderKind.CALCIUM_CARBONATE, 1667, meals)));
        // 7. falling kidney function
        out.add(run(falling(40, 15), "cbind1250", true, binder(PhosphateBinderKind.CALCIUM_CARBONATE, 1250, meals)));
        out.add(run(falling(40, 15), "carb500x2", true, bench, mk7));
        out.add(run(falling(45, 25), "cbind1250", true, binder(PhosphateBinderKind.CALCIUM_CARBONATE, 1250, meals)));
        return out;
    }

    private static Kidney falling(double from, double to) {
        return new Kidney("egfr" + (int) from + "to" + (int) to, new MissMapRunner.Column(
                "eGFR " + (int) from + "→" + (int) to, Patient.referenceAdult(),
                List.of(new Condition.KidneyFunctionCourse(List.of(new Condition.GfrPoint(0, from),
                        new Condition.GfrPoint(1, to))))));
    }

    private static Run run(Kidney k, String loadKey, boolean predictedIn, Intervention... interventions) {
        return HeldOutGrid.run("heldout2", k, loadKey, YEAR, predictedIn, interventions);
    }

    /** The proposed line (a)–(d) of the class Javadoc. */
    static final HeldOutGrid.ClassLine PROPOSED_LINE = new HeldOutGrid.ClassLine(2250, 1500, 30, 1000, 20);

    static void measureAll(String group) throws IOException {
        HeldOutGrid.measureLabelled("heldout2", group, grid(),
                (s, p) -> inOut(PROPOSED_LINE.in(s, p)) + "\t" + inOut(DirectClass.inClass(s, p)));
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        measureAll(System.getProperty("vascalc.scratch.group", "all"));
    }

    /** {@code java -cp ... HeldOut2Runner even|odd|all}: as {@link #print} without Maven (two JVMs at once). */
    public static void main(String[] args) throws IOException {
        measureAll(args.length > 0 ? args[0] : "all");
    }
}
