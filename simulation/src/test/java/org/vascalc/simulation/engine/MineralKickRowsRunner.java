package org.vascalc.simulation.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.scenario.ScenarioFiles;

/**
 * Developer aid, on request only ({@code -Dvascalc.scratch=true}, or {@code main}; mineralkick, sixty-third session,
 * docs/performance-log.md): the daily rows of days 0–30 after a regimen onset in reference mode, shipped fast mode and
 * fast mode with layercost's gate B on the mineral block's kick only ({@link BiasProbe#BLOCK_MINERAL}, "gm7.5"), and
 * for comparison gate B on today's whole kick ("gb7.5", the rule kickgate found wrong after a warfarin stop). Rule 5
 * of the brief: on every day the rule's relative difference from reference mode may exceed the shipped run's by at
 * most 0.005 (absolute 0.01 for a fraction: the carboxylated MGP, the wall's osteogenic fractions). Outputs: every
 * SLOW state and the BMD ({@link FastVersusReferenceTest#slowChannels}, {@code FastVersusReferenceIT}'s), plus
 * dp-ucMGP. Also rule 1: the benchmark decade's rows under the rule against shipped fast mode's, to the bit.
 * Writes {@code target/mineralkick-rows.tsv} (case, day, output, reference, shipped, gb7.5, gm7.5).
 *
 * <p>onsetrows (sixty-fourth session): {@code -Dvascalc.scratch.cases=new} runs the lead's ten new onsets ({@link
 * #newCases}, day 120 of a one-year run) instead of (a)-(h), {@code all} both; {@code line} prints each new case's
 * place against {@link DirectClass}'s line. Every case also gets rule 5' (the lead's, fixed before any run): per
 * output the worst difference over days 1-30 after the onset, the rule's at most shipped's plus 0.005 (0.01
 * absolute for a fraction) ({@code RULE5'} and {@code WINDOW} lines, {@code target/onsetrows-window-SET.tsv}), the
 * old rule 5's days over, and with the direct rule the gate's decisions ({@code DECISION} lines: the kick's size).
 */
class MineralKickRowsRunner {

    static final double RELATIVE_ALLOWANCE = 0.005;
    static final double FRACTION_ALLOWANCE = 0.01;

    /** A case: its scenario (daily rows), its onset's day, whether fast mode is forced to average. */
    record Case(String id, Scenario scenario, double onsetDay, boolean averaged) {
    }

    static BiasProbe gateB(int block) {
        return BiasProbe.NONE.withInitialLayer(BiasProbe.LAYER_AT_MEAN).withFirstMeasure(14 * 24)
                .withGate(BiasProbe.GATE_KICK_BOTH, 7.5).withLayerBlock(block);
    }

    /** spreadkick (sixty-third session): {@code gm7.5} with the kick spread over the layer's time course ("gs7.5"). */
    static BiasProbe spread() {
        return gateB(BiasProbe.BLOCK_MINERAL).withLayerSpread(BiasProbe.SPREAD_OVER_LAYER);
    }

    /** The variant the rule judges: {@code -Dvascalc.scratch.rule=spread} (spreadkick) or gm7.5 (mineralkick, the default). */
    static boolean judgesSpread() {
        return System.getProperty("vascalc.scratch.rule", "").equals("spread");
    }

    /**
     * onsetgate (sixty-third session): {@code -Dvascalc.scratch.rule=direct} judges the gated direct onset ("go7.5",
     * {@link OnsetDirect}) and shows onsetcause's ungated {@code h-onset24h-first2d} ("h24f2") beside it.
     */
    static boolean judgesDirect() {
        return System.getProperty("vascalc.scratch.rule", "").equals("direct");
    }

