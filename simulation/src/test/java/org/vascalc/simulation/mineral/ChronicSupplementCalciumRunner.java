package org.vascalc.simulation.mineral;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Intervention.CalciumSalt;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.patient.RiskFactors;
import org.vascalc.core.patient.Sex;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.Trajectory;

/**
 * Prints the table of docs/model/mineral.md, "Chronic serum calcium on supplements"
 * ({@code -Dvascalc.chronicca=true}): the Bolland 2008 woman (74 y, 68 kg, 160 cm, eGFR 75, no labs;
 * three meals of 321 mg calcium and 333 mg phosphorus at 07, 12, 19 h) with calcium citrate 400 mg at
 * 07:00 and 600 mg at 21:00 taken fasting, against the same woman without tablets. Days 1, 30, 180
 * and 365 from one reference-mode run per arm (hourly rows; day d = hours [24 d, 24 d + 24), day 0 the first); day
 * 365 also, and year 5 (day 1826), from fast-mode runs with that day recorded hourly. Per day: total serum calcium
 * trough / mean / peak, PTH mean and its 07:00 value (fasting, before the dose), calcitriol mean, and
 * the slow states that carry the creep (osteoclasts, osteoblasts, gland capacity, deep bone calcium),
 * plus the day's urine, net absorption and bone uptake from the cumulative fluxes.
 * {@code -Dvascalc.chronicca.set=name=value,...} probes parameters (a look, not a fit);
 * {@code -Dvascalc.chronicca.reference=false} skips the (slow, ~minutes) reference year.
 */
class ChronicSupplementCalciumRunner {

    static final List<String> IDS = List.of("serumCalciumTotal", "pthPgMl", "calcitriol", "mineral.osteoclasts",
            "mineral.osteoblasts", "mineral.glandCapacity", "mineral.caBone", "mineral.caBoneExch",
            "mineral.caUrineCum", "mineral.caAbsorbedCum", "mineral.absorptionCapacity", "bmd");

