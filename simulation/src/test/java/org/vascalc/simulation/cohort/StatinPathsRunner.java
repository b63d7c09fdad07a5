package org.vascalc.simulation.cohort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.Time;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * The statin arm's CT readout taken apart by path (docs/model/wall.md, "Statins and the CT score"): the
 * CRIC-like trial of docs/cohorts.md (seed 1, {@code -Dvascalc.scratch.n}, default 80, 5 years), arms none
 * and statin, under the catalog and under what-if catalogs that switch one statin path off at a time
 * ({@code -Dvascalc.scratch.override=name=value,...} adds a variant). Prints, per variant, the paired
 * relative differences of the Agatston, volume and mass scores' yearly gain, of plaque calcium (micro +
 * macro), macrocalcium, microcalcium, plaque volume, the mass-weighted macro density and the calcium index.
 * A runner, not a test: it prints and asserts nothing, and runs only with {@code -Dvascalc.scratch=true}.
 */
class StatinPathsRunner {

    static final String[] CORONARY = {"lm", "lad", "lcx", "rca"};

    record Read(double agatston, double volume, double mass, double intimal, double micro, double macro,
                double plaque, double density, double index) {
    }

    record Member(Read start, Read end) {
    }

    @Test
    void paths() {
        Assumptions.assumeTrue(Boolean.getBoolean("vascalc.scratch"));
        int n = Integer.getInteger("vascalc.scratch.n", 80);
        double years = Double.parseDouble(System.getProperty("vascalc.scratch.years", "5"));
        String population = System.getProperty("vascalc.scratch.cohort", "cric");
        ParameterCatalog base = ModelAssembly.defaultParameters();
        Map<String, Map<String, Double>> variants = new java.util.LinkedHashMap<>();
        variants.put("catalog", Map.of());
        variants.put("no densification boost", Map.of("statinDensificationBoost", 0.0));
        variants.put("no plaque regression", Map.of("statinPlaqueRegressionPerYear", 0.0));
        // (the non-HDL path cannot be switched off: statinLdlReduction's catalog range is 0.3-0.6, and
        // ParameterCatalog.with refuses values outside it; "before" is -Dvascalc.scratch.override=statinConversionBoost=0)
        String override = System.getProperty("vascalc.scratch.override", "");
        if (!override.isBlank()) {
            for (String v : override.split(";")) {
                Map<String, Double> o = new HashMap<>();
                for (String kv : v.split(",")) {
                    String[] parts = kv.split("=");
                    o.put(parts[0].trim(), Double.parseDouble(parts[1].trim()));
                }
                variants.put("what-if " + o, o);
            }
        }
        if (Boolean.getBoolean("vascalc.scratch.only")) {
            variants.keySet().removeIf(k -> !k.startsWith("what-if") && !k.equals("catalog"));
        }
        for (var e : variants.entrySet()) {
            ParameterCatalog cat = e.getValue().isEmpty() ? base : base.with(e.getValue());
            VirtualPopulation pop = new VirtualPopulation(1, cat);
            List<VirtualPerson> people = LongStream.range(0, n)
                    .mapToObj("mesa".equals(population) ? pop::mesa : pop::cric).toList();
            List<Member> none = run(cat, people, years, TrialArm.NONE);
            List<Member> statin = run(cat, people, years, TrialArm.STATIN);
            System.out.printf("%n== %s (%s, n %d, %.1f y) ==%n", e.getKey(), population, n, years);
            print(none, statin, years);
        }
    }

    private static List<Member> run(ParameterCatalog cat, List<VirtualPerson> people, double years, TrialArm arm) {
        List<String> outs = new ArrayList<>(List.of("cacAgatston", "cacVolume", "cacMass", "cacIntimalMass",
                "cacMicroMass", "calciumIndex"));
        for (String b : CORONARY) {
            outs.add("wall." + b + ".plaqueVolume");
            outs.add("wall." + b + ".macroCalcium");
            outs.add("wall." + b + ".macroDensity");
        }
        double days = years * Time.DAYS_PER_YEAR;
        return new CohortRunner(new EngineSimulatorFactory(), cat, 2).run(people, p -> {
            var s = FollowUp.scenario(p, years, arm);
            return new Scenario(s.name(), s.description(), s.patient(), s.conditions(), s.interventions(), days,
                    new Recording(outs, Time.days(days), Time.days(days), 0, 0));
        }, Mode.FAST, (p, r) -> new Member(read(r.trajectory(), 0), read(r.trajectory(), -1)), CohortProgress.NONE);
    }