    /** onsetcause's {@code h-onset24h-first2d}: every onset's first 24 h directly, every first interval at most 48 h. */
    static FastSettings ungatedDirect() {
        return FastSettings.DEFAULT.withOnsetHours(OnsetDirect.DIRECT_HOURS)
                .withProbe(BiasProbe.NONE.withFirstInterval(OnsetDirect.FIRST_INTERVAL_HOURS));
    }

    static List<String> outputs() {
        List<String> ids = new ArrayList<>(FastVersusReferenceTest.slowChannels());
        ids.add("dpUcMgp");
        return ids;
    }

    static boolean fraction(String id) {
        return id.endsWith("Fraction");
    }

    static Scenario daily(Scenario s, String name, List<Intervention> ivs, double days) {
        return new Scenario(name, "", s.patient(), s.conditions(), ivs, days, new Recording(outputs(), 24, 24, 0, 0));
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        Scenario man = ScenarioFiles.load(Path.of("../examples/scenarios/wall/warfarin-then-mk7.yaml"))
                .scenarioWithoutParameters("mineralkick");
        List<Double> at8 = List.of(8.0);
        List<Double> at18 = List.of(18.0);
        List<Integer> every = Schedule.EVERY_DAY;
        var mk7 = Intervention.VitaminKForm.MK7;
        // (a) the stories' man: warfarin 5 mg at 18 h stopped and MK-7 1 000 µg at 8 h started on day 60
        out.add(new Case("a-warfarin-stop-mk7", daily(man, "a", List.of(
                new Intervention.Warfarin(5, new Schedule(0, 60, at18, every)),
                new Intervention.VitaminK(mk7, 1000, new Schedule(60, Double.POSITIVE_INFINITY, at8, every))), 91),
                60, false));
        // (b) the same man starting warfarin 5 mg on day 30 (after 30 days of the usual diet)
        out.add(new Case("b-warfarin-start", daily(man, "b", List.of(
                new Intervention.Warfarin(5, new Schedule(30, Double.POSITIVE_INFINITY, at18, every))), 61), 30, false));
        Scenario adult = new Scenario("adult", "", Patient.referenceAdult(), List.of(), List.of(), 1,
                new Recording(outputs(), 24, 24, 0, 0));
        // (c) 1 000 µg MK-7, (d) 1 000 µg K1 at 8 h from day 0
        out.add(new Case("c-mk7-1000-start", daily(adult, "c", List.of(
                new Intervention.VitaminK(mk7, 1000, Schedule.daily(8))), 45), 0, false));
        out.add(new Case("d-k1-1000-start", daily(adult, "d", List.of(
                new Intervention.VitaminK(Intervention.VitaminKForm.K1, 1000, Schedule.daily(8))), 45), 0, false));
        // (e) 180 µg MK-7 on days 0-30, stopped on day 30 (VitaminKOnsetRunner's "stop")
        out.add(new Case("e-mk7-stop", daily(adult, "e", List.of(
                new Intervention.VitaminK(mk7, 180, new Schedule(0, 30, at8, every))), 61), 30, false));
        // (f) the benchmark regimen from day 0
        Scenario bench = BiasMapRunner.benchmarkDecade();
        out.add(new Case("f-benchmark-onset", daily(bench, "f", bench.interventions(), 45), 0, false));
        // (g) the worst 3 of the 7 misses (shipped levels 1.35, 1.31, 1.17 %), their regimens from day 0
        Map<String, LineCvRunner.Year> byKey = BiasMapRunner.yearsByKey();
        for (String key : List.of("egfr25-food1500-carb325x2", "labs55-abind1334", "egfr15-k1x1000-citrate325x2")) {
            Scenario s = byKey.get(key).scenario();
            out.add(new Case("g-" + key, daily(s, key, s.interventions(), 45), 0, false));
        }
        // (h) calcium acetate 1 334 mg on haemodialysis (with labs), averaged (shipped fast mode integrates it directly)
        Scenario hd = byKey.get("hd-labs-abind1334").scenario();
        out.add(new Case("h-hd-labs-abind1334-averaged", daily(hd, "h", hd.interventions(), 45), 0, true));
        String set = System.getProperty("vascalc.scratch.cases", "old");
        if (set.equals("new")) {
            out.clear();
        }
        if (set.equals("new") || set.equals("all")) {
            out.addAll(newCases());
        }
        String only = System.getProperty("vascalc.scratch.only", "");
        return out.stream().filter(c -> only.isEmpty() || Arrays.asList(only.split(",")).contains(c.id())).toList();
    }

