package org.vascalc.physiology.wall;

import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;

/**
 * A seeded virtual population for the wall's population targets. Each person's stream derives from
 * (seed, index), so a person re-runs alone. Distributions are approximate cohort baselines
 * (normal/log-normal, truncated to plausible limits); they are stated here with their sources and
 * are NOT fitted:
 *
 * <ul>
 *   <li>{@link #mesa}: MESA baseline (Bild 2002 design paper; Detrano 2008 and Kronmal 2007, Table 1,
 *       approximate): age 45–84, mean 62 (SD 10); 47 % men; SBP 126 (SD 21) mmHg; total cholesterol
 *       194 (SD 36) mg/dL; HDL 56 (SD 15) women, 45 (SD 12) men; current smokers 13 %; diabetes 12 %;
 *       hs-CRP log-normal, median 1.9 mg/L; eGFR 80 (SD 16); lipid-lowering drugs 16 %.</li>
 *   <li>{@link #cric}: CRIC (Bundy 2018/2019, Chen 2017 baselines, approximate): age 58 (SD 11);
 *       55 % men; eGFR 44 (SD 15) limited to 20–70; diabetes 48 %; SBP 128 (SD 22); phosphate
 *       1.2 (SD 0.2) mmol/L; statin 50 %.</li>
 * </ul>
 * Serum calcium 2.35 (SD 0.1) mmol/L; phosphate 1.1 (SD 0.15) mmol/L outside CKD. Unmeasured
 * susceptibility: log-normal with the SDs of the wall catalog.
 */
final class VirtualPopulation {

    /** One virtual person: who they are, their susceptibility and their statin intensity. */
    record Person(Patient patient, Susceptibility susceptibility, double statin) {
    }

    private final long seed;
    private final double plaqueLogSd;
    private final double medialLogSd;

    VirtualPopulation(long seed, ParameterCatalog wallCatalog) {
        this.seed = seed;
        this.plaqueLogSd = wallCatalog.value("plaqueSusceptibilityLogSd");
        this.medialLogSd = wallCatalog.value("medialSusceptibilityLogSd");
    }

    private SplittableRandom stream(long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return new SplittableRandom(z ^ (z >>> 31));
    }

    private static double normal(SplittableRandom r, double mean, double sd, double lo, double hi) {
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

    private Susceptibility susceptibility(SplittableRandom r) {
        return new Susceptibility(Math.exp(normal(r, 0, plaqueLogSd, -4, 4)), Math.exp(normal(r, 0, medialLogSd, -4, 4)));
    }

    Person mesa(long index) {
        SplittableRandom r = stream(index);
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
        double statin = r.nextDouble() < 0.16 ? 0.6 : 0;
        Patient pt = new Patient("mesa-" + index, age, sex, 75, 168, egfr, OptionalDouble.of(ca), OptionalDouble.of(p),
                OptionalDouble.empty(), new RiskFactors(tc, Math.min(hdl, tc - 40), sbp, dbp, smoker, diabetes, crp));
        return new Person(pt, susceptibility(r), statin);
    }

    Person cric(long index) {
        SplittableRandom r = stream(index ^ 0x5DEECE66DL);
        double age = normal(r, 58, 11, 21, 74);
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
        double p = normal(r, 1.2, 0.2, 0.8, 2.0);
        double statin = r.nextDouble() < 0.5 ? 0.6 : 0;
        Patient pt = new Patient("cric-" + index, age, sex, 85, 170, egfr, OptionalDouble.of(ca), OptionalDouble.of(p),
                OptionalDouble.empty(), new RiskFactors(tc, Math.min(hdl, tc - 40), sbp, dbp, smoker, diabetes, crp));
        return new Person(pt, susceptibility(r), statin);
    }
}
