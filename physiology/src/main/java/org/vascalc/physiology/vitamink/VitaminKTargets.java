package org.vascalc.physiology.vitamink;

import java.util.List;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.patient.Patient;
import org.vascalc.core.units.MolarMass;
import org.vascalc.core.units.Time;
import org.vascalc.physiology.model.Drivers;
import org.vascalc.physiology.model.Intake;
import org.vascalc.physiology.model.StateLayout;

/**
 * The model's value for each vitamin K calibration target (rows E15–E25 of
 * {@code calibration-targets.csv}), computed by simulating the vitamin K block alone. The integrator
 * is supplied by the caller as a {@link Propagator} (physiology does not know the integrator), so the
 * engine's and the scenario runner's {@code TargetCheck}s can wrap these methods with their own, and
 * the tests use a Hipparchus Dormand–Prince harness. Each method builds a fresh block from the catalog
 * given, so a calibrator can vary the catalog.
 */
public final class VitaminKTargets {

    /** Integrates the block's own state vector in place from {@code fromHours} to {@code toHours}. */
    @FunctionalInterface
    public interface Propagator {
        void propagate(VitaminKBlock block, Drivers drivers, double[] y, double fromHours, double toHours);
    }

    /** Equimolar daily dose of Schurgers 2007 (0.22 µmol/d); the model is linear, so E16 does not depend on it. */
    static final double SCHURGERS_DAILY_NMOL = 220;
    /** Sato 2012: 420 µg single dose of MK-4 or MK-7 with breakfast. */
    static final double SATO_DOSE_UG = 420;
    /** Sato 2012: serum sampled before the dose and at these times (h) after it ("not detected at any time point"). */
    static final double[] SATO_SAMPLE_HOURS = {2, 4, 6, 8, 10, 24, 48, 72};
    /** Single dose for the t_max and half-life runs (1 mg; linear kinetics make the size immaterial). */
    static final double SINGLE_DOSE_UG = 1000;

    private VitaminKTargets() {
    }

    /** E15: t_max (h) of plasma K1 after one oral dose. */
    public static double e15TmaxK1Hours(ParameterCatalog catalog, Propagator prop) {
        return tmax(catalog, prop, new Intake(Intake.Kind.VITAMIN_K1, MolarMass.PHYLLOQUINONE.ugToNmol(SINGLE_DOSE_UG)),
                Series.K1, 16);
    }

    /** E15: t_max (h) of plasma MK-7 after one oral dose. */
    public static double e15TmaxMk7Hours(ParameterCatalog catalog, Propagator prop) {
        return tmax(catalog, prop, new Intake(Intake.Kind.VITAMIN_MK7, MolarMass.MENAQUINONE_7.ugToNmol(SINGLE_DOSE_UG)),
                Series.MK7, 24);
    }

    /** E16: mean plasma increment of MK-7 over that of K1 in week 6 of equimolar daily intake. */
    public static double e16Mk7OverK1SteadyStateRatio(ParameterCatalog catalog, Propagator prop) {
        double k1 = dailyIncrement(catalog, prop, Intake.Kind.VITAMIN_K1, Series.K1);
        double mk7 = dailyIncrement(catalog, prop, Intake.Kind.VITAMIN_MK7, Series.MK7);
        return mk7 / k1;
    }

    /** E17: terminal half-life (h) of plasma MK-7, from the log-linear decline between 48 and 96 h. */
    public static double e17Mk7HalfLifeHours(ParameterCatalog catalog, Propagator prop) {
        Run r = Run.healthy(catalog, prop);
        r.take(new Intake(Intake.Kind.VITAMIN_MK7, MolarMass.MENAQUINONE_7.ugToNmol(SINGLE_DOSE_UG)));
        r.advanceTo(48);
        double c48 = r.block.plasmaMk7NmolPerL(r.y);
        r.advanceTo(96);
        double c96 = r.block.plasmaMk7NmolPerL(r.y);
        return 48 * Math.log(2) / Math.log(c48 / c96);
    }

