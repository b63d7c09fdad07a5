package org.vascalc.simulation.engine;

import static org.vascalc.simulation.engine.HeldOutGrid.binder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Intervention.PhosphateBinderKind;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.simulation.engine.HeldOutGrid.Run;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}, or {@code main}): the calcium-binder class of
 * {@code FastModeCaution} (now {@link DirectClass}) measured OUT of sample (heldout, fifty-sixth session; docs/performance-log.md). The class
 * ("a calcium-based phosphate binder on haemodialysis, or at 2 250 mg binder calcium a day or more") was read from
 * {@link MissMapRunner}'s 88 runs; here 35 runs NOT on that map, fixed in this Javadoc and committed before any of
 * them ran, each with the class rule's prediction written down: IN the class predicts a likely miss of the 1 %
 * agreement, OUT predicts within 1 %. Each run is measured exactly as the map's cells
 * ({@link MissMapRunner#measure}: worst {@code |fast - reference| / max(|reference|, 1e-6)} over the SLOW outputs at
 * the 73-day rows). Calcium a day below is the binder's (or supplement's) elemental calcium, the catalog's mass
 * fractions 0.4004 (carbonate) and 0.2534 (acetate). Kidney columns as the map's ({@link MissMapRunner#columns}),
 * plus a constant eGFR of 18 and of 12 (no labs), which the map did not have.
 * <ol>
 *   <li>Dose edge, calcium carbonate binder with three meals (08:00, 13:00, 19:00), at eGFR 45, 22, 15, 10 and on
 *   dialysis without and with labs: 1 458 mg a dose (1 751 mg calcium a day) and 1 667 mg a dose (2 002 mg a day);
 *   predicted OUT off dialysis (8 runs), IN on dialysis (4 runs).</li>
 *   <li>Calcium acetate binder with three meals: 1 000 mg a dose (760 mg calcium a day) and 1 334 mg a dose (1 014
 *   mg a day) at eGFR 22, 15 (OUT) and on dialysis with labs (IN); 1 334 mg on dialysis without labs (IN).</li>
 *   <li>Other timings: the tested 1 250 mg carbonate binder twice a day (08:00, 20:00; 1 001 mg calcium a day) at
 *   eGFR 15 (OUT) and on dialysis with labs (IN); with two meals only (13:00, 19:00) in CKD G5 with labs (OUT) and
 *   on dialysis without labs (IN); 2 252 mg binder calcium a day as four doses of 1 406 mg carbonate (08:00, 13:00,
 *   19:00, 22:00) at eGFR 22 and 15 (IN).</li>
 *   <li>Not a binder: calcium citrate supplement, 1 000 mg elemental calcium twice a day (08:00, 20:00) without
 *   food (2 000 mg calcium a day), at eGFR 15 and on dialysis with labs (OUT: the class counts binders only).</li>
 *   <li>New kidney functions at the map's doses: eGFR 18 and 12 (no labs) with the carbonate binder with three
 *   meals at 1 250 mg (1 501 mg a day, OUT) and 1 875 mg (2 252 mg a day, IN).</li>
 *   <li>FIVE-year runs (1 825 days, rows every 73 days): eGFR 15 with 1 875 mg carbonate binder × 3 (IN); dialysis
 *   with labs with the tested 1 250 mg × 3 (IN); eGFR 15 on the benchmark regimen, 500 mg carbonate with food at
 *   08:00 and 20:00 + 180 µg MK-7 (OUT); CKD G5 with labs with the tested 1 250 mg × 3 (OUT).</li>
 * </ol>
 * The one-year runs go in the order above in one JVM ({@code group=year}), the five-year runs in a second
 * ({@code group=five}); if the grid cannot finish in its time, the cut falls on the tail of each order (item 5 of
 * the one-year runs first) and the runs not done are reported as not run. Prints a {@code HELDOUT} line per run
 * (key, the written prediction, {@code DirectClass.inClass}'s verdict, then {@link MissMapRunner#measure}'s
 * fields) and appends it to {@code target/heldout-GROUP.tsv}; references are cached in
 * {@code target/reference-cache-heldout}.
 */
class HeldOutRunner {

    private static final double YEAR = 365;
    private static final double FIVE_YEARS = 5 * 365;