    static Patient woman() {
        return new Patient("bolland", 74, Sex.FEMALE, 68, 160, 75, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), RiskFactors.typical());
    }

    static List<Intervention> arm(boolean tablets) {
        List<Intervention> l = new ArrayList<>();
        l.add(new Intervention.DietaryCalcium(321, Schedule.daily(7, 12, 19)));
        l.add(new Intervention.DietaryPhosphate(333, Schedule.daily(7, 12, 19)));
        if (tablets) {
            l.add(new Intervention.CalciumSupplement(400, CalciumSalt.CITRATE, false, Schedule.daily(7)));
            l.add(new Intervention.CalciumSupplement(600, CalciumSalt.CITRATE, false, Schedule.daily(21)));
        }
        return l;
    }

    /** One day's numbers: {trough, mean, peak, PTH mean, PTH 07:00, calcitriol mean, OC, OB, PTmax, urine, net abs, bone uptake}. */
    static double[] day(Trajectory t, double fromHour) {
        double[] time = t.timesHours();
        double[] ca = t.series("serumCalciumTotal"), pth = t.series("pthPgMl"), c8 = t.series("calcitriol");
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE, mean = 0, pthMean = 0, c8Mean = 0, pth7 = Double.NaN;
        int n = 0, first = -1, end = -1;
        for (int i = 0; i < time.length; i++) {
            if (time[i] >= fromHour - 1e-6 && time[i] < fromHour + 24 - 1e-6) {
                if (first < 0) {
                    first = i;
                }
                lo = Math.min(lo, ca[i]);
                hi = Math.max(hi, ca[i]);
                mean += ca[i];
                pthMean += pth[i];
                c8Mean += c8[i];
                n++;
                if (Math.abs(time[i] - fromHour - 7) < 1e-6) {
                    pth7 = pth[i];
                }
            }
            if (Math.abs(time[i] - fromHour - 24) < 1e-6) {
                end = i;
            }
        }
        double urine = Double.NaN, abs = Double.NaN, bone = Double.NaN;
        if (end > first && first >= 0) {
            double span = (time[end] - time[first]) / 24;
            urine = (t.series("mineral.caUrineCum")[end] - t.series("mineral.caUrineCum")[first]) / span;
            abs = (t.series("mineral.caAbsorbedCum")[end] - t.series("mineral.caAbsorbedCum")[first]) / span;
            bone = (t.series("mineral.caBone")[end] + t.series("mineral.caBoneExch")[end]
                    - t.series("mineral.caBone")[first] - t.series("mineral.caBoneExch")[first]) / span;
        }
        int k = first;
        return new double[] {lo, mean / n, hi, pthMean / n, pth7, c8Mean / n, t.series("mineral.osteoclasts")[k],
            t.series("mineral.osteoblasts")[k], t.series("mineral.glandCapacity")[k], urine, abs, bone};
    }

    static void print(String label, double[] a, double[] p) {
        System.out.printf(Locale.ROOT, "| %s | %.3f / %.3f (%+.3f) | %.3f / %.3f (%+.3f) | %.3f / %.3f | %.1f / %.1f (%+.0f %%) | %.1f / %.1f "
                        + "| %.1f / %.1f | %.3f / %.3f | %.3f | %.2f / %.2f | %.2f / %.2f | %+.2f |%n",
                label, a[0], p[0], a[0] - p[0], a[1], p[1], a[1] - p[1], a[2], p[2], a[3], p[3], 100 * (a[3] / p[3] - 1),
                a[4], p[4], a[5], p[5], a[6], a[7], a[8], a[9], p[9], a[10], p[10], a[11]);
    }

    @Test
    @EnabledIfSystemProperty(named = "vascalc.chronicca", matches = "true")
    void print() {
        Map<String, Double> set = new HashMap<>();
        for (String kv : System.getProperty("vascalc.chronicca.set", "").split(",")) {
            if (!kv.isBlank()) {
                set.put(kv.split("=")[0].trim(), Double.parseDouble(kv.split("=")[1]));
            }
        }
        Simulator sim = SimulatorFactory.load().create(SimulatorFactory.load().defaultParameters().with(set));
        System.out.println("| day | Ca trough arm / placebo (diff) | Ca mean (diff) | Ca peak | PTH mean pg/mL (change) | PTH 07:00 "
                + "| calcitriol pmol/L | OC / OB (arm) | PTmax (arm) | urine mmol/d arm / pl | net abs. mmol/d arm / pl | bone uptake arm mmol/d |");
        if (Boolean.parseBoolean(System.getProperty("vascalc.chronicca.reference", "true"))) {
            Trajectory[] t = new Trajectory[2];
            for (int i = 0; i < 2; i++) {
                Scenario s = new Scenario("chronicca", "", woman(), List.of(), arm(i == 0), 366, new Recording(IDS, 1, 1, 0, 0));
                t[i] = sim.run(s, Mode.REFERENCE, ProgressListener.NONE).trajectory();
            }
            for (int d : new int[] {1, 30, 180, 365}) {
                print("day " + d + " (ref)", day(t[0], 24.0 * d), day(t[1], 24.0 * d));
            }
        }
        for (int years : new int[] {1, 5}) {
            double days = years == 1 ? 365 : Math.round(years * 365.25);
            Trajectory[] t = new Trajectory[2];
            for (int i = 0; i < 2; i++) {
                Scenario s = new Scenario("chronicca", "", woman(), List.of(), arm(i == 0), days + 1,
                        new Recording(IDS, 24 * 7, 1, days, days + 1));
                t[i] = sim.run(s, Mode.FAST, ProgressListener.NONE).trajectory();
            }
            print("day " + (int) days + " (fast)", day(t[0], 24 * days), day(t[1], 24 * days));
        }
    }
}