    private static Read read(Trajectory t, int at) {
        java.util.function.ToDoubleFunction<String> v = id -> {
            double[] s = t.series(id);
            return at < 0 ? s[s.length - 1] : s[at];
        };
        double plaque = 0;
        double macro = 0;
        double rhoMass = 0;
        for (String b : CORONARY) {
            plaque += v.applyAsDouble("wall." + b + ".plaqueVolume");
            double m = v.applyAsDouble("wall." + b + ".macroCalcium");
            macro += m;
            rhoMass += m * v.applyAsDouble("wall." + b + ".macroDensity");
        }
        return new Read(v.applyAsDouble("cacAgatston"), v.applyAsDouble("cacVolume"), v.applyAsDouble("cacMass"),
                v.applyAsDouble("cacIntimalMass"), v.applyAsDouble("cacMicroMass"), macro, plaque,
                macro > 0 ? rhoMass / macro : 0, v.applyAsDouble("calciumIndex"));
    }

    private static void print(List<Member> none, List<Member> statin, double years) {
        row("Agatston gain, AU/y", none, statin, r -> r.agatston, years, true);
        row("volume score gain, mm3/y", none, statin, r -> r.volume, years, true);
        row("mass score gain, mg/y", none, statin, r -> r.mass, years, true);
        row("plaque calcium (micro+macro) gain, mg/y", none, statin, r -> r.intimal, years, true);
        row("macrocalcium gain, mg/y", none, statin, r -> r.macro, years, true);
        row("microcalcium gain, mg/y", none, statin, r -> r.micro, years, true);
        row("plaque volume gain, mm3/y", none, statin, r -> r.plaque, years, true);
        row("plaque volume at end, mm3", none, statin, r -> r.plaque, years, false);
        row("macro density at end, mg/cm3", none, statin, r -> r.density, years, false);
        row("calcium index change", none, statin, r -> r.index * years, years, true);
        // the Agatston gain among members with calcium at baseline (as SALTIRE: all had CAC) in % per year
        double ln = 0;
        double ls = 0;
        int k = 0;
        for (int i = 0; i < none.size(); i++) {
            Member a = none.get(i);
            Member b = statin.get(i);
            if (a.start.agatston > 10 && b.end.agatston > 0 && a.end.agatston > 0) {
                ln += Math.log(a.end.agatston / a.start.agatston) / years;
                ls += Math.log(b.end.agatston / b.start.agatston) / years;
                k++;
            }
        }
        System.out.printf("  members with CAC > 10 AU at baseline: %d; log-rate none %.4f/y, statin %.4f/y, "
                + "geometric mean ratio %+.2f %%/y%n", k, ln / k, ls / k, 100 * (Math.exp((ls - ln) / k) - 1));
    }

    private static void row(String name, List<Member> none, List<Member> statin,
                            java.util.function.ToDoubleFunction<Read> x, double years, boolean change) {
        double sn = 0;
        double ss = 0;
        for (int i = 0; i < none.size(); i++) {
            Member a = none.get(i);
            Member b = statin.get(i);
            sn += change ? (x.applyAsDouble(a.end) - x.applyAsDouble(a.start)) / years : x.applyAsDouble(a.end);
            ss += change ? (x.applyAsDouble(b.end) - x.applyAsDouble(b.start)) / years : x.applyAsDouble(b.end);
        }
        sn /= none.size();
        ss /= none.size();
        System.out.printf("  %-42s none %10.4g  statin %10.4g  %+7.1f %%%n", name, sn, ss, 100 * (ss / sn - 1));
    }
}
