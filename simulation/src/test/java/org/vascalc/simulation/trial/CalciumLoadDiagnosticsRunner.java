package org.vascalc.simulation.trial;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.Time;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.cohort.CohortProgress;
import org.vascalc.simulation.cohort.CohortRunner;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.scenario.TrialFiles;

/**
 * Where a calcium-based binder's calcium goes, arm by arm (issue 3, "calcium load to CT score";
 * docs/model/wall-fit.md, 2026-12-02 record): a trial file ({@code -Dvascalc.scratch.trial}, default
 * examples/trials/chertow2002.yaml) with its first {@code -Dvascalc.scratch.n} members (default 60,
 * seed 1, the trial command's draw), each arm recorded every 3 h. Prints per arm the means of serum
 * calcium, phosphate, Ca×P, the milieu drive D (from the 3-hourly rows, as the wall sees it: convex in
 * Ca×P), PTH, the year's calcium balance (intake, faeces, urine, net absorbed, bone, ECF, wall mineral)
 * and the coronary micro, macro and medial mass changes, the plaque's filled share and the Agatston
 * change (median, no scan error), the net calcium to the dialysis fluid (on haemodialysis; it is booked
 * with urine in caUrineCum, so "Ca urine" includes it) and the end bone-cell indices. {@code -Dvascalc.scratch.override=name=value,...} runs a what-if
 * catalog. A runner, not a test: prints, asserts nothing, runs only with {@code -Dvascalc.scratch=true}.
 */
class CalciumLoadDiagnosticsRunner {

    private static final String[] CORONARY = {"lm", "lad", "lcx", "rca"};
    private static final String[] BEDS = {"lm", "lad", "lcx", "rca", "aorta", "leg"};
    /** mmol calcium per mg hydroxyapatite, Ca10(PO4)6(OH)2 of 1004.6 g/mol. */
    private static final double CA_MMOL_PER_MG_HA = 10 / 1004.6;

    @Test
    void diagnose() {
        Assumptions.assumeTrue(Boolean.getBoolean("vascalc.scratch"));
        int n = Integer.getInteger("vascalc.scratch.n", 60);
        String file = System.getProperty("vascalc.scratch.trial", "../examples/trials/chertow2002.yaml");
        ParameterCatalog cat = WhatIfCatalog.fromSystemProperty();
        TrialSpec spec = TrialFiles.load(Path.of(file));
        VirtualPopulation pop = new VirtualPopulation(1, cat);
        List<VirtualPerson> people = new ArrayList<>();
        for (long i = 0; people.size() < n; i++) {
            people.add(spec.population().draw(pop, i));
        }
        List<String> outs = new ArrayList<>(List.of("cacAgatston", "serumCalciumTotal", "serumPhosphate", "pthPgMl",
                "mineral.caIntakeCum", "mineral.caFaecesCum", "mineral.caUrineCum", "mineral.caAbsorbedCum",
                "mineral.caBone", "mineral.caBoneExch", "mineral.caEcf", "dialysedCalcium", "mineral.osteoblasts",
                "mineral.osteoclasts"));
        for (String b : BEDS) {
            outs.add("wall." + b + ".medialMineral");
            outs.add("wall." + b + ".microCalcium");
            outs.add("wall." + b + ".macroCalcium");
            outs.add("wall." + b + ".plaqueVolume");
        }
        double kappa = cat.value("plaqueMineralCapacityMgPerMm3");
        double caRef = cat.value("serumCaRefMmolL");
        double pRef = cat.value("serumPRefMmolL");
        double th = cat.value("supersatThreshold");
        double days = spec.years() * Time.DAYS_PER_YEAR;
        CohortRunner runner = new CohortRunner(new EngineSimulatorFactory(), cat, 2);
        System.out.printf(Locale.ROOT, "%n== %s, n %d per arm, %.1f y ==%n", spec.key(), n, spec.years());
        for (TrialSpec.Arm arm : spec.arms()) {
            List<double[]> rows = runner.run(people, p -> {
                Scenario s = TrialRunner.scenario(spec, arm, p, spec.years(), outs);
                return new Scenario(s.name(), s.description(), s.patient(), s.conditions(), s.interventions(), days,
                        new Recording(outs, 3, 3, 0, 0));
            }, Mode.FAST, (p, r) -> read(r.trajectory(), kappa, caRef, pRef, th), CohortProgress.NONE);
            print(arm.label(), rows);
        }
    }

