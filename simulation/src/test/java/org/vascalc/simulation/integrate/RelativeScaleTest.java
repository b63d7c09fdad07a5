package org.vascalc.simulation.integrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Per-component relative tolerances ({@link Tolerances#relativeScale}) in the W-method's error norm. */
class RelativeScaleTest {

    /** Two uncoupled components: a slow decay and a fast one with a forcing (so both carry error). */
    private static final OdeSystem PAIR = StiffProblems.system(2, (t, y, dydt) -> {
        dydt[0] = -0.2 * y[0] + Math.sin(t);
        dydt[1] = -3 * y[1] + 2 * Math.cos(0.7 * t);
    });

    private static Rodas4Integrator wMethod() {
        return new Rodas4Integrator(Rodas4Options.DEFAULTS.withMethod(RosenbrockMethod.ROS34PW2).withMaxStep(24.0));
    }

    @Test
    void scalesOfOneAreTheUniformTolerance() {
        double[] atol = {1e-6, 1e-6};
        double[] a = {1, 2};
        IntegrationStats plain = wMethod().integrate(PAIR, new Tolerances(2e-3, atol), 0, a, 40, null);
        double[] b = {1, 2};
        IntegrationStats ones = wMethod().integrate(PAIR, new Tolerances(2e-3, atol, 0, new double[] {1, 1}),
                0, b, 40, null);
        assertThat(b).containsExactly(a);
        assertThat(ones.acceptedSteps()).isEqualTo(plain.acceptedSteps());
        assertThat(ones.rejectedSteps()).isEqualTo(plain.rejectedSteps());
    }

    @Test
    void aLooserComponentTakesFewerStepsAndTheNormReadsItsOwnTolerance() {
        double[] atol = {1e-9, 1e-9};
        double[] a = {1, 2};
        IntegrationStats tight = wMethod().integrate(PAIR, new Tolerances(1e-4, atol), 0, a, 40, null);
        double[] b = {1, 2};
        IntegrationStats loose = wMethod().integrate(PAIR, new Tolerances(1e-4, atol, 0, new double[] {1, 100}),
                0, b, 40, null);
        // With both components' relative tolerance at 1e-4, loosening one of them 100-fold must save steps
        // (the norm is the RMS of both), but not all: the other still holds its own.
        assertThat(loose.acceptedSteps()).isLessThan(tight.acceptedSteps());
        double[] c = {1, 2};
        IntegrationStats bothLoose = wMethod().integrate(PAIR, new Tolerances(1e-2, atol), 0, c, 40, null);
        assertThat(loose.acceptedSteps()).isGreaterThan(bothLoose.acceptedSteps());
    }

    @Test
    void scalesMustMatchTheComponentsAndBePositive() {
        assertThatThrownBy(() -> new Tolerances(1e-3, new double[] {1, 1}, 0, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relative scales");
        assertThatThrownBy(() -> new Tolerances(1e-3, new double[] {1, 1}, 0, new double[] {1, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relative scales");
    }
}