    /**
     * E18: 1 if, after 420 µg with breakfast, MK-7 is still measurable at 48 h and MK-4 is measurable
     * at none of Sato's sampling times (serum level above the assay detection limit of the catalog),
     * else 0. The samples, not the continuous peak, are what the study could see.
     */
    public static double e18Mk7At48hAndMk4NeverFlag(ParameterCatalog catalog, Propagator prop) {
        double lodNgPerMl = catalog.value("mk4DetectionLimitNgPerMl");
        Run mk7 = Run.healthy(catalog, prop);
        mk7.take(new Intake(Intake.Kind.VITAMIN_MK7, MolarMass.MENAQUINONE_7.ugToNmol(SATO_DOSE_UG)));
        mk7.advanceTo(48);
        double mk7At48NgPerMl = mk7.block.plasmaMk7NmolPerL(mk7.y) * MolarMass.MENAQUINONE_7.gramsPerMol() / 1000;
        double mk4HighestSampleNgPerMl = 0;
        for (double c : mk4AtSatoSamplesNgPerMl(catalog, prop)) {
            mk4HighestSampleNgPerMl = Math.max(mk4HighestSampleNgPerMl, c);
        }
        return mk7At48NgPerMl > lodNgPerMl && mk4HighestSampleNgPerMl < lodNgPerMl ? 1 : 0;
    }

    /**
     * Serum MK-4 (ng/mL) at Sato's sampling times ({@link #SATO_SAMPLE_HOURS}) after 420 µg MK-4
     * (diagnostic for E18; the increment over the pre-dose level, which the block starts at zero).
     */
    public static double[] mk4AtSatoSamplesNgPerMl(ParameterCatalog catalog, Propagator prop) {
        Run r = Run.healthy(catalog, prop);
        r.take(new Intake(Intake.Kind.VITAMIN_MK4, MolarMass.MENAQUINONE_4.ugToNmol(SATO_DOSE_UG)));
        double[] c = new double[SATO_SAMPLE_HOURS.length];
        for (int i = 0; i < c.length; i++) {
            r.advanceTo(SATO_SAMPLE_HOURS[i]);
            c[i] = r.block.plasmaMk4NmolPerL(r.y) * MolarMass.MENAQUINONE_4.gramsPerMol() / 1000;
        }
        return c;
    }

    /** Peak serum MK-4 (ng/mL) in the 24 h after 420 µg MK-4 (diagnostic for E18). */
    public static double mk4PeakNgPerMl(ParameterCatalog catalog, Propagator prop) {
        Run r = Run.healthy(catalog, prop);
        r.take(new Intake(Intake.Kind.VITAMIN_MK4, MolarMass.MENAQUINONE_4.ugToNmol(SATO_DOSE_UG)));
        double peak = 0;
        for (int i = 1; i <= 240; i++) {
            r.advanceTo(i * 0.1);
            peak = Math.max(peak, r.block.plasmaMk4NmolPerL(r.y));
        }
        return peak * MolarMass.MENAQUINONE_4.gramsPerMol() / 1000;
    }

    /** E19: relative change of dp-ucMGP after 12 weeks of 180 µg/d MK-7 (healthy adult). */
    public static double e19DpUcMgpChangeMk7_180(ParameterCatalog catalog, Propagator prop) {
        return dailyMk7Change(catalog, prop, 180, 12 * 7);
    }

    /** E20: relative change of dp-ucMGP after 12 weeks of 360 µg/d MK-7 (healthy adult). */
    public static double e20DpUcMgpChangeMk7_360(ParameterCatalog catalog, Propagator prop) {
        return dailyMk7Change(catalog, prop, 360, 12 * 7);
    }

    /** E21: baseline dp-ucMGP (pmol/L) of the reference adult (60-year-old woman) on her usual diet. */
    public static double e21BaselineDpUcMgp(ParameterCatalog catalog, Propagator prop) {
        return Run.healthy(catalog, prop).dpUcMgp();
    }

    /** E22: steady-state dp-ucMGP in haemodialysis over that of the same person with healthy kidneys. */
    public static double e22HaemodialysisRatio(ParameterCatalog catalog, Propagator prop) {
        return Run.haemodialysis(catalog, prop).dpUcMgp() / Run.healthy(catalog, prop).dpUcMgp();
    }