    /** onsetrows (sixty-fourth session): the day of the ten new onsets, in a one-year run. */
    static final double NEW_ONSET_DAY = 120;

    /** A schedule from {@code startDay} to {@code stopDay} every day at {@code hours}. */
    private static Schedule days(double startDay, double stopDay, double... hours) {
        List<Double> h = new ArrayList<>();
        for (double x : hours) {
            h.add(x);
        }
        return new Schedule(startDay, stopDay, h, Schedule.EVERY_DAY);
    }

    /** A schedule from {@link #NEW_ONSET_DAY} on, every day at {@code hours}. */
    private static Schedule onset(double... hours) {
        return days(NEW_ONSET_DAY, Double.POSITIVE_INFINITY, hours);
    }

    private static Intervention supplement(double elementalMg, Intervention.CalciumSalt salt, boolean withFood,
                                           Schedule schedule) {
        return new Intervention.CalciumSupplement(elementalMg, salt, withFood, schedule);
    }

    private static Case newCase(String id, Patient patient, List<org.vascalc.core.condition.Condition> conditions,
                                Intervention... ivs) {
        return new Case(id, new Scenario(id, "", patient, conditions, List.of(ivs), 365,
                new Recording(outputs(), 24, 24, 0, 0)), NEW_ONSET_DAY, false);
    }

