package org.vascalc.simulation.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vascalc.core.evidence.Evidence;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.intervention.Schedule;
import org.vascalc.core.param.Parameter;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.Time;
import org.vascalc.simulation.Mode;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.ProgressListener;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.Trajectory;

/**
 * A stand-in for the model with closed-form outputs, so that loaders, writers, check runner and
 * calibrator can be tested without the real engine: serum calcium is a baseline plus a gamma-shaped
 * bump after each supplement dose (height {@code gain} x 0.1 mmol/L per gram, nothing for food),
 * and the calcium absorbed is {@code absorbedFraction} of all calcium taken.
 */
public final class FakeSimulatorFactory implements SimulatorFactory {

    public static ParameterCatalog catalog() {
        return ParameterCatalog.of(List.of(
                new Parameter("absorbedFraction", 0.2, "1", 0.05, 0.6, new Evidence.Calibrated("F1", "fake"), "fake"),
                new Parameter("gain", 1.0, "1", 0.1, 10, new Evidence.Calibrated("F2", "fake"), "fake"),
                new Parameter("baselineCalcium", 2.35, "mmol/L", 2.1, 2.6, new Evidence.Assumption("fake"), "fake")));
    }

    @Override
    public ParameterCatalog defaultParameters() {
        return catalog();
    }

    @Override
    public Simulator create(ParameterCatalog p) {
        double f = p.value("absorbedFraction");
        double gain = p.value("gain");
        double base = p.value("baselineCalcium");
        String sha = p.sha256();
        return (scenario, mode, progress) -> run(scenario, mode, progress, f, gain, base, sha);
    }

    /** Intake times (hours) of a schedule within the run. */
    public static List<Double> intakeHours(Schedule s, double durationDays) {
        List<Double> out = new ArrayList<>();
        for (int d = (int) s.startDay(); d < Math.min(s.stopDay(), durationDays); d++) {
            if (s.daysOfWeek().contains(d % 7)) {
                for (double h : s.clockHours()) {
                    out.add(Time.days(d) + h);
                }
            }
        }
        return out;
    }

    private static SimulationResult run(Scenario s, Mode mode, ProgressListener progress, double f, double gain,
                                        double base, String sha) {
        List<double[]> doses = new ArrayList<>(); // {time h, supplement g}
        double totalMg = 0;
        for (Intervention iv : s.interventions()) {
            switch (iv) {
                case Intervention.CalciumSupplement c -> {
                    for (double t : intakeHours(c.schedule(), s.durationDays())) {
                        doses.add(new double[] {t, c.elementalMgPerDose() / 1000});
                        totalMg += c.elementalMgPerDose();
                    }
                }
                case Intervention.DietaryCalcium c -> totalMg += c.mgPerMeal()
                        * intakeHours(c.schedule(), s.durationDays()).size();
                default -> { }
            }
        }
        Recording r = s.recording();
        double end = Time.days(s.durationDays());
        List<Double> times = new ArrayList<>();
        for (double t = 0; t <= end + 1e-9; ) {
            times.add(t);
            boolean fine = t >= Time.days(r.fineFromDay()) && t < Time.days(r.fineToDay());
            t += fine ? r.fineIntervalHours() : r.intervalHours();
        }
        double[] th = new double[times.size()];
        double[][] v = new double[times.size()][];
        for (int i = 0; i < th.length; i++) {
            double t = times.get(i);
            double ca = base;
            for (double[] d : doses) {
                double u = (t - d[0]) / 4.0;
                if (u > 0) {
                    ca += gain * 0.1 * d[1] * u * Math.exp(1 - u);
                }
            }
            th[i] = t;
            v[i] = new double[] {ca, f * totalMg * Math.min(1, t / end)};
            progress.progress(t / end);
        }
        Trajectory tr = new Trajectory(List.of(new OutputChannel("serumCalciumTotal", "mmol/L", "serum total calcium"),
                new OutputChannel("calciumAbsorbed", "mg", "cumulative calcium absorbed")), th, v);
        return new SimulationResult(s, mode, tr, Map.of("calciumAbsorbedMg", f * totalMg),
                Map.of("derivativeEvaluations", (long) th.length), sha);
    }
}
