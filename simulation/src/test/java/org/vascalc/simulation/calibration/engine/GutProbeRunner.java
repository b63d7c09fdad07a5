package org.vascalc.simulation.calibration.engine;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.simulation.engine.EngineSimulator;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * Prints the single-dose engine rows (E06-E13) for the catalog with optional overrides
 * ({@code -Dvascalc.probe=name=value,name=value}; rows from {@code -Dvascalc.probe.rows=E09,E14}); a tool for looking at the gut model, run on
 * request only ({@code -Dvascalc.probe=}).
 */
class GutProbeRunner {

    @Test
    @EnabledIfSystemProperty(named = "vascalc.probe", matches = ".*")
    void probe() {
        Map<String, Double> over = new LinkedHashMap<>();
        for (String kv : System.getProperty("vascalc.probe").split(",")) {
            if (kv.contains("=")) {
                String[] a = kv.split("=");
                over.put(a[0].trim(), Double.parseDouble(a[1]));
            }
        }
        ParameterCatalog c = ModelAssembly.defaultParameters().with(over);
        EngineSimulator sim = new EngineSimulator(c);
        if (Boolean.getBoolean("vascalc.probe.wall")) {
            for (String n : new String[] {"ckd-stage4", "normal-kidneys"}) {
                var sc = org.vascalc.simulation.scenario.ScenarioFiles.load(org.vascalc.simulation.scenario.ProjectFiles
                        .require("examples/scenarios/wall/" + n + ".yaml")).scenario();
                var rec = new org.vascalc.simulation.Recording(java.util.List.of("serumCalciumTotal", "serumPhosphate",
                        "pthPgMl", "cacMedialMass", "wall.aorta.medialMineral", "calcitriol"), 730.5, 730.5, 0, 0);
                var s2 = new org.vascalc.simulation.Scenario(sc.name(), "", sc.patient(), sc.conditions(), sc.interventions(),
                        sc.durationDays(), rec);
                var tr = sim.run(s2, org.vascalc.simulation.Mode.FAST, org.vascalc.simulation.ProgressListener.NONE).trajectory();
                for (String id : rec.outputs()) {
                    double[] v = tr.series(id);
                    System.out.printf(Locale.ROOT, "WALL %s %s first %.5g last %.5g%n", n, id, v[0], v[v.length - 1]);
                }
            }
        }
        if (Boolean.getBoolean("vascalc.probe.trace")) {
            trace(sim);
        }
        if (Boolean.getBoolean("vascalc.probe.doses")) {
            doseResponse(sim);
        }
        if (System.getProperty("vascalc.probe.ckd") != null) {
            lowCalcitriolAbsorption(sim, Double.parseDouble(System.getProperty("vascalc.probe.ckd")));
        }
        for (String id : System.getProperty("vascalc.probe.rows", "E06,E07,E08,E09,E10,E11,E12,E13").split(",")) {
            System.out.printf(Locale.ROOT, "PROBE %s %s = %.5g%n", over, id, EngineChecks.byId(id).modelValue(sim));
        }
    }

    /**
     * The Armas 2013 test (300 mg carbonate with a meal, 45Ca absorption) in a woman without labs at the
     * given eGFR, whose calcitriol has fallen in stabilisation, against the same woman at eGFR 90: how
     * much the model still absorbs where calcitriol is low (the data: 12 % at 36 pmol/L).
     */
    private static void lowCalcitriolAbsorption(EngineSimulator sim, double egfr) {
        var dose = new org.vascalc.core.intervention.Intervention.CalciumSupplement(300,
                org.vascalc.core.intervention.Intervention.CalciumSalt.CARBONATE, true, Runs.once());
        for (double e : new double[] {90, egfr}) {
            var p = new org.vascalc.core.patient.Patient("probe-egfr-" + (int) e, 60, org.vascalc.core.patient.Sex.FEMALE,
                    70, 162, e, java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty(),
                    java.util.OptionalDouble.empty(), org.vascalc.core.patient.RiskFactors.typical());
            var none = Runs.run(sim, p, 1, new org.vascalc.simulation.Recording(java.util.List.of("calcitriol"),
                    Runs.FINE, Runs.FINE, 0, 0), java.util.List.of());
            System.out.printf(Locale.ROOT, "CKDPROBE eGFR %.0f calcitriol %.1f pmol/L: 300 mg carbonate with a meal, fraction absorbed over 24 h %.3f%n",
                    e, Runs.at(none, "calcitriol", Runs.DOSE_HOUR), Runs.excessAbsorbedMg(sim, p, dose, 24) / 300);
        }
    }

