package org.vascalc.simulation.cohort;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.vascalc.core.intervention.Intervention.StatinIntensity;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.core.random.SeedStreams;

/**
 * Seeded virtual cohorts for the population calibration rows. Person {@code i} of a cohort comes
 * from its own random stream derived from (seed, cohort, i), so any person can be re-run alone and
 * the sample does not depend on thread scheduling or sample size. Distributions are approximate
 * published baselines (normal or log-normal, truncated to plausible limits); they are stated here
 * with their sources and are <b>not</b> fitted:
 *
 * <ul>
 *   <li>{@link #mesa}: MESA baseline (Bild et al. Am J Epidemiol 2002;156:871, design; Detrano et
 *       al. N Engl J Med 2008;358:1336 and Kronmal et al. Circulation 2007;115:2722, Table 1,
 *       approximate): age 45–84, mean 62 (SD 10); 47 % men; SBP 126 (SD 21) mmHg; DBP 72 (SD 10);
 *       total cholesterol 194 (SD 36) mg/dL; HDL 56 (SD 15) women, 45 (SD 12) men; current smokers
 *       13 %; diabetes 12 %; hs-CRP log-normal, median 1.9 mg/L; eGFR 80 (SD 16) mL/min/1.73 m²;
 *       lipid-lowering drugs 16 % (taken as moderate-intensity statins).</li>
 *   <li>{@link #cric}: CRIC (Bundy et al. Atherosclerosis 2018;271:53; Bundy et al. CJASN
 *       2019;14:1562; Chen et al. JAMA Cardiol 2017;2:635, baselines, approximate): age 58 (SD 11),
 *       21–74 (drawn as a normal of mean 61, SD 12, truncated to 21–74, whose mean is 58); 55 % men;
 *       eGFR 44 (SD 15) limited to 20–70; diabetes 48 %; SBP 128 (SD 22); total cholesterol 185 (SD
 *       45); HDL 47 (SD 15); smokers 13 %; hs-CRP median 2.5 mg/L; phosphate rising as eGFR falls
 *       (Isakova et al. Kidney Int 2011;79:1370, CRIC, approximate: about 1.13 mmol/L (3.5 mg/dL)
 *       above eGFR 40 and 1.32 (4.1 mg/dL) at eGFR 25; residual SD 0.2 mmol/L; overall mean about
 *       1.18, CRIC 3.7 mg/dL); statins 50 %.</li>
 * </ul>
 * Serum calcium 2.35 (SD 0.10) mmol/L (CRIC 2.30, SD 0.12); phosphate 1.10 (SD 0.15) mmol/L, 1.20
 * with eGFR &lt; 60. The unmeasured part of each person's propensity to calcify is a log-normal
 * multiplier of plaque growth and of medial growth, with the between-person SDs of the catalog
 * ({@code plaqueSusceptibilityLogSd}, {@code medialSusceptibilityLogSd}); it enters the model as the
 * person's own {@code plaqueSusceptibility} and {@code medialSusceptibility}. Aortic stiffness
 * likewise varies between people of the same age, sex and blood pressure (NEO, van Hout et al.
 * J Cardiovasc Magn Reson 2021;23:46, Table 3, less the spread the model already gives there): a
 * log-normal {@code aorticStiffnessFactor} with SD {@code aorticStiffnessLogSd}, truncated to the
 * catalog range 1/3–3. Each member's two CT
 * scans carry a multiplicative interscan error, log-normal with SD {@code ctInterscanLogSd}
 * (MESA rescans, Detrano et al. Radiology 2005;236:477), so that score changes are read as a cohort
 * reads them. Serum calcification propensity varies between people beyond their calcium and phosphate
 * (free fetuin-A, magnesium, pyrophosphate, albumin: Smith et al. JASN 2014;25:339): each member's T50
 * is the model's times a log-normal {@code t50ResidualFactor} with SD {@code t50ResidualLogSd} (CRIC's
 * T50 SD, Bundy et al. CJASN 2019;14:1562, less what the model's Ca and P terms already give), truncated
 * to 1/3-3, drawn after the scan errors. Usual dietary vitamin K intake varies widely between people of
 * the same sex (Belgian food consumption survey 2014, Moyersoen et al. Nutrients 2017;9:860, Table 9:
 * usual intake P5-P95 59-412 ug/d at 40-64 y): each member's intake is the Adequate Intake of their sex
 * times a log-normal {@code vitaminKIntakeFactor} with SD {@code vitaminKIntakeLogSd}, truncated to the
 * catalog range 1/5-5, drawn last of all; it gives the cohort its spread of dp-ucMGP and of the MGP
 * carboxylated fraction (docs/model/vitamin-k.md, "Between-person variability").
 */