    /** E23: relative change of dp-ucMGP in haemodialysis after 8 weeks of 720 µg MK-7 thrice weekly. */
    public static double e23HaemodialysisMk7_720Tiw(ParameterCatalog catalog, Propagator prop) {
        Run r = Run.haemodialysis(catalog, prop);
        double before = r.dpUcMgp();
        double dose = MolarMass.MENAQUINONE_7.ugToNmol(720);
        int[] weekDays = {0, 2, 4};
        for (int week = 0; week < 8; week++) {
            for (int d : weekDays) {
                r.advanceTo(Time.days(week * 7 + d));
                r.take(new Intake(Intake.Kind.VITAMIN_MK7, dose));
            }
        }
        r.advanceTo(Time.days(56));
        return r.dpUcMgp() / before - 1;
    }

    /**
     * E24: pooled trial effect, represented by the dose and duration typical of the pooled trials
     * (MK-7 180 µg/d for 26 weeks in a healthy adult); see docs/model/vitamin-k.md.
     */
    public static double e24PooledDpUcMgpChange(ParameterCatalog catalog, Propagator prop) {
        return dailyMk7Change(catalog, prop, 180, 26 * 7);
    }

    /** E25: hepatic VKH2 at day 60 of warfarin 5 mg/d (sampled before the day-60 dose), fraction of baseline. */
    public static double e25WarfarinVkh2Fraction(ParameterCatalog catalog, Propagator prop) {
        Run r = Run.healthy(catalog, prop);
        double base = r.y[r.block.index(VitaminKBlock.VKH2)];
        for (int day = 0; day < 60; day++) {
            r.advanceTo(Time.days(day));
            r.take(new Intake(Intake.Kind.WARFARIN, 5));
        }
        r.advanceTo(Time.days(60));
        return r.y[r.block.index(VitaminKBlock.VKH2)] / base;
    }

    /** Warfarin dose of the interaction runs (as E25), mg/d, and the day the supplement starts (E25's day). */
    static final double WARFARIN_MG_PER_DAY = 5;
    static final int WARFARIN_RUN_IN_DAYS = 60;

    /**
     * Hepatic clotting-factor synthesis relative to warfarin alone (not a calibration row): the reference
     * woman takes warfarin 5 mg/d (as E25); from day 60 she adds each daily dose of {@code ugPerDay[i]} of
     * {@code kind} for {@code weeksEach} weeks in turn (Theuwissen 2013 stepped MK-7 10, 20, 45 µg/d). Returns,
     * for the last day of each step, the daily mean of {@code clottingFactorSynthesisRelative} with the
     * supplement over the same without it. A daily mean, not a trough: the factors integrate synthesis over
     * their half-lives (6 h for factor VII to ~60 h for prothrombin), and a K1 dose has left the cycle
     * before the next one (its hepatic half-life is ~3 h) while MK-7 has not.
     */
    public static double[] warfarinSupplementSynthesisRatio(ParameterCatalog catalog, Propagator prop, Intake.Kind kind,
            double[] ugPerDay, int weeksEach) {
        MolarMass mass = switch (kind) {
            case VITAMIN_K1 -> MolarMass.PHYLLOQUINONE;
            case VITAMIN_MK4 -> MolarMass.MENAQUINONE_4;
            case VITAMIN_MK7 -> MolarMass.MENAQUINONE_7;
            default -> throw new IllegalArgumentException("not a vitamin K form: " + kind);
        };
        Run with = Run.healthy(catalog, prop);
        Run alone = Run.healthy(catalog, prop);
        double[] ratio = new double[ugPerDay.length];
        int days = WARFARIN_RUN_IN_DAYS + 7 * weeksEach * ugPerDay.length;
        for (int day = 0; day < days; day++) {
            with.advanceTo(Time.days(day));
            alone.advanceTo(Time.days(day));
            with.take(new Intake(Intake.Kind.WARFARIN, WARFARIN_MG_PER_DAY));
            alone.take(new Intake(Intake.Kind.WARFARIN, WARFARIN_MG_PER_DAY));
            int step = day < WARFARIN_RUN_IN_DAYS ? -1 : (day - WARFARIN_RUN_IN_DAYS) / (7 * weeksEach);
            if (step >= 0) {
                with.take(new Intake(kind, mass.ugToNmol(ugPerDay[step])));
                if ((day - WARFARIN_RUN_IN_DAYS + 1) % (7 * weeksEach) == 0) {
                    ratio[step] = dailyMeanSynthesis(with, day) / dailyMeanSynthesis(alone, day);
                }
            }
        }
        return ratio;
    }

