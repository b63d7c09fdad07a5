package org.vascalc.simulation.engine;

import static org.vascalc.simulation.engine.HeldOutGrid.binder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}, or {@code main}; onsetyears, sixty-fourth session,
 * docs/performance-log.md). onsetgate's gated direct onset ({@code go7.5}, {@link OnsetDirect}) on 24
 * NEW one-year runs fixed (and committed) before any ran: people no earlier grid used, regimens whose onset is NOT at
 * day 0 (a supplement started on day 90 or 150, stopped on day 120, a dose changed, warfarin or vitamin K started or
 * stopped mid-year, a non-calcium binder on haemodialysis started or stopped, a small supplement started at eGFR 15–29).
 * Every run must be OUTSIDE the final line ({@link DirectClass}, which sums every calcium intervention's dose whatever
 * its days, so a dose change counts both doses): {@code list} prints each run with {@link DirectClass}'s verdict and
 * runs nothing. {@code run} measures each in reference mode, shipped fast mode (before onsetadopt: {@link OnsetDirect#OFF}) and
 * {@code go7.5} (shipped fast mode with the gate), the level as {@code FastVersusReferenceIT}'s (worst
 * {@code |fast - reference| / max(|reference|, 1e-6)} over the SLOW outputs at the 73-day rows) with its output and
 * row, the calls, and the gate's decisions (a traced second {@code go7.5} run, checked to be the same bits); one line
 * a run to {@code target/onsetyears.tsv}; references cached in {@code target/reference-cache-onsetyears}.
 *
 * <p>Conventions: supplements twice daily at 08:00 and 20:00 (three times: 08:00, 13:00, 20:00); carbonate with
 * food unless said, citrate without; meals 08:00, 13:00, 19:00; warfarin at 18:00, vitamin K at 08:00; one year (365
 * days); the habitual diet on; eGFR as a one-point kidney-function course, or the patient's own eGFR where they
 * bring labs (serum calcium and phosphate mmol/L, PTH pg/mL); haemodialysis with the patient's eGFR 7.
 */
class OnsetYearsRunner {

    private static final double YEAR = 365;
    private static final Schedule MEALS = Schedule.daily(8, 13, 19);

    /** A run: key, category, scenario. */
    record Run(String key, String category, Scenario scenario) {
    }

    static List<Run> grid() {
        Patient ref = Patient.referenceAdult();
        List<Run> out = new ArrayList<>();
        // A. a calcium supplement STARTED on day 90 or 150 at eGFR 30-75
        out.add(run("A1-man65-90kg-egfr38-carb600x2-from90", "A start", person(ref, "man65-90kg", 65, Sex.MALE, 90, 176),
                egfr(38), twice(600, CalciumSalt.CARBONATE, true, 90, YEAR)));
        out.add(run("A2-woman45-62kg-egfr55-citrate250x2-from150", "A start",
                person(ref, "woman45-62kg", 45, Sex.FEMALE, 62, 160), egfr(55),
                twice(250, CalciumSalt.CITRATE, false, 150, YEAR)));
        out.add(run("A3-man78-68kg-egfr31-citrate350x2-from90", "A start",
                person(ref, "man78-68kg", 78, Sex.MALE, 68, 168), egfr(31),
                twice(350, CalciumSalt.CITRATE, false, 90, YEAR)));
        out.add(run("A4-woman55-95kg-labs48-carb700x2-from150", "A start",
                labs(person(ref, "woman55-95kg", 55, Sex.FEMALE, 95, 170), 48, 2.25, 1.45, 110), List.of(),
                twice(700, CalciumSalt.CARBONATE, true, 150, YEAR)));
        out.add(run("A5-man35-80kg-egfr72-carb450x2-nofood-from150", "A start",
                person(ref, "man35-80kg", 35, Sex.MALE, 80, 183), egfr(72),
                twice(450, CalciumSalt.CARBONATE, false, 150, YEAR)));
        out.add(run("A6-woman85-50kg-labs34-citrate400x3-from90", "A start",
                labs(person(ref, "woman85-50kg", 85, Sex.FEMALE, 50, 150), 34, 2.05, 1.55, 190), List.of(),
                new Intervention.CalciumSupplement(400, CalciumSalt.CITRATE, false,
                        Schedule.daily(8, 13, 20).between(90, YEAR))));
        // B. a supplement of 800-1 400 mg a day taken from day 0 and STOPPED on day 120
        out.add(run("B1-woman50-75kg-egfr62-carb500x2-to120", "B stop",
                person(ref, "woman50-75kg", 50, Sex.FEMALE, 75, 172), egfr(62),
                twice(500, CalciumSalt.CARBONATE, true, 0, 120)));
        out.add(run("B2-man70-82kg-egfr42-citrate400x2-to120", "B stop",
                person(ref, "man70-82kg", 70, Sex.MALE, 82, 174), egfr(42),
                twice(400, CalciumSalt.CITRATE, false, 0, 120)));
        out.add(run("B3-woman65-58kg-labs80-carb700x2-to120", "B stop",
                labs(person(ref, "woman65-58kg", 65, Sex.FEMALE, 58, 158), 80, 2.35, 1.10, 55), List.of(),
                twice(700, CalciumSalt.CARBONATE, true, 0, 120)));
        out.add(run("B4-man58-100kg-egfr33-carb600x2-to120", "B stop",
                person(ref, "man58-100kg", 58, Sex.MALE, 100, 178), egfr(33),
                twice(600, CalciumSalt.CARBONATE, true, 0, 120)));
        // C. the dose CHANGED mid-year (DirectClass sums both doses: kept below 1 500 mg a day in all)
        out.add(run("C1-woman40-68kg-egfr45-carb250x2-to475x2-day100", "C change",
                person(ref, "woman40-68kg", 40, Sex.FEMALE, 68, 166), egfr(45),
                twice(250, CalciumSalt.CARBONATE, true, 0, 100), twice(475, CalciumSalt.CARBONATE, true, 100, YEAR)));
        out.add(run("C2-man60-95kg-egfr58-citrate445x2-to300x2-day200", "C change",
                person(ref, "man60-95kg", 60, Sex.MALE, 95, 180), egfr(58),
                twice(445, CalciumSalt.CITRATE, false, 0, 200), twice(300, CalciumSalt.CITRATE, false, 200, YEAR)));
        out.add(run("C3-woman72-64kg-labs66-carb200x2-to500x2-day120", "C change",
                labs(person(ref, "woman72-64kg", 72, Sex.FEMALE, 64, 162), 66, 2.30, 1.25, 85), List.of(),
                twice(200, CalciumSalt.CARBONATE, true, 0, 120), twice(500, CalciumSalt.CARBONATE, true, 120, YEAR)));
        // D. warfarin started or stopped mid-year on 500-1 000 mg a day of calcium
        out.add(run("D1-man68-88kg-egfr40-carb400x2-warfarin5-from100", "D warfarin",
                person(ref, "man68-88kg", 68, Sex.MALE, 88, 175), egfr(40),
                twice(400, CalciumSalt.CARBONATE, true, 0, YEAR),
                new Intervention.Warfarin(5, Schedule.daily(18).between(100, YEAR))));
        out.add(run("D2-woman75-60kg-egfr52-citrate250x2-warfarin3-to150", "D warfarin",
                person(ref, "woman75-60kg", 75, Sex.FEMALE, 60, 160), egfr(52),
                twice(250, CalciumSalt.CITRATE, false, 0, YEAR),
                new Intervention.Warfarin(3, Schedule.daily(18).between(0, 150))));
        out.add(run("D3-man52-105kg-labs36-carb500x2-warfarin4-from200", "D warfarin",
                labs(person(ref, "man52-105kg", 52, Sex.MALE, 105, 181), 36, 2.15, 1.60, 160), List.of(),
                twice(500, CalciumSalt.CARBONATE, true, 0, YEAR),
                new Intervention.Warfarin(4, Schedule.daily(18).between(200, YEAR))));
        // E. MK-7 (180-1 000 ug) or K1 started mid-year while on calcium
        out.add(run("E1-woman58-72kg-egfr47-carb500x2-mk7x360-from90", "E vitamin K",
                person(ref, "woman58-72kg", 58, Sex.FEMALE, 72, 167), egfr(47),
                twice(500, CalciumSalt.CARBONATE, true, 0, YEAR),
                new Intervention.VitaminK(VitaminKForm.MK7, 360, Schedule.daily(8).between(90, YEAR))));
        out.add(run("E2-man80-74kg-egfr32-citrate300x2-k1x1000-from150", "E vitamin K",
                person(ref, "man80-74kg", 80, Sex.MALE, 74, 170), egfr(32),
                twice(300, CalciumSalt.CITRATE, false, 0, YEAR),
                new Intervention.VitaminK(VitaminKForm.K1, 1000, Schedule.daily(8).between(150, YEAR))));
        out.add(run("E3-woman48-85kg-labs70-carb600x2-mk7x1000-from120", "E vitamin K",
                labs(person(ref, "woman48-85kg", 48, Sex.FEMALE, 85, 175), 70, 2.40, 1.20, 60), List.of(),
                twice(600, CalciumSalt.CARBONATE, true, 0, YEAR),
                new Intervention.VitaminK(VitaminKForm.MK7, 1000, Schedule.daily(8).between(120, YEAR))));
        // F. haemodialysis, a NON-calcium binder started or stopped mid-year
        out.add(run("F1-hd-man62-78kg-sevelamer800-from90", "F dialysis",
                person(ref, "man62-78kg", 62, Sex.MALE, 78, 172).withEgfrMlPerMin(7),
                List.of(new Condition.Haemodialysis(OptionalDouble.of(1.5), OptionalDouble.empty())),
                binder(PhosphateBinderKind.SEVELAMER, 800, MEALS.between(90, YEAR))));
        out.add(run("F2-hd-woman55-65kg-lanthanum750-to150", "F dialysis",
                person(ref, "woman55-65kg", 55, Sex.FEMALE, 65, 163).withEgfrMlPerMin(7),
                List.of(new Condition.Haemodialysis(OptionalDouble.of(1.25), OptionalDouble.empty())),
                binder(PhosphateBinderKind.LANTHANUM, 750, MEALS.between(0, 150))));
        // G. eGFR 15-29, 300-650 mg a day of calcium started mid-year (under the line's 700)
        out.add(run("G1-woman67-66kg-egfr24-carb325x2-from90", "G low eGFR",
                person(ref, "woman67-66kg", 67, Sex.FEMALE, 66, 164), egfr(24),
                twice(325, CalciumSalt.CARBONATE, true, 90, YEAR)));
        out.add(run("G2-man72-84kg-egfr18-citrate150x2-from150", "G low eGFR",
                person(ref, "man72-84kg", 72, Sex.MALE, 84, 177), egfr(18),
                twice(150, CalciumSalt.CITRATE, false, 150, YEAR)));
        out.add(run("G3-man45-92kg-egfr28-carb250x2-from120", "G low eGFR",
                person(ref, "man45-92kg", 45, Sex.MALE, 92, 184), egfr(28),
                twice(250, CalciumSalt.CARBONATE, true, 120, YEAR)));
        return out;
    }

    private static Patient person(Patient ref, String id, double age, Sex sex, double kg, double cm) {
        return ref.withId(id).withAgeYears(age).withSex(sex).withBody(kg, cm);
    }

    private static List<Condition> egfr(double egfr) {
        return HeldOutGrid.constantEgfr(egfr);
    }

    /** The patient with their own eGFR (no course) and labs: serum calcium and phosphate mmol/L, PTH pg/mL. */
    private static Patient labs(Patient p, double egfr, double calcium, double phosphate, double pth) {
        return p.withEgfrMlPerMin(egfr).withLabs(OptionalDouble.of(calcium), OptionalDouble.of(phosphate),
                OptionalDouble.of(pth));
    }

    /** A calcium supplement twice daily (08:00, 20:00), elemental mg a dose, from day {@code from} to {@code to}. */
    private static Intervention twice(double mg, CalciumSalt salt, boolean withFood, double from, double to) {
        return new Intervention.CalciumSupplement(mg, salt, withFood, Schedule.daily(8, 20).between(from, to));
    }

    private static Run run(String key, String category, Patient p, List<Condition> conditions,
            Intervention... interventions) {
        return new Run(key, category, HeldOutGrid.year("onsetyears-" + key, p, conditions, List.of(interventions),
                YEAR));
    }

    /** Key, category, DirectClass's calcium a day (every calcium intervention summed), lowest eGFR, the verdict. */
    static String head(Run r, ParameterCatalog p) {
        Scenario s = r.scenario();
        OptionalDouble from = DirectClass.directFrom(s, p);
        return String.format(Locale.ROOT, "%s\t%s\t%.0f\t%.0f\t%s", r.key(), r.category(),
                HeldOutGrid.calciumMgPerDay(s, p), HeldOutGrid.lowestEgfr(s),
                from.isPresent() ? "IN from day " + from.getAsDouble() : "out");
    }

    static void list() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        for (Run r : grid()) {
            System.out.println("ONSETYEARS-LIST " + head(r, p));
            for (Intervention iv : r.scenario().interventions()) {
                System.out.println("    " + iv);
            }
            System.out.println("    patient " + r.scenario().patient() + "; conditions " + r.scenario().conditions());
        }
    }

    /** The worst level over every output and row, with where. */
    static String level(SimulationResult ref, SimulationResult fast) {
        double worst = 0;
        String at = "-";
        for (var c : ref.trajectory().channels()) {
            double[] rr = ref.trajectory().series(c.id());
            double[] ff = fast.trajectory().series(c.id());
            for (int i = 0; i < rr.length; i++) {
                double l = Math.abs(ff[i] - rr[i]) / Math.max(Math.abs(rr[i]), 1e-6);
                if (l > worst) {
                    worst = l;
                    at = c.id().replace("mineral.", "") + "@" + i * 73;
                }
            }
        }
        return String.format(Locale.ROOT, "%.3e\t%s", worst, at);
    }

    static void measure() throws IOException {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        String only = System.getProperty("vascalc.scratch.only", "");
        Path out = Path.of("target/onsetyears.tsv");
        EngineSimulator shippedSim = new EngineSimulator(p);
        for (Run r : grid()) {
            if (!only.isEmpty() && !only.contains(r.key() + ",")) {
                continue;
            }
            Scenario s = r.scenario();
            if (DirectClass.inClass(s, p)) {
                throw new IllegalStateException(r.key() + " is in the line");
            }
            SimulationResult ref = shippedSim.run(s, Mode.REFERENCE, ProgressListener.NONE);
            // (fast mode before onsetadopt, OnsetDirect.OFF, as measured)
            SimulationResult shipped = new EngineSimulator(p, FastSettings.DEFAULT.withOnsetDirect(OnsetDirect.OFF),
                    FastSettings.DEFAULT, DirectSettings.DEFAULT).run(s, Mode.FAST, ProgressListener.NONE);
            SimulationResult go = gated(p, BiasProbe.NONE).run(s, Mode.FAST, ProgressListener.NONE);
            List<String> gates = new ArrayList<>();
            BiasProbe traced = BiasProbe.NONE.withTrace(line -> {
                if (line.startsWith("GATE")) {
                    gates.add(line.replaceAll("GATE day +", "d").replaceAll("\\s+", " "));
                }
            });
            SimulationResult goTraced = gated(p, traced).run(s, Mode.FAST, ProgressListener.NONE);
            boolean same = Arrays.deepEquals(go.trajectory().values(), goTraced.trajectory().values());
            String line = String.format(Locale.ROOT, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s%n", head(r, p),
                    level(ref, shipped), level(ref, go), shipped.counters().get("derivativeEvaluations"),
                    go.counters().get("derivativeEvaluations"), shipped.counters().get("orbits"),
                    go.counters().get("orbits"), shipped.fastPath(), same ? "traced-same" : "TRACED-DIFFERS",
                    String.join(" | ", gates));
            System.out.print("ONSETYEARS " + line);
            Files.writeString(out, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** Shipped fast mode with onsetgate's gate ({@code go7.5}), as {@code MineralKickRowsRunner#decade} builds it. */
    static EngineSimulator gated(ParameterCatalog p, BiasProbe base) {
        // (onsetadopt: the gate is fast mode's default, OnsetDirect.DEFAULT; this runner's "shipped" is OnsetDirect.OFF)
        return new EngineSimulator(p, FastSettings.DEFAULT.withOnsetDirect(OnsetDirect.DEFAULT).withProbe(base),
                FastSettings.DEFAULT, DirectSettings.DEFAULT);
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        main(new String[] {System.getProperty("vascalc.scratch.group", "run")});
    }

    /** {@code java -cp ... OnsetYearsRunner list|run}. */
    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("list")) {
            list();
        } else {
            measure();
        }
    }
}