public final class VirtualPopulation {

    /** Catalog name of a person's plaque-growth multiplier. */
    public static final String PLAQUE = "plaqueSusceptibility";
    /** Catalog name of a person's medial-growth multiplier. */
    public static final String MEDIAL = "medialSusceptibility";
    /** Catalog name of a person's aortic-stiffness multiplier. */
    public static final String STIFFNESS = "aorticStiffnessFactor";
    /** Catalog name of a person's T50 residual (serum calcification propensity beyond Ca and P). */
    public static final String T50_RESIDUAL = "t50ResidualFactor";
    /** Catalog name of a person's usual vitamin K intake relative to the Adequate Intake of their sex. */
    public static final String VITAMIN_K_INTAKE = "vitaminKIntakeFactor";

    /**
     * A member's usual dietary vitamin K (K1) intake, µg/d, as the model gives it to them: the Adequate
     * Intake of their sex in {@code catalog} ({@code usualK1IntakeMaleUgPerDay} or
     * {@code usualK1IntakeFemaleUgPerDay}) times their own {@link #VITAMIN_K_INTAKE} (the catalog's, 1, if
     * the member has none of their own). What a trial's inclusion on dietary vitamin K reads.
     */
    public static double usualVitaminKUgPerDay(VirtualPerson p, ParameterCatalog catalog) {
        double ai = catalog.value(p.patient().sex() == Sex.MALE ? "usualK1IntakeMaleUgPerDay"
                : "usualK1IntakeFemaleUgPerDay");
        Double own = p.individualParameters().get(VITAMIN_K_INTAKE);
        return ai * (own != null ? own : catalog.value(VITAMIN_K_INTAKE));
    }

    private static final long MESA_STREAM = 0x4D455341L;
    private static final long CRIC_STREAM = 0x43524943L;
    private static final long PLAUSIBLE_STREAM = 0x504C4155L;

    private final long seed;
    private final double plaqueLogSd;
    private final double medialLogSd;
    private final double stiffnessLogSd;
    private final double scanLogSd;
    private final double t50LogSd;
    private final double vitaminKIntakeLogSd;

    /**
     * A population drawing susceptibilities with the SDs of {@code catalog}.
     *
     * @param seed    the population's seed: the same seed draws the same people
     * @param catalog the parameter set (its person-to-person spreads, e.g. {@code plaqueSusceptibilityLogSd})
     */
    public VirtualPopulation(long seed, ParameterCatalog catalog) {
        this.seed = seed;
        this.plaqueLogSd = catalog.value("plaqueSusceptibilityLogSd");
        this.medialLogSd = catalog.value("medialSusceptibilityLogSd");
        this.stiffnessLogSd = catalog.value("aorticStiffnessLogSd");
        this.scanLogSd = catalog.value("ctInterscanLogSd");
        this.t50LogSd = catalog.value("t50ResidualLogSd");
        this.vitaminKIntakeLogSd = catalog.value("vitaminKIntakeLogSd");
    }

    /** The random stream of person {@code index} of one cohort: SplitMix64 of (seed, cohort, index). */
    static SplittableRandom stream(long seed, long cohort, long index) {
        return SeedStreams.stream(seed ^ cohort, index);
    }