    /** Mean of {@code clottingFactorSynthesisRelative} over day {@code day} (hourly trapezoid), after its doses. */
    private static double dailyMeanSynthesis(Run r, int day) {
        double t0 = Time.days(day);
        double sum = 0;
        double prev = r.block.clottingFactorSynthesisRelative(r.y);
        for (int h = 1; h <= 24; h++) {
            r.advanceTo(t0 + h);
            double cur = r.block.clottingFactorSynthesisRelative(r.y);
            sum += 0.5 * (prev + cur);
            prev = cur;
        }
        return sum / 24;
    }

    // --- helpers ---

    private enum Series { K1, MK7 }

    private static double level(Run r, Series s) {
        return s == Series.K1 ? r.block.plasmaK1NmolPerL(r.y) : r.block.plasmaMk7NmolPerL(r.y);
    }

    private static double tmax(ParameterCatalog catalog, Propagator prop, Intake dose, Series s, double windowHours) {
        Run r = Run.healthy(catalog, prop);
        r.take(dose);
        double step = 0.05;
        int n = (int) Math.round(windowHours / step);
        double[] c = new double[n + 1];
        c[0] = level(r, s);
        int best = 0;
        for (int i = 1; i <= n; i++) {
            r.advanceTo(i * step);
            c[i] = level(r, s);
            if (c[i] > c[best]) {
                best = i;
            }
        }
        if (best == 0 || best == n) {
            return best * step;
        }
        // vertex of the parabola through the three samples around the maximum
        double denom = c[best - 1] - 2 * c[best] + c[best + 1];
        double shift = denom == 0 ? 0 : 0.5 * (c[best - 1] - c[best + 1]) / denom;
        return (best + shift) * step;
    }

    private static double dailyIncrement(ParameterCatalog catalog, Propagator prop, Intake.Kind kind, Series s) {
        Run r = Run.healthy(catalog, prop);
        double baseline = level(r, s);
        int days = 42;
        for (int day = 0; day < days; day++) {
            r.advanceTo(Time.days(day));
            r.take(new Intake(kind, SCHURGERS_DAILY_NMOL));
        }
        // mean over the last dosing interval (trapezoid, hourly)
        double t0 = Time.days(days - 1);
        double sum = 0;
        double prev = level(r, s);
        for (int h = 1; h <= 24; h++) {
            r.advanceTo(t0 + h);
            double cur = level(r, s);
            sum += 0.5 * (prev + cur);
            prev = cur;
        }
        return sum / 24 - baseline;
    }

    private static double dailyMk7Change(ParameterCatalog catalog, Propagator prop, double ugPerDay, int days) {
        Run r = Run.healthy(catalog, prop);
        double before = r.dpUcMgp();
        double dose = MolarMass.MENAQUINONE_7.ugToNmol(ugPerDay);
        for (int day = 0; day < days; day++) {
            r.advanceTo(Time.days(day));
            r.take(new Intake(Intake.Kind.VITAMIN_MK7, dose));
        }
        r.advanceTo(Time.days(days));
        return r.dpUcMgp() / before - 1;
    }

    /** One simulated person: a fresh block bound to a layout of itself, its state and drivers. */
    static final class Run {
        final VitaminKBlock block;
        final double[] y;
        final Drivers drivers;
        private final Propagator prop;
        private double t;

        private Run(ParameterCatalog catalog, Propagator prop, boolean haemodialysis) {
            this.block = new VitaminKBlock(catalog);
            StateLayout layout = new StateLayout(List.of(block));
            block.bind(layout);
            this.y = new double[layout.size()];
            this.drivers = new Drivers();
            this.prop = prop;
            block.initialise(Patient.referenceAdult(), y);
            if (haemodialysis) {
                drivers.setHaemodialysis(true);
                drivers.setEgfrMlPerMin(7);
                block.steadyState(drivers, y);
            }
        }

        static Run healthy(ParameterCatalog catalog, Propagator prop) {
            return new Run(catalog, prop, false);
        }

        static Run haemodialysis(ParameterCatalog catalog, Propagator prop) {
            return new Run(catalog, prop, true);
        }

        void take(Intake intake) {
            block.applyIntake(intake, y);
        }

        void advanceTo(double tHours) {
            if (tHours > t) {
                prop.propagate(block, drivers, y, t, tHours);
                t = tHours;
            }
        }

        double dpUcMgp() {
            return block.dpUcMgpPmolPerL(y);
        }
    }
}
