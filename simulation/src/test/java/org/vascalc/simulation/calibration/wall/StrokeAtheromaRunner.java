package org.vascalc.simulation.calibration.wall;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Sex;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.cohort.CohortProgress;
import org.vascalc.simulation.cohort.CohortRunner;
import org.vascalc.simulation.cohort.FollowUp;
import org.vascalc.simulation.cohort.TrialArm;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;
import org.vascalc.simulation.engine.EngineSimulatorFactory;
import org.vascalc.simulation.engine.ModelAssembly;

/**
 * The stroke hazard's atherosclerotic part (docs/model/wall.md, "Events"), on request
 * ({@code -Dvascalc.fit=strokeatheroma}; optional {@code -Dvascalc.fit.share=0.25},
 * {@code -Dvascalc.fit.size=300}, {@code -Dvascalc.fit.derive=false} to skip the derivation and only
 * report at the catalog's values). Writes {@code target/stroke-atheroma.md}. Not part of the normal test
 * run (cohorts of minutes).
 *
 * <ol>
 *   <li><b>Derivation</b> of the share s and the stroke level from the literature share φ of strokes
 *       caused by atheroma: the stroke hazard is h₀·[(1 − s)·A(age) + s·P(plaque)]·(other factors), and
 *       no state reads a hazard, so the MESA-like cohort's mean stroke rate is linear in s:
 *       R(s) = (1 − s)·R₀ + s·R₁ with R₀, R₁ the rates at s = 0 and s = 1 (same level; R₁ extrapolated from the top of s's range). The cohort's
 *       atherosclerotic share s·R₁/R(s) equals φ at s = φR₀ / ((1 − φ)R₁ + φR₀), and the level is
 *       scaled so that R(s) is MESA's counted rate (EventLevels.STROKE), as EventLevels does.</li>
 *   <li><b>What it gives, untuned</b>: a high-intensity statin against none (the cohort trial's arms,
 *       same members, 5 years, seed 1 as {@code ./vascalc cohort}): the stroke and MI rate ratios and
 *       the members' mean non-HDL reduction, expressed per mmol/L as CTT does (RR^{1/ΔLDL}); and the
 *       adjusted association of the log stroke hazard with ln(CAC + 1) at baseline (Gibson 2014: HR 1.13
 *       per unit, MESA).</li>
 * </ol>
 */
class StrokeAtheromaRunner {

    /** mg/dL of cholesterol per mmol/L. */
    private static final double MG_PER_MMOL = 38.67;

    /** One member: baseline score, stroke and MI rates per year, the non-HDL removed by the arm (mmol/L). */
    record Member(FollowUp followUp, double stroke, double mi, double ldlDropMmolL) {
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.fit", matches = "strokeatheroma")
    void run() throws Exception {
        long t0 = System.nanoTime();
        List<String> lines = new ArrayList<>();
        Consumer<String> report = line -> {
            System.out.println(line);
            lines.add(line);
        };
        int threads = Runtime.getRuntime().availableProcessors();
        var factory = new EngineSimulatorFactory();
        ParameterCatalog catalog = ModelAssembly.defaultParameters();
        int size = Integer.getInteger("vascalc.fit.size", EventLevels.LONG_SIZE);
        if (Boolean.parseBoolean(System.getProperty("vascalc.fit.derive", "true"))) {
            double phi = Double.parseDouble(System.getProperty("vascalc.fit.share", "0.25"));
            EventLevels.Incidence stroke = EventLevels.STROKE;
            double r0 = strokeRate(factory, catalog.with(Map.of("strokeAtheroShare", 0.0)), size, stroke.years(), threads);
            // R is linear in s: R(1) from R(0) and R at the top of the catalog's range
            double top = catalog.get("strokeAtheroShare").high();
            double rTop = strokeRate(factory, catalog.with(Map.of("strokeAtheroShare", top)), size, stroke.years(), threads);
            double r1 = r0 + (rTop - r0) / top;
            double s = phi * r0 / ((1 - phi) * r1 + phi * r0);
            double rs = (1 - s) * r0 + s * r1;
            double level = EventLevels.level(catalog.value(stroke.parameter()), 1000 * rs, stroke);
            report.accept(String.format(Locale.ROOT, "derivation: MESA-like seed %d, %d persons, %.1f y, fast mode, "
                    + "level %.6g /y: stroke rate per 1000 py at s = 0: %.4f, at s = 1: %.4f", EventLevels.SEED, size,
                    stroke.years(), catalog.value(stroke.parameter()), 1000 * r0, 1000 * r1));
            report.accept(String.format(Locale.ROOT, "share phi %.3f -> strokeAtheroShare s = %.5f; rate at s %.4f; "
                    + "published %.3f -> strokeBasePerYear %.6g /y", phi, s, 1000 * rs, stroke.perThousand(), level));
            catalog = catalog.with(Map.of("strokeAtheroShare", s, stroke.parameter(), level));
            double check = strokeRate(factory, catalog, Math.min(size, 60), stroke.years(), threads);
            double check0 = strokeRate(factory, catalog.with(Map.of("strokeAtheroShare", 0.0,
                    stroke.parameter(), catalog.value(stroke.parameter()))), Math.min(size, 60), stroke.years(), threads);
            report.accept(String.format(Locale.ROOT, "check, first %d persons at the derived values: %.4f per 1000 py "
                    + "(at s = 0 and the same level %.4f)", Math.min(size, 60), 1000 * check, 1000 * check0));
        }
        report.accept(String.format(Locale.ROOT, "values used below: strokeAtheroShare %.5f, strokePlaqueExponent %.3f, "
                + "strokeBasePerYear %.6g /y", catalog.value("strokeAtheroShare"), catalog.value("strokePlaqueExponent"),
                catalog.value("strokeBasePerYear")));
        statinTrial(factory, catalog, Integer.getInteger("vascalc.fit.trialSize", 300), 5, threads, report);
        lines.add(String.format(Locale.ROOT, "wall time %.0f s", (System.nanoTime() - t0) / 1e9));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/stroke-atheroma.md"), lines);
    }

