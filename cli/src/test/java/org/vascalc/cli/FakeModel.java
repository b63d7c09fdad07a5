package org.vascalc.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.vascalc.core.evidence.Evidence;
import org.vascalc.core.intervention.Intervention;
import org.vascalc.core.param.Parameter;
import org.vascalc.core.param.ParameterCatalog;
import org.vascalc.core.units.Time;
import org.vascalc.simulation.OutputChannel;
import org.vascalc.simulation.SimulationResult;
import org.vascalc.simulation.Simulator;
import org.vascalc.simulation.SimulatorFactory;
import org.vascalc.simulation.Trajectory;

/**
 * Test double of the model for the command tests (selected with -Dvascalc.simulatorFactory, so it
 * never competes with the real engine): serum calcium = baseline + a bump after each supplement
 * dose. A scenario named {@code explode} fails like a bug would, one named {@code fast-mode-fails} as fast
 * mode does where it cannot integrate a regimen; one named {@code unknown-output}
 * fails on bad input like a recording of a channel the model lacks; one named {@code lab-warning}
 * returns a run warning (the engine's for a start that is not the measured labs).
 */
public final class FakeModel implements SimulatorFactory {

    @Override
    public ParameterCatalog defaultParameters() {
        return ParameterCatalog.of(List.of(
                new Parameter("gain", 1.0, "1", 0.1, 10, new Evidence.Calibrated("E06", "fake"), "fake bump height")));
    }

    @Override
    public Simulator create(ParameterCatalog p) {
        double gain = p.value("gain");
        return (s, mode, progress) -> {
            if (s.name().equals("explode")) {
                throw new IllegalStateException("simulated internal failure");
            }
            if (s.name().equals("fast-mode-fails")) { // fast mode's orbit that does not integrate (review14)
                throw new org.vascalc.simulation.engine.FastModeIntegrationException(48,
                        new org.vascalc.simulation.integrate.IntegrationException(
                                "component 40 not finite beyond t = 63.96", 63.96, 40));
            }
            if (s.name().equals("unknown-output")) { // bad input the model finds only when it is built
                throw new org.vascalc.core.input.InvalidInputException("scenario", org.vascalc.core.input.InputProblem
                        .error("recording.outputs", "no output or state variable named 'nonsense'"));
            }
            List<Double> doses = new ArrayList<>();
            for (Intervention iv : s.interventions()) {
                if (iv instanceof Intervention.CalciumSupplement c) {
                    for (int d = (int) c.schedule().startDay(); d < Math.min(c.schedule().stopDay(), s.durationDays()); d++) {
                        for (double h : c.schedule().clockHours()) {
                            doses.add(Time.days(d) + h);
                        }
                    }
                }
            }
            int n = (int) Math.floor(Time.days(s.durationDays()) / s.recording().intervalHours()) + 1;
            double[] t = new double[n];
            double[][] v = new double[n][];
            for (int i = 0; i < n; i++) {
                t[i] = i * s.recording().intervalHours();
                double ca = 2.35;
                for (double d : doses) {
                    double u = (t[i] - d) / 4.0;
                    ca += u > 0 ? gain * 0.1 * u * Math.exp(1 - u) : 0;
                }
                v[i] = new double[] {ca};
                // ProgressListener's documented range is [0, 1]; a one-sample run is done at its only sample
                progress.progress(n == 1 ? 1.0 : t[i] / t[n - 1]);
            }
            // a run's own warning, as the engine gives when the start is not the patient's measured labs
            List<org.vascalc.core.input.InputProblem> warnings = s.name().equals("lab-warning")
                    ? List.of(org.vascalc.core.input.InputProblem.warning("patient.serumPhosphateMmolL",
                            "the run does not start at the measured phosphate (fake)"))
                    : List.of();
            return new SimulationResult(s, mode, new Trajectory(List.of(new OutputChannel("serumCalciumTotal",
                    "mmol/L", "serum total calcium")), t, v), Map.of(), Map.of("steps", (long) n), p.sha256(), warnings);
        };
    }
}
