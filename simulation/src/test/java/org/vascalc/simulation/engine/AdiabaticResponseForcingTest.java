package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.vascalc.core.patient.Patient;
import org.vascalc.simulation.Recording;
import org.vascalc.simulation.Scenario;

/**
 * {@link AdiabaticResponse#forcingResponse} writes its whole answer into {@code out}, also for a zero forcing
 * ({@code J_ff^-1 0 = 0}, known or not). Its callers pass scratch arrays that hold the previous call's answer:
 * FastRun's lag shift (the drift's change, zero once the drift keeps its pace) and OrbitDrift's {@code moved}
 * (the drift's rate, zero again after {@code reset}); an answer left unwritten would add the previous orbit's
 * shift a second time to the next orbit's start, or subtract it from the drift's trend.
 */
class AdiabaticResponseForcingTest {

    @Test
    void aZeroForcingOverwritesThePreviousAnswerWithZeros() {
        var parameters = ModelAssembly.defaultParameters();
        Scenario sc = new Scenario("forcing", "", Patient.referenceAdult(), List.of(), List.of(), 30, Recording.every(24));
        AssembledModel model = InitialisedModels.assembled(parameters, sc, false);
        int[] fast = model.fastIndices();
        int nf = fast.length;
        AdiabaticResponse response = new AdiabaticResponse(model, fast, model.slowIndices(), model.absoluteTolerances());
        double[] zero = new double[nf];
        double[] unit = new double[nf];
        unit[0] = 1;
        double[] out = new double[nf];

        // No Jacobian known yet: NaN for a non-zero forcing (its Javadoc), then zeros for a zero one.
        response.forcingResponse(unit, out);
        assertThat(out).containsOnly(Double.NaN);
        response.forcingResponse(zero, out);
        assertThat(out).containsOnly(0.0);

        // After an orbit's update: a finite, non-zero answer, then zeros in the same array.
        double[] y = InitialisedModels.initialState(model, sc.patient());
        double[][] samples = InitialisedModels.orbitSamples(y, y.clone(), fast, new SplittableRandom(20261204));
        response.update(0, samples, y);
        response.forcingResponse(unit, out);
        assertThat(java.util.Arrays.stream(out).allMatch(Double::isFinite)).isTrue();
        assertThat(java.util.Arrays.stream(out).anyMatch(v -> v != 0)).isTrue();
        response.forcingResponse(zero, out);
        assertThat(out).containsOnly(0.0);
    }
}