    private static final String[] LABELS = {
        "serum Ca mean, mmol/L", "serum P mean, mmol/L", "CaxP mean, mg2/dL2", "drive D mean (3-hourly)",
        "PTH end, pg/mL", "Ca intake, mmol/y", "Ca faeces, mmol/y", "Ca urine, mmol/y", "Ca net absorbed, mmol/y",
        "bone Ca change, mmol/y", "ECF Ca change, mmol/y", "wall mineral Ca change (all beds), mmol/y",
        "coronary micro change, mg", "coronary macro change, mg", "coronary medial change, mg",
        "coronary plaque filled share f, end", "coronary medial share, end", "Agatston change (no scan error), AU",
        "Agatston at baseline, AU", "coronary plaque volume change, % of baseline",
        "Ca to dialysate (net, 3-hourly samples), mmol/y", "osteoblast index, end", "osteoclast index, end"};

    private static double[] read(Trajectory t, double kappa, double caRef, double pRef, double th) {
        double[] ca = t.series("serumCalciumTotal");
        double[] ph = t.series("serumPhosphate");
        double sCa = 0;
        double sP = 0;
        double sProd = 0;
        double sD = 0;
        for (int i = 1; i < ca.length; i++) {
            sCa += ca[i];
            sP += ph[i];
            sProd += ca[i] * 4.008 * ph[i] * 3.097;
            double x = (ca[i] * ph[i] / (caRef * pRef) - th) / (1 - th);
            sD += x > 0 ? x * x : 0;
        }
        int k = ca.length - 1;
        double dMicro = 0;
        double dMacro = 0;
        double dMedial = 0;
        double wall0 = 0;
        double wall1 = 0;
        double fill = 0;
        double vol = 0;
        double vol0 = 0;
        double intimalEnd = 0;
        double medialEnd = 0;
        for (String b : BEDS) {
            double m0 = t.series("wall." + b + ".medialMineral")[0];
            double m1 = t.last("wall." + b + ".medialMineral");
            double u0 = t.series("wall." + b + ".microCalcium")[0];
            double u1 = t.last("wall." + b + ".microCalcium");
            double a0 = t.series("wall." + b + ".macroCalcium")[0];
            double a1 = t.last("wall." + b + ".macroCalcium");
            wall0 += m0 + u0 + a0;
            wall1 += m1 + u1 + a1;
            if (List.of(CORONARY).contains(b)) {
                dMicro += u1 - u0;
                dMacro += a1 - a0;
                dMedial += m1 - m0;
                fill += u1 + a1;
                vol += t.last("wall." + b + ".plaqueVolume");
                vol0 += t.series("wall." + b + ".plaqueVolume")[0];
                intimalEnd += u1 + a1;
                medialEnd += m1;
            }
        }
        double bone = t.last("mineral.caBone") + t.last("mineral.caBoneExch") - t.series("mineral.caBone")[0]
                - t.series("mineral.caBoneExch")[0];
        return new double[] {sCa / k, sP / k, sProd / k / 100, sD / k, t.last("pthPgMl"), delta(t, "mineral.caIntakeCum"),
            delta(t, "mineral.caFaecesCum"), delta(t, "mineral.caUrineCum"), delta(t, "mineral.caAbsorbedCum"), bone,
            delta(t, "mineral.caEcf"), (wall1 - wall0) * CA_MMOL_PER_MG_HA, dMicro, dMacro, dMedial,
            vol > 0 ? fill / (kappa * vol) : 0, medialEnd / (medialEnd + intimalEnd), delta(t, "cacAgatston"),
            t.series("cacAgatston")[0], 100 * (vol / vol0 - 1), dialysed(t), t.last("mineral.osteoblasts"),
            t.last("mineral.osteoclasts")};
    }

    /** The time integral of the dialysate calcium rate (mmol/d) over the run, trapezoids on the 3-hourly rows, mmol. */
    private static double dialysed(Trajectory t) {
        double[] r = t.series("dialysedCalcium");
        double sum = 0;
        for (int i = 1; i < r.length; i++) {
            sum += 0.5 * (r[i] + r[i - 1]) * 3 / 24.0;
        }
        return sum;
    }

    private static double delta(Trajectory t, String id) {
        return t.last(id) - t.series(id)[0];
    }

    private static void print(String arm, List<double[]> rows) {
        System.out.printf(Locale.ROOT, "-- arm %s --%n", arm);
        for (int j = 0; j < LABELS.length; j++) {
            double[] v = new double[rows.size()];
            double mean = 0;
            for (int i = 0; i < v.length; i++) {
                v[i] = rows.get(i)[j];
                mean += v[i] / v.length;
            }
            java.util.Arrays.sort(v);
            System.out.printf(Locale.ROOT, "  %-44s mean %10.4f  median %10.4f%n", LABELS[j], mean, v[v.length / 2]);
        }
    }
}
