package org.vascalc.simulation.calibration.wall;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.vascalc.core.units.Time;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.Trajectory;
import org.vascalc.simulation.cohort.CohortProgress;
import org.vascalc.simulation.cohort.CohortRunner;
import org.vascalc.simulation.cohort.TrialArm;
import org.vascalc.simulation.cohort.VirtualPerson;
import org.vascalc.simulation.cohort.VirtualPopulation;

/**
 * The direct serum-calcium term of the MI hazard (docs/model/wall.md, "Serum calcium and MI"):
 * the Mendelian-randomisation estimate of lifelong higher serum calcium on MI (Larsson et al. JAMA
 * 2017, odds ratio 1.24 per 0.5 mg/dL) is a total effect; the model already carries part of it
 * through its calcification paths (the Ca×P drive of medial and intimal mineral, hence the micro and
 * macro shares of plaque calcium and aortic PWV, all of which enter the MI hazard). This class
 * measures that indirect part on two otherwise identical MESA-like virtual cohorts whose serum
 * calcium set point differs by 0.5 mg/dL, and returns the direct remainder on the log scale.
 *
 * <p>The set point is shifted as a genetic variant would shift it: each member's measured serum
 * calcium (from which the mineral block derives its homeostatic constants, so that it is the
 * person's steady state, docs/model/mineral.md "Baseline from the patient") is raised by 0.5 mg/dL, and the wall's
 * history from age 30 (docs/model/wall.md "Baseline: the wall's own history") runs at it, so the
 * shift is lifelong in the wall as in the MR.
 */
public final class SerumCalciumMi {

    /** 0.5 mg/dL of calcium (40.078 g/mol) in mmol/L: the MR estimate's unit. */
    public static final double HALF_MG_PER_DL = 5.0 / 40.078;
    /** Larsson 2017: odds ratio of MI per 0.5 mg/dL genetically higher serum calcium (95 % CI 1.05-1.46). */
    public static final double MR_ODDS_RATIO_MI = 1.24;
    /** Follow-up of the cohorts, y: MESA's median (Detrano 2008), as the MI level's derivation. */
    public static final double YEARS = 3.8;

    /**
     * One member's outcome.
     *
     * @param miRate     mean MI hazard per year over the follow-up
     * @param calciumDay the first day's time-averaged serum total calcium, mmol/L
     * @param pwv        aortic PWV at baseline, m/s
     * @param microShare coronary microcalcium over all intimal calcium at baseline
     */
    public record Member(double miRate, double calciumDay, double pwv, double microShare) {
    }

    /**
     * The result.
     *
     * @param indirectHr       model's MI hazard ratio of the shifted cohort with no direct term (ratio of mean hazards)
     * @param indirectGeoHr    the same as the geometric mean of the members' own ratios
     * @param calciumShift     achieved shift of the cohorts' mean day-averaged serum calcium, mmol/L
     * @param calciumMean      the unshifted cohort's mean day-averaged serum calcium, mmol/L (Ca_ref)
     * @param directLogHr      β = ln(OR)/0.5 mg/dL − ln(indirectHr)/calciumShift, per mmol/L, clipped at 0
     */
    public record Result(double indirectHr, double indirectGeoHr, double calciumShift, double calciumMean,
                         double directLogHr) {
    }

    private SerumCalciumMi() {
    }

    /** Member {@code index} of the MESA-like cohort with its measured serum calcium raised by {@code shift}. */
    public static VirtualPerson shifted(VirtualPerson p, double shift) {
        Patient pt = p.patient();
        Patient q = new Patient(pt.id() + (shift == 0 ? "" : "+ca"), pt.ageYears(), pt.sex(), pt.weightKg(),
                pt.heightCm(), pt.egfrMlPerMin(), OptionalDouble.of(pt.serumCalciumMmolL().orElseThrow() + shift),
                pt.serumPhosphateMmolL(), pt.pthPgMl(), pt.risk());
        return new VirtualPerson(p.index(), q, p.individualParameters(), p.statin(), p.scanErrorBaseline(),
                p.scanErrorEnd());
    }

    /**
     * The follow-up of {@link org.vascalc.simulation.cohort.FollowUp#scenario} (the member's own statin
     * throughout), with the first day recorded every quarter hour (serum calcium) and the end.
     */
    static Scenario scenario(VirtualPerson p, double years) {
        double days = years * Time.DAYS_PER_YEAR;
        return new Scenario(p.patient().id(), "serum calcium and MI", p.patient(), List.of(),
                TrialArm.NONE.interventions(p), days,
                new Recording(List.of("serumCalciumTotal", "wall.hazardMi", "pwv", "cacMicroMass", "cacIntimalMass"),
                        Time.days(days), 0.25, 0, 1));
    }

