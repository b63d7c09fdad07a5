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
     * {@link BiasProbe#directOnsetGate}) and shows onsetcause's ungated {@code h-onset24h-first2d} ("h24f2") beside it.
     */
    static boolean judgesDirect() {
        return System.getProperty("vascalc.scratch.rule", "").equals("direct");
    }

    /** onsetcause's {@code h-onset24h-first2d}: every onset's first 24 h directly, every first interval at most 48 h. */
    static FastSettings ungatedDirect() {
        return FastSettings.DEFAULT.withOnsetHours(BiasProbe.DIRECT_ONSET_HOURS)
                .withProbe(BiasProbe.NONE.withFirstInterval(BiasProbe.DIRECT_FIRST_INTERVAL_HOURS));
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
        String only = System.getProperty("vascalc.scratch.only", "");
        return out.stream().filter(c -> only.isEmpty() || Arrays.asList(only.split(",")).contains(c.id())).toList();
    }

    static Trajectory fast(ParameterCatalog p, Scenario s, BiasProbe probe, boolean averaged) {
        return fast(p, s, FastSettings.DEFAULT.withProbe(probe), averaged);
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
                    probe.withGuardSpans(1));
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
        for (Case c : cases()) {
            Scenario s = c.scenario();
            Trajectory ref = refSim.run(s, Mode.REFERENCE, ProgressListener.NONE).trajectory();
            Trajectory shipped = fast(p, s, BiasProbe.NONE, c.averaged());
            Trajectory gb = dir ? fast(p, s, ungatedDirect(), c.averaged())
                    : fast(p, s, gateB(sp ? BiasProbe.BLOCK_MINERAL : BiasProbe.BLOCK_ALL), c.averaged());
            Trajectory gm = fast(p, s, dir ? BiasProbe.directOnsetGate(BiasProbe.DIRECT_GATE_THRESHOLD)
                    : sp ? spread() : gateB(BiasProbe.BLOCK_MINERAL), c.averaged());
            double[] t = ref.timesHours();
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
        }
        Files.writeString(Path.of((dir ? "target/onsetgate-rows" : sp ? "target/spreadkick-rows" : "target/mineralkick-rows")
                + (Boolean.getBoolean("vascalc.scratch.dailySteps") ? "-daily-steps.tsv" : ".tsv")), tsv);
    }

    /** Rule 1: the benchmark decade under the rule against shipped fast mode, row by row to the bit, and the counters. */
    static void decade() {
        ParameterCatalog p = ModelAssembly.defaultParameters();
        Scenario s = BiasMapRunner.benchmarkDecade();
        SimulationResult shipped = new EngineSimulator(p).run(s, Mode.FAST, ProgressListener.NONE);
        SimulationResult rule = new EngineSimulator(p, FastSettings.DEFAULT.withProbe(judgesDirect()
                ? BiasProbe.directOnsetGate(BiasProbe.DIRECT_GATE_THRESHOLD) : judgesSpread() ? spread()
                : gateB(BiasProbe.BLOCK_MINERAL)),
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
        } else {
            rows();
        }
    }
}