    /**
     * onsetrows (sixty-fourth session): the lead's ten new onsets (n1)-(n10), fixed before any run of rule 5', each on
     * day {@link #NEW_ONSET_DAY} of a one-year run after 120 days on the regimen before it, all outside {@link
     * DirectClass}'s line (fast mode averages them). A calcium dose is elemental calcium ({@code CalciumSupplement},
     * as the held-out grids); "twice daily" is 08:00 and 20:00 (the grids'), the dialysis meals the haemodialysis
     * example's binder hours 07:00, 12:00, 19:00.
     */
    static List<Case> newCases() throws IOException {
        var carbonate = Intervention.CalciumSalt.CARBONATE;
        var citrate = Intervention.CalciumSalt.CITRATE;
        Patient ref = Patient.referenceAdult();
        double inf = Double.POSITIVE_INFINITY;
        Scenario hdExample = ScenarioFiles.load(Path.of("../examples/scenarios/haemodialysis.yaml"))
                .scenarioWithoutParameters("onsetrows");
        var sevelamerMeals = new Intervention.PhosphateBinder(Intervention.PhosphateBinderKind.SEVELAMER, 800,
                days(0, inf, 7, 12, 19));
        List<Case> out = new ArrayList<>();
        // (n1) eGFR 40 (no labs): 600 mg carbonate twice daily with meals started
        out.add(newCase("n1-egfr40-carb600x2-start", ref, HeldOutGrid.constantEgfr(40),
                supplement(600, carbonate, true, onset(8, 20))));
        // (n2) labs at eGFR 45 (serum calcium 2.30 mmol/L, phosphate 1.20 mmol/L, PTH 95 pg/mL: CKD 3a, PTH mildly
        // high): 1 000 mg citrate once daily without food (10:00, between breakfast and lunch) started
        Patient labs45 = ref.withId("labs-egfr45").withEgfrMlPerMin(45).withLabs(java.util.OptionalDouble.of(2.30),
                java.util.OptionalDouble.of(1.20), java.util.OptionalDouble.of(95));
        out.add(newCase("n2-labs45-citrate1000-start", labs45, List.of(),
                supplement(1000, citrate, false, onset(10))));
        // (n3) eGFR 20: 300 mg carbonate twice daily with meals started (600 a day, under the line's 700)
        out.add(newCase("n3-egfr20-carb300x2-start", ref, HeldOutGrid.constantEgfr(20),
                supplement(300, carbonate, true, onset(8, 20))));
        // (n4) the haemodialysis example's patient and dialysis: sevelamer 800 mg with three meals started
        out.add(newCase("n4-hd-sevelamer800x3-start", hdExample.patient(), hdExample.conditions(),
                new Intervention.PhosphateBinder(Intervention.PhosphateBinderKind.SEVELAMER, 800, onset(7, 12, 19))));
        // (n5) eGFR 60: 600 mg carbonate twice daily with meals (1 200 a day) from day 0, stopped on day 120
        out.add(newCase("n5-egfr60-carb600x2-stop", ref, HeldOutGrid.constantEgfr(60),
                supplement(600, carbonate, true, days(0, NEW_ONSET_DAY, 8, 20))));
        // (n6) eGFR 50: food phosphorus 1 000 -> 1 700 mg a day on day 120, both as three meals (08:00, 13:00,
        // 19:00; a dietaryPhosphate replaces the habitual continuous phosphorus over its days, so only the amount
        // changes at the onset)
        out.add(newCase("n6-egfr50-phos1000to1700", ref, HeldOutGrid.constantEgfr(50),
                new Intervention.DietaryPhosphate(1000.0 / 3, days(0, NEW_ONSET_DAY, 8, 13, 19)),
                new Intervention.DietaryPhosphate(1700.0 / 3, onset(8, 13, 19))));
        // (n7) eGFR 70 on 600 mg carbonate twice daily with meals throughout: warfarin 5 mg at 18:00 started
        out.add(newCase("n7-egfr70-carb600x2-warfarin-start", ref, HeldOutGrid.constantEgfr(70),
                supplement(600, carbonate, true, days(0, inf, 8, 20)),
                new Intervention.Warfarin(5, onset(18))));
        // (n8) eGFR 32: 700 mg carbonate twice daily with meals started (1 400 a day, under 1 500)
        out.add(newCase("n8-egfr32-carb700x2-start", ref, HeldOutGrid.constantEgfr(32),
                supplement(700, carbonate, true, onset(8, 20))));
        // (n9) eGFR 90, the reference adult (a woman of 60): 1 000 mg carbonate once daily at bedtime (22:00)
        // without food started
        out.add(newCase("n9-egfr90-woman-carb1000-bedtime-start", ref, HeldOutGrid.constantEgfr(90),
                supplement(1000, carbonate, false, onset(22))));
        // (n10) the haemodialysis example's patient on sevelamer 800 mg with three meals throughout: 360 ug MK-7 at
        // 08:00 started
        out.add(newCase("n10-hd-sevelamer-mk7x360-start", hdExample.patient(), hdExample.conditions(),
                sevelamerMeals, new Intervention.VitaminK(Intervention.VitaminKForm.MK7, 360, onset(8))));
        return out;
    }

    /** onsetrows: each new case's place against {@link DirectClass}'s line (all must be outside). */
    static void line() throws IOException {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        for (Case c : newCases()) {
            System.out.println("LINE " + c.id() + " inClass " + DirectClass.inClass(c.scenario(), p) + " directFrom "
                    + DirectClass.directFrom(c.scenario(), p));
        }
    }

    /** Fast mode before onsetadopt ({@link OnsetDirect#OFF}: "shipped" in this runner's rules) with {@code probe}. */
    static Trajectory fast(ParameterCatalog p, Scenario s, BiasProbe probe, boolean averaged) {
        return fast(p, s, FastSettings.DEFAULT.withOnsetDirect(OnsetDirect.OFF).withProbe(probe), averaged);
    }