    private static double strokeRate(EngineSimulatorFactory factory, ParameterCatalog catalog, int size, double years,
                                     int threads) {
        return EventLevels.mesa(factory, catalog, EventLevels.SEED, size, years, threads, CohortProgress.NONE).stream()
                .mapToDouble(EventLevels.MemberRates::stroke).average().orElseThrow();
    }

    /** The cohort trial's statin arm against none (seed 1, as {@code ./vascalc cohort}). */
    static void statinTrial(EngineSimulatorFactory factory, ParameterCatalog catalog, int size, double years,
                            int threads, Consumer<String> report) {
        VirtualPopulation pop = new VirtualPopulation(1, catalog);
        List<VirtualPerson> members = LongStream.range(0, size).mapToObj(pop::mesa).toList();
        CohortRunner runner = new CohortRunner(factory, catalog, threads);
        double moderate = catalog.value("statinModerateIntensity");
        List<Member> none = runner.run(members, p -> FollowUp.scenario(p, years, TrialArm.NONE), Mode.FAST,
                (p, r) -> member(p, r, 0), CohortProgress.NONE);
        List<Member> statin = runner.run(members, p -> FollowUp.scenario(p, years, TrialArm.STATIN), Mode.FAST,
                (p, r) -> member(p, r, ldlDrop(p, moderate)), CohortProgress.NONE);
        double sNone = none.stream().mapToDouble(Member::stroke).average().orElseThrow();
        double sStatin = statin.stream().mapToDouble(Member::stroke).average().orElseThrow();
        double mNone = none.stream().mapToDouble(Member::mi).average().orElseThrow();
        double mStatin = statin.stream().mapToDouble(Member::mi).average().orElseThrow();
        double drop = statin.stream().mapToDouble(Member::ldlDropMmolL).average().orElseThrow();
        double rrStroke = sStatin / sNone;
        double rrMi = mStatin / mNone;
        report.accept(String.format(Locale.ROOT, "statin trial: MESA-like seed 1, %d members, %.0f y, high-intensity "
                + "statin vs none (members' own statins kept in the none arm)", size, years));
        report.accept(String.format(Locale.ROOT, "  mean non-HDL removed by the arm: %.3f mmol/L (model: non-HDL x 0.5 x "
                + "(1 - own intensity)); CTT's exposure is the LDL difference", drop));
        report.accept(String.format(Locale.ROOT, "  stroke per 1000 py: none %.4f, statin %.4f, RR %.4f over %.0f y, "
                + "per mmol/L %.4f (CTT 2010: any stroke 0.84, 0.80-0.89 per 1 mmol/L LDL)", 1000 * sNone,
                1000 * sStatin, rrStroke, years, Math.pow(rrStroke, 1 / drop)));
        report.accept(String.format(Locale.ROOT, "  MI per 1000 py: none %.4f, statin %.4f, RR %.4f, per mmol/L %.4f "
                + "(CTT 2010: coronary death or MI 0.76 per 1 mmol/L)", 1000 * mNone, 1000 * mStatin, rrMi,
                Math.pow(rrMi, 1 / drop)));
        double b = logStrokeOnLogCac(none);
        report.accept(String.format(Locale.ROOT, "  none arm: adjusted log stroke hazard on ln(CAC + 1) at baseline "
                + "(age, male, SBP, TC, HDL, smoker, diabetes): HR %.4f per unit (Gibson 2014, MESA: 1.13, 1.07-1.20 "
                + "for stroke or TIA)", Math.exp(b)));
    }

    private static Member member(VirtualPerson p, SimulationResult r, double drop) {
        FollowUp f = FollowUp.of(p, r);
        Trajectory tr = r.trajectory();
        double stroke = (tr.last("wall.hazardStroke") - tr.series("wall.hazardStroke")[0]) / f.years();
        return new Member(f, stroke, f.miRate(), drop);
    }

    /** The non-HDL (mmol/L) a high-intensity statin removes beyond the member's own. */
    private static double ldlDrop(VirtualPerson p, double moderate) {
        var r = p.patient().risk();
        double own = p.statin().map(s -> s == Intervention.StatinIntensity.HIGH ? 1.0 : moderate).orElse(0.0);
        return (r.totalCholesterolMgDl() - r.hdlCholesterolMgDl()) * 0.5 * (1 - own) / MG_PER_MMOL;
    }

    private static double logStrokeOnLogCac(List<Member> m) {
        int k = 9;
        RealMatrix x = MatrixUtils.createRealMatrix(m.size(), k);
        RealVector y = MatrixUtils.createRealVector(new double[m.size()]);
        for (int i = 0; i < m.size(); i++) {
            FollowUp o = m.get(i).followUp();
            var p = o.person().patient();
            var r = p.risk();
            double[] row = {1, Math.log(o.cac0() + 1), p.ageYears(), p.sex() == Sex.MALE ? 1 : 0, r.systolicBpMmHg(),
                r.totalCholesterolMgDl(), r.hdlCholesterolMgDl(), r.smoker() ? 1 : 0, r.diabetes() ? 1 : 0};
            for (int j = 0; j < k; j++) {
                x.setEntry(i, j, row[j]);
            }
            y.setEntry(i, Math.log(Math.max(m.get(i).stroke(), 1e-300)));
        }
        return new QRDecomposition(x, 1e-12).getSolver().solve(y).getEntry(1);
    }
}