    static Member member(VirtualPerson p, SimulationResult r) {
        Trajectory tr = r.trajectory();
        double[] t = tr.timesHours();
        double[] ca = tr.series("serumCalciumTotal");
        double[] hazard = tr.series("wall.hazardMi");
        double years = (t[t.length - 1] - t[0]) / Time.HOURS_PER_YEAR;
        // trapezoid over the first day's quarter hours
        double area = 0;
        double span = 0;
        for (int k = 1; k < t.length && t[k] <= t[0] + 24 + 1e-9; k++) {
            double h = t[k] - t[k - 1];
            area += 0.5 * (ca[k] + ca[k - 1]) * h;
            span += h;
        }
        double micro = tr.series("cacMicroMass")[0];
        double intimal = tr.series("cacIntimalMass")[0];
        return new Member((hazard[hazard.length - 1] - hazard[0]) / years, area / span, tr.series("pwv")[0],
                intimal > 0 ? micro / intimal : 0);
    }

    /** Members 0..size-1 of the MESA-like cohort of {@code seed}, serum calcium raised by {@code shift}. */
    public static List<Member> cohort(SimulatorFactory factory, ParameterCatalog catalog, long seed, int size,
                                      double shift, int threads) {
        VirtualPopulation pop = new VirtualPopulation(seed, catalog);
        List<VirtualPerson> members = LongStream.range(0, size).mapToObj(pop::mesa).map(p -> shifted(p, shift))
                .toList();
        return new CohortRunner(factory, catalog, threads).run(members, p -> scenario(p, YEARS), Mode.FAST,
                SerumCalciumMi::member, CohortProgress.NONE);
    }

    /** Mean of the members' MI rates. */
    static double meanMi(List<Member> m) {
        return m.stream().mapToDouble(Member::miRate).average().orElseThrow();
    }

    /**
     * The derivation with {@code catalog}'s other parameters and no direct term: the two cohorts, the
     * indirect hazard ratio and the direct remainder; {@code report} receives the record's lines.
     */
    public static Result derive(SimulatorFactory factory, ParameterCatalog catalog, int size, int threads,
                                Consumer<String> report) {
        ParameterCatalog indirectOnly = catalog.with(Map.of("miCalciumLogHrPerMmolL", 0.0));
        List<Member> a = cohort(factory, indirectOnly, EventLevels.SEED, size, 0, threads);
        List<Member> b = cohort(factory, indirectOnly, EventLevels.SEED, size, HALF_MG_PER_DL, threads);
        double hr = meanMi(b) / meanMi(a);
        double logGeo = 0;
        for (int k = 0; k < size; k++) {
            logGeo += Math.log(b.get(k).miRate() / a.get(k).miRate());
        }
        double geo = Math.exp(logGeo / size);
        double caA = a.stream().mapToDouble(Member::calciumDay).average().orElseThrow();
        double caB = b.stream().mapToDouble(Member::calciumDay).average().orElseThrow();
        double shift = caB - caA;
        double total = Math.log(MR_ODDS_RATIO_MI) / HALF_MG_PER_DL;
        double beta = Math.max(0, total - Math.log(hr) / shift);
        report.accept(String.format(Locale.ROOT, "MESA-like cohort, seed %d, %d persons, %.1f y, fast mode, no "
                + "direct term; measured serum calcium raised by %.5f mmol/L (0.5 mg/dL)", EventLevels.SEED, size,
                YEARS, HALF_MG_PER_DL));
        report.accept(String.format(Locale.ROOT, "day-mean serum calcium: %.4f -> %.4f mmol/L (shift %.4f)", caA, caB,
                shift));
        report.accept(String.format(Locale.ROOT, "mean MI hazard: %.4f -> %.4f per 1000 person-years; indirect HR "
                + "%.4f (geometric mean of the members' ratios %.4f)", 1000 * meanMi(a), 1000 * meanMi(b), hr, geo));
        report.accept(String.format(Locale.ROOT, "baseline aortic PWV %.4f -> %.4f m/s; coronary micro share %.4f -> "
                + "%.4f", a.stream().mapToDouble(Member::pwv).average().orElseThrow(),
                b.stream().mapToDouble(Member::pwv).average().orElseThrow(),
                a.stream().mapToDouble(Member::microShare).average().orElseThrow(),
                b.stream().mapToDouble(Member::microShare).average().orElseThrow()));
        report.accept(String.format(Locale.ROOT, "MR total ln(%.2f)/%.5f = %.4f per mmol/L; indirect ln(%.4f)/%.4f = "
                + "%.4f per mmol/L; direct beta = %.4f per mmol/L (HR %.4f per 0.5 mg/dL)", MR_ODDS_RATIO_MI,
                HALF_MG_PER_DL, total, hr, shift, Math.log(hr) / shift, beta, Math.exp(beta * HALF_MG_PER_DL)));
        return new Result(hr, geo, shift, caA, beta);
    }

    /**
     * The check: with the direct term of {@code catalog} the shifted cohort's MI hazard ratio, which
     * should be the MR's 1.24 per 0.5 mg/dL of achieved shift.
     */
    public static double totalHr(SimulatorFactory factory, ParameterCatalog catalog, int size, int threads) {
        List<Member> a = cohort(factory, catalog, EventLevels.SEED, size, 0, threads);
        List<Member> b = cohort(factory, catalog, EventLevels.SEED, size, HALF_MG_PER_DL, threads);
        return meanMi(b) / meanMi(a);
    }
}