    /** Normal draw (Box–Muller) rejected outside [lo, hi]; the mean if 100 draws all fall outside. */
    static double normal(SplittableRandom r, double mean, double sd, double lo, double hi) {
        for (int i = 0; i < 100; i++) {
            double u1 = 1 - r.nextDouble();
            double u2 = r.nextDouble();
            double v = mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
            if (v >= lo && v <= hi) {
                return v;
            }
        }
        return Math.min(hi, Math.max(lo, mean));
    }

    private Map<String, Double> susceptibility(SplittableRandom r) {
        // truncated at +-4 log units so every draw stays inside the catalog's plausible range; the
        // stiffness draw comes last so that adding it left every earlier draw of a person unchanged
        double plaque = Math.exp(normal(r, 0, plaqueLogSd, -4, 4));
        double medial = Math.exp(normal(r, 0, medialLogSd, -4, 4));
        double stiffness = Math.exp(normal(r, 0, stiffnessLogSd, -Math.log(3), Math.log(3)));
        return Map.of(PLAQUE, plaque, MEDIAL, medial, STIFFNESS, stiffness);
    }

    /** A member with their two scans' interscan errors, drawn after everything else from their stream. */
    private VirtualPerson member(long index, Patient pt, SplittableRandom r, Optional<StatinIntensity> statin) {
        return withScans(index, pt, susceptibility(r), statin, r);
    }

    private VirtualPerson withScans(long index, Patient pt, Map<String, Double> own, Optional<StatinIntensity> statin,
                                    SplittableRandom r) {
        double e0 = normal(r, 0, scanLogSd, -4 * scanLogSd, 4 * scanLogSd);
        double e1 = normal(r, 0, scanLogSd, -4 * scanLogSd, 4 * scanLogSd);
        // drawn last, so that adding it left every earlier draw of a person unchanged; truncated to the
        // catalog range 1/3-3 (beyond 4 SD at the published spread)
        double t50 = Math.exp(normal(r, 0, t50LogSd, -Math.log(3), Math.log(3)));
        // drawn after the T50 residual, so that adding it left every earlier draw of a person unchanged;
        // truncated to the catalog range 1/5-5 (2.8 SD at the published spread)
        double vitaminK = Math.exp(normal(r, 0, vitaminKIntakeLogSd, -Math.log(5), Math.log(5)));
        Map<String, Double> all = new HashMap<>(own);
        all.put(T50_RESIDUAL, t50);
        all.put(VITAMIN_K_INTAKE, vitaminK);
        return new VirtualPerson(index, pt, all, statin, e0, e1);
    }

    /** Person {@code index} of the MESA-like community cohort. */
    public VirtualPerson mesa(long index) {
        SplittableRandom r = stream(seed, MESA_STREAM, index);
        double age = normal(r, 62, 10, 45, 84);
        Sex sex = r.nextDouble() < 0.47 ? Sex.MALE : Sex.FEMALE;
        double sbp = normal(r, 126, 21, 90, 200);
        double dbp = Math.min(sbp - 25, normal(r, 72, 10, 45, 110));
        double tc = normal(r, 194, 36, 100, 330);
        double hdl = sex == Sex.MALE ? normal(r, 45, 12, 20, 100) : normal(r, 56, 15, 25, 110);
        boolean smoker = r.nextDouble() < 0.13;
        boolean diabetes = r.nextDouble() < 0.12;
        double crp = 1.9 * Math.exp(normal(r, 0, 1.0, -3, 3));
        double egfr = normal(r, 80, 16, 15, 130);
        double ca = normal(r, 2.35, 0.1, 2.1, 2.65);
        double p = normal(r, egfr < 60 ? 1.2 : 1.1, 0.15, 0.7, 1.8);
        boolean statin = r.nextDouble() < 0.16;
        Patient pt = new Patient("mesa-" + index, age, sex, sex == Sex.MALE ? 82 : 70, sex == Sex.MALE ? 175 : 162,
                egfr, OptionalDouble.of(ca), OptionalDouble.of(p), OptionalDouble.empty(),
                new RiskFactors(tc, Math.min(hdl, tc - 40), sbp, dbp, smoker, diabetes, crp));
        return member(index, pt, r, statin ? Optional.of(StatinIntensity.MODERATE) : Optional.empty());
    }