    /** The one-year runs, in run order. */
    static List<Run> oneYear() {
        Map<String, MissMapRunner.Column> cols = columns();
        List<Run> out = new ArrayList<>();
        Schedule meals = Schedule.daily(8, 13, 19);
        // 1. the dose edge
        for (double mg : new double[] {1458, 1667}) {
            for (String c : List.of("egfr45", "egfr22", "egfr15", "egfr10", "hd-nolabs", "hd-labs")) {
                out.add(run(c, cols.get(c), "cbind" + (int) mg, YEAR, c.startsWith("hd"),
                        binder(PhosphateBinderKind.CALCIUM_CARBONATE, mg, meals)));
            }
        }
        // 2. calcium acetate above 667 mg a dose
        for (double mg : new double[] {1000, 1334}) {
            for (String c : List.of("egfr22", "egfr15", "hd-labs")) {
                out.add(run(c, cols.get(c), "abind" + (int) mg, YEAR, c.startsWith("hd"),
                        binder(PhosphateBinderKind.CALCIUM_ACETATE, mg, meals)));
            }
        }
        out.add(run("hd-nolabs", cols.get("hd-nolabs"), "abind1334", YEAR, true,
                binder(PhosphateBinderKind.CALCIUM_ACETATE, 1334, meals)));
        // 3. other timings
        Schedule twice = Schedule.daily(8, 20);
        Schedule twoMeals = Schedule.daily(13, 19);
        out.add(run("egfr15", cols.get("egfr15"), "cbind1250x2", YEAR, false,
                binder(PhosphateBinderKind.CALCIUM_CARBONATE, 1250, twice)));
        out.add(run("hd-labs", cols.get("hd-labs"), "cbind1250x2", YEAR, true,
                binder(PhosphateBinderKind.CALCIUM_CARBONATE, 1250, twice)));
        out.add(run("g5-labs", cols.get("g5-labs"), "cbind1250meals2", YEAR, false,
                binder(PhosphateBinderKind.CALCIUM_CARBONATE, 1250, twoMeals)));
        out.add(run("hd-nolabs", cols.get("hd-nolabs"), "cbind1250meals2", YEAR, true,
                binder(PhosphateBinderKind.CALCIUM_CARBONATE, 1250, twoMeals)));
        for (String c : List.of("egfr22", "egfr15")) {
            out.add(run(c, cols.get(c), "cbind1406x4", YEAR, true,
                    binder(PhosphateBinderKind.CALCIUM_CARBONATE, 1406.25, Schedule.daily(8, 13, 19, 22))));
        }
        // 4. not a binder: a large citrate supplement
        for (String c : List.of("egfr15", "hd-labs")) {
            out.add(run(c, cols.get(c), "citrate1000x2", YEAR, false,
                    Scenarios.supplement(1000, Intervention.CalciumSalt.CITRATE, false, 8, 20)));
        }
        // 5. new kidney functions at the map's doses
        for (String c : List.of("egfr18", "egfr12")) {
            out.add(run(c, cols.get(c), "cbind1250", YEAR, false,
                    binder(PhosphateBinderKind.CALCIUM_CARBONATE, 1250, meals)));
            out.add(run(c, cols.get(c), "cbind1875", YEAR, true,
                    binder(PhosphateBinderKind.CALCIUM_CARBONATE, 1875, meals)));
        }
        return out;
    }

    /** The five-year runs, in run order. */
    static List<Run> fiveYears() {
        Map<String, MissMapRunner.Column> cols = columns();
        Schedule meals = Schedule.daily(8, 13, 19);
        var mk7 = new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 180, Schedule.daily(8));
        return List.of(
                run("egfr15", cols.get("egfr15"), "cbind1875-5y", FIVE_YEARS, true,
                        binder(PhosphateBinderKind.CALCIUM_CARBONATE, 1875, meals)),
                run("hd-labs", cols.get("hd-labs"), "cbind1250-5y", FIVE_YEARS, true,
                        binder(PhosphateBinderKind.CALCIUM_CARBONATE, 1250, meals)),
                run("egfr15", cols.get("egfr15"), "carb500x2-5y", FIVE_YEARS, false,
                        Scenarios.supplement(500, Intervention.CalciumSalt.CARBONATE, true, 8, 20), mk7),
                run("g5-labs", cols.get("g5-labs"), "cbind1250-5y", FIVE_YEARS, false,
                        binder(PhosphateBinderKind.CALCIUM_CARBONATE, 1250, meals)));
    }

    /** The map's kidney columns and a constant eGFR of 18 and 12 (no labs). */
    static Map<String, MissMapRunner.Column> columns() {
        Map<String, MissMapRunner.Column> out = new LinkedHashMap<>(MissMapRunner.columns());
        for (double egfr : new double[] {18, 12}) {
            out.put("egfr" + (int) egfr, HeldOutGrid.constant(egfr).column());
        }
        return out;
    }

    /** A run with the prediction written before it ran (IN: a likely miss). */
    private static Run run(String columnKey, MissMapRunner.Column c, String loadKey, double days, boolean predictedIn,
            Intervention... interventions) {
        return HeldOutGrid.run("heldout", new HeldOutGrid.Kidney(columnKey, c), loadKey, days, predictedIn,
                interventions);
    }

    static void measureAll(String group) throws IOException {
        List<Run> runs = switch (group) {
            case "five" -> fiveYears();
            // a map cell, to see this runner reproduce the map's number (egfr22 x cbind1.0: 5.062e-3, a known value)
            case "check" -> List.of(new Run("egfr22-cbind1.0-map", MissMapRunner.cell("egfr22",
                    MissMapRunner.columns().get("egfr22"), "cbind1.0", MissMapRunner.loads().get("cbind1.0")), false));
            default -> oneYear();
        };
        var params = ModelAssembly.defaultParameters();
        EngineSimulator sim = new EngineSimulator(params, DirectSettings.AVERAGED); // the averaging measured
        List<HeldOutGrid.Row> rows = HeldOutGrid.only(runs).stream().map(r -> new HeldOutGrid.Row(r.key() + "\t"
                + HeldOutGrid.inOut(r.labelledIn()) + "\t"
                + HeldOutGrid.inOut(DirectClass.inClass(r.scenario(), params)), r.scenario())).toList();
        HeldOutGrid.measureEach("HELDOUT", "heldout", "heldout-" + group, rows, false, sim, MissMapRunner::measure);
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        measureAll(System.getProperty("vascalc.scratch.group", "year"));
    }

    /** {@code java -cp ... HeldOutRunner year|five}: the same as {@link #print} without Maven (two JVMs at once). */
    public static void main(String[] args) throws IOException {
        measureAll(args.length > 0 ? args[0] : "year");
    }
}
