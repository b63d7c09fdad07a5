package org.vascalc.simulation.engine;

import static org.vascalc.simulation.engine.HeldOutGrid.binder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.condition.Condition;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Intervention.CalciumSalt;
import org.vascalc.core.intervention.Intervention.PhosphateBinderKind;
import org.vascalc.core.intervention.Intervention.VitaminKForm;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.Sex;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.engine.HeldOutGrid.Run;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}, or {@code main}): a FIFTH held-out grid (heldout5,
 * fifty-seventh session; docs/performance-log.md), the shipped fast mode's test on dimensions no earlier grid varied.
 * The map and the four held-out grids varied kidney function × dose × binder or supplement form on a few example
 * patients, at a constant eGFR, for a year. Here: kidney function that declines during the run, other people (age,
 * sex, body weight, their own labs), other diets (dietary phosphate, low and high food calcium, meals at other times),
 * co-medication (warfarin, high-dose MK-7 and K1, calcium-free binders, a statin), and runs of three to five years.
 *
 * <p>Unlike {@link HeldOut4Runner}, which measured the averaging alone ({@link DirectSettings#AVERAGED}), this grid
 * runs SHIPPED fast mode ({@code new EngineSimulator(parameters)}: {@link DirectSettings#DEFAULT}), whatever path it
 * chooses, and prints the path that ran ({@link SimulationResult#fastPath()}). Shipped fast mode integrates directly,
 * from {@link DirectClass#directFrom}, every run IN the final line ({@link DirectClass}: (a) a calcium-based binder on
 * haemodialysis, (b) 1 500 mg calcium a day or more from binders and supplements, (c) 700 mg a day or more at lowest
 * eGFR below 30 or on haemodialysis) and averages every run OUT of it. Food calcium is not counted by the line. Each
 * run is measured as the map's cells ({@link MissMapRunner#measure}: the worst {@code |fast - reference| /
 * max(|reference|, 1e-6)} over the SLOW outputs at the 73-day rows; reference mode is the same in both simulators).
 * The labels below (IN or OUT, as {@link DirectClass} computes them from the scenario) were written and committed
 * before any run; the runner prints {@link DirectClass}'s verdict next to each written label.
 *
 * <p>Conventions: the reference adult is a woman of 60, 70 kg, 165 cm, eGFR 95, no labs; a "course" is a
 * kidney-function course, linear between its points, constant after the last; "eGFR N" without a course is a
 * one-point course; "meals" are 08:00, 13:00, 19:00 (the habitual diet's meals are 08:00, 13:00, 16:00, 19:00);
 * supplements twice daily at 08:00 and 20:00; citrate always without food; mass fractions 0.4004 (carbonate) and
 * 0.2534 (acetate); one year unless a duration is named.
 * <ol>
 *   <li>Kidney function that declines during the run (the line reads the lowest eGFR of the course, so a course that
 *   crosses 30 is IN from the supplement's start, day 0, not from the crossing):
 *   <ol>
 *     <li>course 45 → 31 over two years, carbonate supplement 325 mg with food twice daily (650 mg a day), two
 *     years: OUT;</li>
 *     <li>course 60 → 35 over two years, citrate supplement 500 mg twice daily (1 000), two years: OUT;</li>
 *     <li>course 40 → 25 over two years, citrate supplement 325 mg twice daily (650), two years: OUT (below 700);</li>
 *     <li>course 50 → 38 over one year, acetate binder 1 334 mg with meals (1 014): OUT;</li>
 *     <li>course 45 → 25 over two years (crossing 30 at 1.5 years, day 548), carbonate supplement 400 mg with food
 *     twice daily (800), two years: IN by (c), direct from day 0;</li>
 *     <li>course 35 → 20 over one year (crossing 30 at day 122), carbonate binder 600 mg with meals (721): IN by (c),
 *     direct from day 0.</li>
 *   </ol></li>
 *   <li>Other people:
 *   <ol>
 *     <li>a woman of 80, 55 kg, 155 cm, eGFR 45, carbonate supplement 600 mg with food twice daily (1 200): OUT;</li>
 *     <li>a man of 40, 110 kg, 185 cm, eGFR 95, citrate supplement 600 mg twice daily (1 200): OUT;</li>
 *     <li>a woman of 70, 45 kg, 152 cm, eGFR 33, citrate supplement 300 mg twice daily (600): OUT;</li>
 *     <li>a man of 50, 130 kg, 180 cm, eGFR 40, carbonate binder 1 000 mg with meals (1 201): OUT;</li>
 *     <li>the reference adult with her own labs at eGFR 40 (patient eGFR, no course): serum calcium 2.10 mmol/L,
 *     phosphate 1.90 mmol/L, PTH 280 pg/mL; carbonate supplement 500 mg with food twice daily (1 000): OUT;</li>
 *     <li>the same labs at eGFR 55 (calcium 2.15, phosphate 1.60, PTH 150), acetate binder 1 334 mg with meals
 *     (1 014): OUT;</li>
 *     <li>a man of 40, 110 kg, 185 cm, eGFR 95, carbonate supplement 800 mg with food twice daily (1 600): IN by
 *     (b).</li>
 *   </ol></li>
 *   <li>Other diets:
 *   <ol>
 *     <li>high dietary phosphate, 600 mg phosphorus with each meal (on top of the habitual diet), eGFR 35, carbonate
 *     binder 800 mg with meals (961): OUT;</li>
 *     <li>low food calcium, 100 mg a meal with meals (300 a day, in place of the habitual diet), eGFR 40, citrate
 *     supplement 600 mg twice daily (1 200): OUT;</li>
 *     <li>high food calcium, 500 mg a meal with meals (1 500 a day), eGFR 25, carbonate supplement 325 mg with food
 *     twice daily (650; 2 150 mg a day in all): OUT;</li>
 *     <li>high food calcium, 500 mg a meal with meals (1 500 a day), eGFR 50, carbonate supplement 700 mg with food
 *     twice daily (1 400; 2 900 in all): OUT;</li>
 *     <li>meals at 06:00, 11:00 and 21:00 (300 mg food calcium each), eGFR 33, carbonate binder 900 mg with those
 *     meals (1 081): OUT.</li>
 *   </ol></li>
 *   <li>Co-medication:
 *   <ol>
 *     <li>warfarin 5 mg at 18:00, eGFR 28, citrate supplement 325 mg twice daily (650): OUT;</li>
 *     <li>MK-7 1 000 µg at 08:00, eGFR 45, carbonate supplement 600 mg with food twice daily (1 200): OUT;</li>
 *     <li>vitamin K1 1 000 µg at 08:00, eGFR 15, citrate supplement 325 mg twice daily (650): OUT;</li>
 *     <li>sevelamer 1 600 mg with meals, eGFR 20, carbonate supplement 325 mg with food twice daily (650): OUT;</li>
 *     <li>lanthanum 500 mg with meals, eGFR 27, citrate supplement 300 mg twice daily (600): OUT;</li>
 *     <li>high-intensity statin at 20:00, eGFR 50, carbonate supplement 600 mg with food twice daily (1 200):
 *     OUT.</li>
 *   </ol></li>
 *   <li>Longer runs:
 *   <ol>
 *     <li>eGFR 37 (CKD 3b), carbonate supplement 500 mg with food twice daily (1 000), four years: OUT;</li>
 *     <li>eGFR 40, citrate supplement 500 mg twice daily (1 000), three years: OUT;</li>
 *     <li>eGFR 35, acetate binder 1 334 mg with meals (1 014), five years: OUT.</li>
 *   </ol></li>
 * </ol>
 * 27 runs: 24 OUT, 3 IN. Run order is the order above; two JVMs take alternate runs ({@code even} and {@code odd};
 * {@code labels} prints the written and computed labels and runs nothing); if time runs short the cut falls on the
 * tail of the order (the long runs first) and the runs not done are reported as not run. Prints a {@code HELDOUT5}
 * line per run (key, calcium a day, lowest eGFR, days, the written label, {@link DirectClass}'s verdict and its
 * {@code directFrom}, the path that ran, then {@link MissMapRunner#measure}'s fields: worst level, where, fast
 * derivative calls, osteoclast end/start) and appends it to {@code target/heldout5-GROUP.tsv}; references are cached
 * in {@code target/reference-cache-heldout5}.
 *
 * <p>Added after the grid ran (so neither held out nor labelled beforehand): {@code controls} runs {@link
 * #controls} with shipped fast mode, {@code in-averaged} the IN runs with the averaging alone ({@link
 * DirectSettings#AVERAGED}), what the line spares them.
 */
class HeldOut5Runner {

    private static final double YEAR = 365;
    private static final Schedule MEALS = Schedule.daily(8, 13, 19);

    /** The runs, in run order. */
    static List<Run> grid() {
        Patient ref = Patient.referenceAdult();
        List<Run> out = new ArrayList<>();
        // 1. declining kidney function
        out.add(run("course45to31-carb325x2-2y", ref, course(0, 45, 2, 31), 2 * YEAR, false,
                twice(325, CalciumSalt.CARBONATE, true)));
        out.add(run("course60to35-citrate500x2-2y", ref, course(0, 60, 2, 35), 2 * YEAR, false,
                twice(500, CalciumSalt.CITRATE, false)));
        out.add(run("course40to25-citrate325x2-2y", ref, course(0, 40, 2, 25), 2 * YEAR, false,
                twice(325, CalciumSalt.CITRATE, false)));
        out.add(run("course50to38-abind1334", ref, course(0, 50, 1, 38), YEAR, false,
                binder(PhosphateBinderKind.CALCIUM_ACETATE, 1334, MEALS)));
        out.add(run("course45to25-carb400x2-2y", ref, course(0, 45, 2, 25), 2 * YEAR, true,
                twice(400, CalciumSalt.CARBONATE, true)));
        out.add(run("course35to20-cbind600", ref, course(0, 35, 1, 20), YEAR, true,
                binder(PhosphateBinderKind.CALCIUM_CARBONATE, 600, MEALS)));
        // 2. other people
        Patient man40 = ref.withId("man40-110kg").withAgeYears(40).withSex(Sex.MALE).withBody(110, 185);
        out.add(run("woman80-55kg-egfr45-carb600x2", ref.withId("woman80-55kg").withAgeYears(80).withBody(55, 155),
                constant(45), YEAR, false, twice(600, CalciumSalt.CARBONATE, true)));
        out.add(run("man40-110kg-citrate600x2", man40, List.of(), YEAR, false,
                twice(600, CalciumSalt.CITRATE, false)));
        out.add(run("woman70-45kg-egfr33-citrate300x2",
                ref.withId("woman70-45kg").withAgeYears(70).withBody(45, 152), constant(33), YEAR, false,
                twice(300, CalciumSalt.CITRATE, false)));
        out.add(run("man50-130kg-egfr40-cbind1000",
                ref.withId("man50-130kg").withAgeYears(50).withSex(Sex.MALE).withBody(130, 180), constant(40), YEAR,
                false, binder(PhosphateBinderKind.CALCIUM_CARBONATE, 1000, MEALS)));
        out.add(run("labs40-carb500x2", labs(ref, 40, 2.10, 1.90, 280), List.of(), YEAR, false,
                twice(500, CalciumSalt.CARBONATE, true)));
        out.add(run("labs55-abind1334", labs(ref, 55, 2.15, 1.60, 150), List.of(), YEAR, false,
                binder(PhosphateBinderKind.CALCIUM_ACETATE, 1334, MEALS)));
        out.add(run("man40-110kg-carb800x2", man40, List.of(), YEAR, true,
                twice(800, CalciumSalt.CARBONATE, true)));
        // 3. other diets
        out.add(run("egfr35-phos600-cbind800", ref, constant(35), YEAR, false,
                new Intervention.DietaryPhosphate(600, MEALS),
                binder(PhosphateBinderKind.CALCIUM_CARBONATE, 800, MEALS)));
        out.add(run("egfr40-food300-citrate600x2", ref, constant(40), YEAR, false,
                new Intervention.DietaryCalcium(100, MEALS), twice(600, CalciumSalt.CITRATE, false)));
        out.add(run("egfr25-food1500-carb325x2", ref, constant(25), YEAR, false,
                new Intervention.DietaryCalcium(500, MEALS), twice(325, CalciumSalt.CARBONATE, true)));
        out.add(run("egfr50-food1500-carb700x2", ref, constant(50), YEAR, false,
                new Intervention.DietaryCalcium(500, MEALS), twice(700, CalciumSalt.CARBONATE, true)));
        Schedule late = Schedule.daily(6, 11, 21);
        out.add(run("egfr33-meals6-11-21-cbind900", ref, constant(33), YEAR, false,
                new Intervention.DietaryCalcium(300, late), binder(PhosphateBinderKind.CALCIUM_CARBONATE, 900, late)));
        // 4. co-medication
        out.add(run("egfr28-warfarin-citrate325x2", ref, constant(28), YEAR, false,
                new Intervention.Warfarin(5, Schedule.daily(18)), twice(325, CalciumSalt.CITRATE, false)));
        out.add(run("egfr45-mk7x1000-carb600x2", ref, constant(45), YEAR, false,
                new Intervention.VitaminK(VitaminKForm.MK7, 1000, Schedule.daily(8)),
                twice(600, CalciumSalt.CARBONATE, true)));
        out.add(run("egfr15-k1x1000-citrate325x2", ref, constant(15), YEAR, false,
                new Intervention.VitaminK(VitaminKForm.K1, 1000, Schedule.daily(8)),
                twice(325, CalciumSalt.CITRATE, false)));
        out.add(run("egfr20-sevelamer1600-carb325x2", ref, constant(20), YEAR, false,
                binder(PhosphateBinderKind.SEVELAMER, 1600, MEALS), twice(325, CalciumSalt.CARBONATE, true)));
        out.add(run("egfr27-lanthanum500-citrate300x2", ref, constant(27), YEAR, false,
                binder(PhosphateBinderKind.LANTHANUM, 500, MEALS), twice(300, CalciumSalt.CITRATE, false)));
        out.add(run("egfr50-statin-carb600x2", ref, constant(50), YEAR, false,
                new Intervention.Statin(Intervention.StatinIntensity.HIGH, Schedule.daily(20)),
                twice(600, CalciumSalt.CARBONATE, true)));
        // 5. longer runs
        out.add(run("egfr37-carb500x2-4y", ref, constant(37), 4 * YEAR, false,
                twice(500, CalciumSalt.CARBONATE, true)));
        out.add(run("egfr40-citrate500x2-3y", ref, constant(40), 3 * YEAR, false,
                twice(500, CalciumSalt.CITRATE, false)));
        out.add(run("egfr35-abind1334-5y", ref, constant(35), 5 * YEAR, false,
                binder(PhosphateBinderKind.CALCIUM_ACETATE, 1334, MEALS)));
        return out;
    }

    /**
     * Added AFTER the grid ran (not held out, not labelled beforehand): the four OUT misses each without what set
     * them apart from earlier grids' runs (the K1, the food calcium, the labs), to tell which dimension moved them.
     */
    static List<Run> controls() {
        Patient ref = Patient.referenceAdult();
        return List.of(
                run("egfr15-citrate325x2", ref, constant(15), YEAR, false, twice(325, CalciumSalt.CITRATE, false)),
                run("egfr25-carb325x2", ref, constant(25), YEAR, false, twice(325, CalciumSalt.CARBONATE, true)),
                run("egfr50-carb700x2", ref, constant(50), YEAR, false, twice(700, CalciumSalt.CARBONATE, true)),
                run("egfr55-abind1334", ref, constant(55), YEAR, false,
                        binder(PhosphateBinderKind.CALCIUM_ACETATE, 1334, MEALS)));
    }

    private static List<Condition> constant(double egfr) {
        return HeldOutGrid.constantEgfr(egfr);
    }

    private static List<Condition> course(double y0, double egfr0, double y1, double egfr1) {
        return List.of(new Condition.KidneyFunctionCourse(
                List.of(new Condition.GfrPoint(y0, egfr0), new Condition.GfrPoint(y1, egfr1))));
    }

    /** The patient with their own eGFR (no course) and labs: serum calcium and phosphate mmol/L, PTH pg/mL. */
    private static Patient labs(Patient p, double egfr, double calcium, double phosphate, double pth) {
        return p.withId("labs-egfr" + (int) egfr).withEgfrMlPerMin(egfr)
                .withLabs(OptionalDouble.of(calcium), OptionalDouble.of(phosphate), OptionalDouble.of(pth));
    }

    /** A calcium supplement twice daily (08:00, 20:00), elemental mg a dose. */
    private static Intervention twice(double mg, CalciumSalt salt, boolean withFood) {
        return Scenarios.supplement(mg, salt, withFood, 8, 20);
    }

    private static Run run(String key, Patient p, List<Condition> conditions, double days, boolean labelledIn,
                           Intervention... interventions) {
        return new Run(key, HeldOutGrid.year("heldout5-" + key, p, conditions, List.of(interventions), days),
                labelledIn);
    }

    /**
     * {@link MissMapRunner#measure}'s fields for shipped fast mode, with the path that ran in front: the same level
     * (worst over the SLOW outputs and 73-day rows), channel@row, derivative calls and osteoclast end/start.
     */
    static String measure(Scenario s, EngineSimulator sim, Path dir, List<String> slow) throws IOException {
        return HeldOutGrid.measure(s, sim, dir, slow, true);
    }

    static void measureAll(String group) throws IOException {
        List<Run> all = grid();
        List<Run> runs = HeldOutGrid.half(all, group);
        ParameterCatalog params = ModelAssembly.defaultParameters();
        EngineSimulator sim = new EngineSimulator(params); // SHIPPED fast mode: DirectSettings.DEFAULT
        // added after the grid ran: the controls (shipped), and the IN runs averaged (what the line spared them)
        if (group.equals("controls")) {
            runs = controls();
        } else if (group.equals("in-averaged")) {
            runs = all.stream().filter(Run::labelledIn).toList();
            sim = new EngineSimulator(params, DirectSettings.AVERAGED);
        }
        List<HeldOutGrid.Row> rows = HeldOutGrid.only(runs).stream().map(r -> new HeldOutGrid.Row(head(r, params),
                r.scenario())).toList();
        HeldOutGrid.measureEach("HELDOUT5", "heldout5", "heldout5-" + group, rows, group.equals("labels"), sim,
                HeldOut5Runner::measure);
    }

    /** Key, calcium a day, lowest eGFR, days, the written label, {@link DirectClass}'s verdict and its directFrom. */
    private static String head(Run r, ParameterCatalog params) {
        Scenario s = r.scenario();
        OptionalDouble from = DirectClass.directFrom(s, params);
        return r.key() + "\t"
                + String.format(Locale.ROOT, "%.0f", HeldOutGrid.calciumMgPerDay(s, params)) + "\t"
                + String.format(Locale.ROOT, "%.0f", HeldOutGrid.lowestEgfr(s)) + "\t"
                + String.format(Locale.ROOT, "%.0f", s.durationDays()) + "\t"
                + HeldOutGrid.inOut(r.labelledIn()) + "\t" + HeldOutGrid.inOut(from.isPresent()) + "\t"
                + (from.isPresent() ? String.format(Locale.ROOT, "%.0f", from.getAsDouble()) : "-");
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        measureAll(System.getProperty("vascalc.scratch.group", "all"));
    }

    /** {@code java -cp ... HeldOut5Runner even|odd|all|labels}: as {@link #print} without Maven (two JVMs at once). */
    public static void main(String[] args) throws IOException {
        measureAll(args.length > 0 ? args[0] : "all");
    }
}