    /** onsetgate's {@code go7.5}: fast mode's default since onsetadopt ({@link OnsetDirect#DEFAULT}), traced to {@code trace}. */
    static FastSettings gatedDirect(java.util.function.Consumer<String> trace) {
        return FastSettings.DEFAULT.withOnsetDirect(OnsetDirect.DEFAULT).withProbe(BiasProbe.NONE.withTrace(trace));
    }

    static Trajectory fast(ParameterCatalog p, Scenario s, FastSettings settings, boolean averaged) {
        BiasProbe probe = settings.probe();
        FastSettings f = settings;
        if (Boolean.getBoolean("vascalc.scratch.dailySteps")) {
            // spreadkick's diagnostic (not a rule): every fast run's SLOW steps at most a day (maxStepPeriods 1,
            // guard spans 1), so that a course's increments reach the SLOW path daily
            FastSettings d = FastSettings.DEFAULT;
            f = new FastSettings(1, d.samples(), d.maxOrbitPeriods(), d.orbitTolerance(), d.driftTolerance(),
                    d.maxOrbitAgeHours(), d.integrationRelativeTolerance(), d.fluxTolerance(), d.stageQuadrature(),
                    d.exactLinearPart(), d.frozenMilieu(), d.quadratureSamples(), d.affineOwnStep(),
                    d.closedFormVitaminK(), d.reuseRules(), d.onsetHours(), d.vitaminKUptake(), d.onsetRows(),
                    settings.onsetDirect(), probe.withGuardSpans(1));
        }
        SimulationResult r = new EngineSimulator(p, f, FastSettings.DEFAULT,
                averaged ? DirectSettings.AVERAGED : DirectSettings.DEFAULT).run(s, Mode.FAST, ProgressListener.NONE);
        return r.trajectory();
    }

    /** The difference the rule judges: relative to the reference (floor 1e-6, as the IT), absolute for a fraction. */
    static double error(String id, double ref, double v) {
        return fraction(id) ? Math.abs(v - ref) : Math.abs(v - ref) / Math.max(Math.abs(ref), 1e-6);
    }