    /**
     * Fasting citrate doses (the E12 scenario, woman of 50): extra calcium absorbed over 24 h, peak
     * rise of total and ionised serum calcium, and the largest amount in the first small-intestinal
     * compartment (to set against a luminal volume: the transporter's Km is a concentration).
     */
    private static void doseResponse(EngineSimulator sim) {
        var p = Runs.woman(50);
        var ids = java.util.List.of("serumCalciumTotal", "serumCalciumIonised", "mineral.caAbsorbedCum", "mineral.caGut",
                "mineral.caGut2");
        var rec = new org.vascalc.simulation.Recording(ids, Runs.FINE, Runs.FINE, 0, 0);
        var none = Runs.run(sim, p, 2, rec, java.util.List.of(
                new org.vascalc.core.intervention.Intervention.DietaryCalcium(0, Runs.once())));
        double absorbedNone = Runs.at(none, "mineral.caAbsorbedCum", Runs.DOSE_HOUR + 24)
                - Runs.at(none, "mineral.caAbsorbedCum", Runs.DOSE_HOUR);
        for (double mg : new double[] {125, 250, 500, 750, 1000, 1500, 2000, 3000}) {
            var tr = Runs.run(sim, p, 2, rec, java.util.List.of(
                    new org.vascalc.core.intervention.Intervention.CalciumSupplement(mg,
                            org.vascalc.core.intervention.Intervention.CalciumSalt.CITRATE, false, Runs.once()),
                    new org.vascalc.core.intervention.Intervention.DietaryCalcium(0, Runs.once())));
            double absorbed = Runs.at(tr, "mineral.caAbsorbedCum", Runs.DOSE_HOUR + 24)
                    - Runs.at(tr, "mineral.caAbsorbedCum", Runs.DOSE_HOUR) - absorbedNone;
            double[] t = tr.timesHours();
            double[] g1 = tr.series("mineral.caGut");
            double[] g2 = tr.series("mineral.caGut2");
            double peak1 = 0, peak2 = 0;
            for (int i = 0; i < t.length; i++) {
                if (t[i] >= Runs.DOSE_HOUR && t[i] <= Runs.DOSE_HOUR + 24) {
                    peak1 = Math.max(peak1, g1[i]);
                    peak2 = Math.max(peak2, g2[i]);
                }
            }
            System.out.printf(Locale.ROOT,
                    "DOSE %5.0f mg: absorbed %.1f mg (%.3f), peak total %.4f, ionised %.4f mmol/L, lumen peak c1 %.3f c2 %.3f mmol%n",
                    mg, org.vascalc.core.units.MolarMass.CALCIUM.mmolToMg(absorbed),
                    org.vascalc.core.units.MolarMass.CALCIUM.mmolToMg(absorbed) / mg,
                    Runs.peakRise(tr, "serumCalciumTotal"), Runs.peakRise(tr, "serumCalciumIonised"), peak1, peak2);
        }
    }

    /** Hourly course after 1 g citrate fasting (E09/E10 scenario) and after 500 mg in a meal (E13). */
    private static void trace(EngineSimulator sim) {
        var p = Runs.woman(71);
        var tablet = Runs.fine(sim, p, java.util.List.of(new org.vascalc.core.intervention.Intervention.CalciumSupplement(
                1000, org.vascalc.core.intervention.Intervention.CalciumSalt.CITRATE, false, Runs.once())));
        var none = Runs.fine(sim, p, java.util.List.of());
        var meal = Runs.fine(sim, p, java.util.List.of(new org.vascalc.core.intervention.Intervention.DietaryCalcium(
                500, Runs.once())));
        // Calciuric response (the calcium load test): urine Ca over the 4 h after 1 g versus the 2 h before.
        java.util.List<String> urineIds = java.util.List.of("mineral.caUrineCum");
        var rec = new org.vascalc.simulation.Recording(urineIds, 0.25, 0.25, 0, 0);
        var loaded = Runs.run(sim, p, 2, rec, java.util.List.of(
                new org.vascalc.core.intervention.Intervention.CalciumSupplement(1000,
                        org.vascalc.core.intervention.Intervention.CalciumSalt.CITRATE, false, Runs.once()),
                new org.vascalc.core.intervention.Intervention.DietaryCalcium(0, Runs.once())));
        double before = (Runs.at(loaded, "mineral.caUrineCum", Runs.DOSE_HOUR)
                - Runs.at(loaded, "mineral.caUrineCum", Runs.DOSE_HOUR - 2)) / 2;
        double after = (Runs.at(loaded, "mineral.caUrineCum", Runs.DOSE_HOUR + 4)
                - Runs.at(loaded, "mineral.caUrineCum", Runs.DOSE_HOUR)) / 4;
        System.out.printf(Locale.ROOT, "TRACE urine Ca mmol/h: 2 h before %.4f, 4 h after 1 g %.4f, ratio %.2f%n",
                before, after, after / before);
        for (double h = 0; h <= 20; h += 1) {
            double t = Runs.DOSE_HOUR + h;
            System.out.printf(Locale.ROOT, "TRACE h=%4.1f dIon(1g)=%.4f dIon(meal500)=%.4f absorbed(1g)=%.3f mmol pth(1g)=%.3f%n", h,
                    Runs.at(tablet, "serumCalciumIonised", t) - Runs.at(none, "serumCalciumIonised", t),
                    Runs.at(meal, "serumCalciumIonised", t) - Runs.at(none, "serumCalciumIonised", t),
                    Runs.at(tablet, "mineral.caAbsorbedCum", t) - Runs.at(none, "mineral.caAbsorbedCum", t),
                    Runs.at(tablet, "pth", t));
        }
    }
}