    /** Person {@code index} of the CRIC-like CKD 2–4 cohort. */
    public VirtualPerson cric(long index) {
        SplittableRandom r = stream(seed, CRIC_STREAM, index);
        // a normal of mean 61, SD 12 truncated to CRIC's 21-74 has mean 57.9 and SD 9.7: CRIC's mean
        // 58 (the untruncated 58/11 drew a mean of 56.5, which left too few older, calcified people)
        double age = normal(r, 61, 12, 21, 74);
        Sex sex = r.nextDouble() < 0.55 ? Sex.MALE : Sex.FEMALE;
        double sbp = normal(r, 128, 22, 90, 200);
        double dbp = Math.min(sbp - 25, normal(r, 71, 12, 45, 110));
        double tc = normal(r, 185, 45, 100, 330);
        double hdl = normal(r, 47, 15, 20, 100);
        boolean smoker = r.nextDouble() < 0.13;
        boolean diabetes = r.nextDouble() < 0.48;
        double crp = 2.5 * Math.exp(normal(r, 0, 1.0, -3, 3));
        double egfr = normal(r, 44, 15, 20, 70);
        double ca = normal(r, 2.3, 0.12, 2.0, 2.65);
        // phosphate rises as eGFR falls (CRIC, Isakova 2011): ~3.5 mg/dL above eGFR 40, ~4.1 at 20-29
        double p = normal(r, 1.13 + 0.19 * Math.max(0, (40 - egfr) / 15), 0.2, 0.8, 2.0);
        boolean statin = r.nextDouble() < 0.5;
        Patient pt = new Patient("cric-" + index, age, sex, sex == Sex.MALE ? 88 : 80, sex == Sex.MALE ? 175 : 162,
                egfr, OptionalDouble.of(ca), OptionalDouble.of(p), OptionalDouble.empty(),
                new RiskFactors(tc, Math.min(hdl, tc - 40), sbp, dbp, smoker, diabetes, crp));
        return member(index, pt, r, statin ? Optional.of(StatinIntensity.MODERATE) : Optional.empty());
    }

    /**
     * Person {@code index} of a broad "plausible adult" sample for invariant tests: age 30–85,
     * eGFR 15–120 (uniform, so advanced CKD is as common as normal function), measured serum
     * calcium 2.1–2.6 mmol/L and phosphate 0.8–1.4 mmol/L (+ up to 0.6 as eGFR falls below 60),
     * risk factors uniform over their plausible ranges, a high-intensity statin in 30 %.
     */
    public VirtualPerson plausible(long index) {
        SplittableRandom r = stream(seed, PLAUSIBLE_STREAM, index);
        double age = 30 + 55 * r.nextDouble();
        Sex sex = r.nextBoolean() ? Sex.MALE : Sex.FEMALE;
        double sbp = 95 + 90 * r.nextDouble();
        double dbp = Math.min(sbp - 25, 55 + 45 * r.nextDouble());
        double tc = 120 + 180 * r.nextDouble();
        double hdl = Math.min(25 + 65 * r.nextDouble(), tc - 40);
        double egfr = 15 + 105 * r.nextDouble();
        double ca = 2.1 + 0.5 * r.nextDouble();
        double p = 0.8 + 0.6 * r.nextDouble() + 0.6 * Math.max(0, 60 - egfr) / 45 * r.nextDouble();
        Patient pt = new Patient("plausible-" + index, age, sex, 50 + 60 * r.nextDouble(), 150 + 45 * r.nextDouble(),
                egfr, OptionalDouble.of(ca), OptionalDouble.of(p), OptionalDouble.empty(),
                new RiskFactors(tc, hdl, sbp, dbp, r.nextDouble() < 0.2, r.nextDouble() < 0.2,
                        0.3 * Math.exp(3 * r.nextDouble())));
        Map<String, Double> own = susceptibility(r);
        return withScans(index, pt, own, r.nextDouble() < 0.3 ? Optional.of(StatinIntensity.HIGH) : Optional.empty(), r);
    }
}