    static void rows() throws IOException {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        EngineSimulator refSim = new EngineSimulator(p);
        // spreadkick: with the spread rule judged, the columns are reference, shipped, gm7.5 (at once), gs7.5 (spread)
        boolean sp = judgesSpread();
        // onsetgate: with the direct rule judged, the columns are reference, shipped, h24f2 (ungated), go7.5 (the rule)
        boolean dir = judgesDirect();
        String[] col = dir ? new String[] {"h24f2", "go7.5"} : sp ? new String[] {"gm7.5", "gs7.5"}
                : new String[] {"gb7.5", "gm7.5"};
        StringBuilder tsv = new StringBuilder("case\tday\toutput\treference\tshipped\t" + col[0] + "\t" + col[1] + "\n");
        // onsetrows: rule 5''s window maxima (days 1-30 after the onset), per case and output
        StringBuilder window5p = new StringBuilder("case\toutput\tshipped\t" + col[0] + "\t" + col[1]
                + "\texcess_over_allowance\n");
        for (Case c : cases()) {
            Scenario s = c.scenario();
            Trajectory ref = refSim.run(s, Mode.REFERENCE, ProgressListener.NONE).trajectory();
            Trajectory shipped = fast(p, s, BiasProbe.NONE, c.averaged());
            Trajectory gb = dir ? fast(p, s, ungatedDirect(), c.averaged())
                    : fast(p, s, gateB(sp ? BiasProbe.BLOCK_MINERAL : BiasProbe.BLOCK_ALL), c.averaged());
            Trajectory gm = dir ? fast(p, s, gatedDirect(null), c.averaged())
                    : fast(p, s, sp ? spread() : gateB(BiasProbe.BLOCK_MINERAL), c.averaged());
            if (dir) {
                // onsetrows: the gate's decisions (a traced run of the rule; the trace changes no arithmetic)
                fast(p, s, gatedDirect(line -> {
                    if (line.startsWith("GATE")) {
                        System.out.println("DECISION " + c.id() + " " + line);
                    }
                }), c.averaged());
            }
            double[] t = ref.timesHours();
            // onsetrows: rule 5' (the lead's): per output, the worst |difference| over days 1-30 after the onset
            Map<String, double[]> window = new java.util.LinkedHashMap<>();
            int daysOver = 0;
            double worstGm = Double.NEGATIVE_INFINITY;
            double worstGb = Double.NEGATIVE_INFINITY;
            String worstAt = "-";
            System.out.println("ROWS " + c.id() + String.format(Locale.ROOT, " day  worst-output(%2$s excess/allowance)"
                    + "  ref shipped %1$s %2$s | cMGP ref shipped %1$s %2$s | dpUcMgp ref shipped %2$s"
                    + " | tissueVk ref shipped %2$s", col[0], col[1]));
            for (int i = 0; i < t.length; i++) {
                double day = t[i] / 24;
                if (day < c.onsetDay() - 1e-9 || day > c.onsetDay() + 30 + 1e-9) {
                    continue;
                }
                String dayWorst = "-";
                double dayRatio = Double.NEGATIVE_INFINITY;
                double[] at = null;
                for (var ch : ref.channels()) {
                    String id = ch.id();
                    double r = ref.series(id)[i];
                    double sh = shipped.series(id)[i];
                    double b = gb.series(id)[i];
                    double m = gm.series(id)[i];
                    tsv.append(String.format(Locale.ROOT, "%s\t%.0f\t%s\t%.9g\t%.9g\t%.9g\t%.9g%n", c.id(), day, id,
                            r, sh, b, m));
                    double allowance = fraction(id) ? FRACTION_ALLOWANCE : RELATIVE_ALLOWANCE;
                    double exM = (error(id, r, m) - error(id, r, sh)) / allowance;
                    double exB = (error(id, r, b) - error(id, r, sh)) / allowance;
                    worstGb = Math.max(worstGb, exB);
                    if (day >= c.onsetDay() + 1 - 1e-9) {
                        double[] w = window.computeIfAbsent(id, k -> new double[4]);
                        w[0] = Math.max(w[0], error(id, r, sh));
                        w[1] = Math.max(w[1], error(id, r, m));
                        w[2] = Math.max(w[2], error(id, r, b));
                    }
                    if (exM > dayRatio) {
                        dayRatio = exM;
                        dayWorst = id;
                        at = new double[] {r, sh, b, m};
                    }
                    if (exM > worstGm) {
                        worstGm = exM;
                        worstAt = id + " day " + Math.round(day);
                    }
                }
                if (dayRatio > 1) {
                    daysOver++;
                }
                System.out.printf(Locale.ROOT, "ROWS %s %4.0f %-26s %+.3f  %.6g %.6g %.6g %.6g | %.4f %.4f %.4f %.4f"
                                + " | %.1f %.1f %.1f | %.5g %.5g %.5g%n", c.id(), day, dayWorst, dayRatio, at[0], at[1],
                        at[2], at[3], ref.series("vitk.cMgpFraction")[i], shipped.series("vitk.cMgpFraction")[i],
                        gb.series("vitk.cMgpFraction")[i], gm.series("vitk.cMgpFraction")[i],
                        ref.series("dpUcMgp")[i], shipped.series("dpUcMgp")[i], gm.series("dpUcMgp")[i],
                        ref.series("vitk.tissueVk")[i], shipped.series("vitk.tissueVk")[i],
                        gm.series("vitk.tissueVk")[i]);
            }
            System.out.printf(Locale.ROOT, "RULE5 %s " + (dir ? "go7.5 (gated direct onset)" : sp ? "gs7.5 (spread)" : "gm7.5")
                    + " worst excess/allowance %+.3f (%s) %s; " + (dir ? "h24f2 (ungated)" : sp ? "gm7.5 (at once)" : "gb7.5")
                    + " %+.3f%n", c.id(),
                    worstGm, worstAt, worstGm <= 1 ? "HOLDS" : "FAILS", worstGb);
            System.out.printf(Locale.ROOT, "RULE5 %s days over (days 0-30): %d%n", c.id(), daysOver);
            double worstP = Double.NEGATIVE_INFINITY;
            String worstPAt = "-";
            for (var e : window.entrySet()) {
                String id = e.getKey();
                double[] w = e.getValue();
                double allowance = fraction(id) ? FRACTION_ALLOWANCE : RELATIVE_ALLOWANCE;
                double ex = (w[1] - w[0]) / allowance;
                if (ex > worstP) {
                    worstP = ex;
                    worstPAt = id;
                }
                window5p.append(String.format(Locale.ROOT, "%s\t%s\t%.6g\t%.6g\t%.6g\t%+.3f%n", c.id(), id, w[0],
                        w[2], w[1], ex));
                System.out.printf(Locale.ROOT, "WINDOW %s %-26s shipped %.4f%% %s %.4f%% %s %.4f%% excess %+.3f%n",
                        c.id(), id, 100 * w[0], col[0], 100 * w[2], col[1], 100 * w[1], ex);
            }
            System.out.printf(Locale.ROOT, "RULE5' %s %s worst excess/allowance %+.3f (%s) %s%n", c.id(), col[1],
                    worstP, worstPAt, worstP <= 1 ? "HOLDS" : "FAILS");
        }
        String set = System.getProperty("vascalc.scratch.cases", "old");
        Files.writeString(Path.of("target/onsetrows-window-" + set + ".tsv"), window5p);
        Files.writeString(Path.of((dir ? "target/onsetgate-rows" + (set.equals("old") ? "" : "-" + set) : sp ? "target/spreadkick-rows" : "target/mineralkick-rows")
                + (Boolean.getBoolean("vascalc.scratch.dailySteps") ? "-daily-steps.tsv" : ".tsv")), tsv);
    }

    /** Rule 1: the benchmark decade under the rule against shipped fast mode, row by row to the bit, and the counters. */
    static void decade() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        Scenario s = BiasMapRunner.benchmarkDecade();
        SimulationResult shipped = new EngineSimulator(p, FastSettings.DEFAULT.withOnsetDirect(OnsetDirect.OFF),
                FastSettings.DEFAULT, DirectSettings.DEFAULT).run(s, Mode.FAST, ProgressListener.NONE);
        SimulationResult rule = new EngineSimulator(p, judgesDirect() ? gatedDirect(null) : FastSettings.DEFAULT
                .withProbe(judgesSpread() ? spread() : gateB(BiasProbe.BLOCK_MINERAL)),
                FastSettings.DEFAULT, DirectSettings.DEFAULT).run(s, Mode.FAST, ProgressListener.NONE);
        boolean same = Arrays.deepEquals(shipped.trajectory().values(), rule.trajectory().values());
        System.out.println("DECADE shipped " + shipped.counters());
        System.out.println("DECADE " + (judgesDirect() ? "go7.5" : judgesSpread() ? "gs7.5" : "gm7.5") + "   "
                + rule.counters());
        System.out.println("DECADE rows identical to shipped: " + same + " (" + shipped.trajectory().size() + " rows)");
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.scratch", matches = "true")
    void print() throws IOException {
        main(new String[] {System.getProperty("vascalc.scratch.group", "rows")});
    }

    /** {@code java -cp ... MineralKickRowsRunner rows|decade}. */
    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("decade")) {
            decade();
        } else if (args.length > 0 && args[0].equals("line")) {
            line();
        } else {
            rows();
        }
    }
}
