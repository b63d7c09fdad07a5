package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vascalc.physiology.model.Intake;
import org.vascalc.physiology.vitamink.VitaminKBlock;
import org.vascalc.simulation.integrate.OdeSystem;
import org.vascalc.simulation.integrate.Rodas4Integrator;
import org.vascalc.simulation.integrate.Tolerances;

/**
 * The closed-form propagation of the warfarin-free vitamin K block ({@link LinearBlockPropagator})
 * against a tight Rodas4 integration of the same block over one 24-hour period with intakes, a
 * drift and samples on and off the grid; and its exponential blocks against a known scalar case.
 */
class LinearBlockPropagatorTest {

    @Test
    void exponentialBlocksOfAScalarAreTheKnownIntegrals() {
        double k = 0.37;
        double tau = 5.5;
        double[] efh = LinearBlockPropagator.exponentialBlocks(new double[] {-k}, 1, tau);
        double e = Math.exp(-k * tau);
        double f = (1 - e) / k;
        double h = (tau - f) / k;
        assertThat(efh[0]).isCloseTo(e, org.assertj.core.data.Offset.offset(1e-14));
        assertThat(efh[1]).isCloseTo(f, org.assertj.core.data.Offset.offset(1e-13 * f));
        assertThat(efh[2]).isCloseTo(h, org.assertj.core.data.Offset.offset(1e-13 * h));
    }

    @Test
    void closedFormMatchesATightRodas4IntegrationOverOnePeriod() {
        ClosedVitaminKFixture f = ClosedVitaminKFixture.make("vk-closed");
        AssembledModel model = f.model();
        double[] z = f.z();
        VitaminKBlock vk = f.vk();
        assertThat(vk).isNotNull();
        assertThat(vk.warfarinFree(z)).isTrue();
        int[] states = f.states();
        int[] slowStates = f.slowStates();
        int m = states.length;
        int ns = slowStates.length;
        assertThat(m).isEqualTo(10);  // 12 FAST states (vitk.mkh2 appended 2026-12-02) less the two warfarin ones
        assertThat(ns).isEqualTo(2);
        // Off the steady state: tissue vitamin K up by half, an MK-7 dose in the gut at the start.
        z[slowStates[0]] *= 1.5;
        vk.applyIntake(new Intake(Intake.Kind.VITAMIN_MK7, 400), z);
        double[] v = new double[m];
        int[] pos = new int[m];
        for (int i = 0; i < m; i++) {
            pos[i] = i;
            v[i] = 1e-3 * z[states[i]] + 1e-4;
        }

        // Closed form: samples every 2 h, a K1 dose at 13 h (off the sample grid), to 24 h.
        LinearBlockPropagator closed = new LinearBlockPropagator(model, vk, states, slowStates);
        double[] zc = z.clone();
        closed.prepare(0, zc);
        double[] integral = new double[ns];
        closed.start(0, zc, v, pos);
        double[] atTen = new double[m];
        for (double t = 2; t <= 12; t += 2) {
            closed.advanceTo(t);
            if (t == 10) {
                double[] s = zc.clone();
                closed.write(s);
                for (int i = 0; i < m; i++) {
                    atTen[i] = s[states[i]];
                }
            }
        }
        closed.advanceTo(13);
        closed.write(zc);
        for (int k = 0; k < ns; k++) {
            integral[k] += closed.integral()[k];
        }
        vk.applyIntake(new Intake(Intake.Kind.VITAMIN_K1, 250), zc);
        closed.start(13, zc, v, pos);
        for (double t = 14; t <= 24; t += 2) {
            closed.advanceTo(t);
        }
        closed.write(zc);
        for (int k = 0; k < ns; k++) {
            integral[k] += closed.integral()[k];
        }

        // Reference: the block's FAST states and its SLOW rates' integrals (SLOW states frozen), Rodas4 at 1e-11.
        double[] scratch = z.clone();
        double[] rates = new double[model.dimension()];
        VitaminKBlock block = vk;
        OdeSystem sys = new OdeSystem() {
            @Override
            public int dimension() {
                return m + ns;
            }

            @Override
            public void derivatives(double t, double[] y, double[] dydt) {
                for (int i = 0; i < m; i++) {
                    scratch[states[i]] = y[i];
                }
                model.blockRates(block, 0, scratch, rates);
                for (int i = 0; i < m; i++) {
                    dydt[i] = rates[states[i]] - v[i];
                }
                for (int k = 0; k < ns; k++) {
                    dydt[m + k] = rates[slowStates[k]];
                }
            }
        };
        double[] y = new double[m + ns];
        for (int i = 0; i < m; i++) {
            y[i] = z[states[i]];
        }
        double[] atol = new double[m + ns];
        java.util.Arrays.fill(atol, 1e-13);
        Tolerances tight = new Tolerances(1e-11, atol);
        Rodas4Integrator rodas = new Rodas4Integrator();
        rodas.integrate(sys, tight, 0, y, 10, (t, yy) -> { });
        double[] refTen = java.util.Arrays.copyOf(y, m);
        rodas.integrate(sys, tight, 10, y, 13, (t, yy) -> { });
        for (int i = 0; i < m; i++) {
            scratch[states[i]] = y[i];
        }
        vk.applyIntake(new Intake(Intake.Kind.VITAMIN_K1, 250), scratch);
        for (int i = 0; i < m; i++) {
            y[i] = scratch[states[i]];
        }
        rodas.integrate(sys, tight, 13, y, 24, (t, yy) -> { });

        double worst = 0;
        for (int i = 0; i < m; i++) {
            worst = Math.max(worst, Math.abs(atTen[i] - refTen[i]) / (Math.abs(refTen[i]) + 1e-9));
            worst = Math.max(worst, Math.abs(zc[states[i]] - y[i]) / (Math.abs(y[i]) + 1e-9));
        }
        for (int k = 0; k < ns; k++) {
            worst = Math.max(worst, Math.abs(integral[k] - y[m + k]) / (Math.abs(y[m + k]) + 1e-12));
        }
        System.out.printf("closed form vs Rodas4 (rtol 1e-11), worst relative difference %.2e%n", worst);
        // The states move by up to 100 % over the day (the doses): a wrong exponential block, forcing
        // or integral shows at 1e-3 or more; the tight integration's own error is ~1e-10.
        assertThat(worst).isLessThan(1e-8);
        // (and the doses did move them)
        assertThat(Math.abs(zc[states[2]] - z[states[2]])).isGreaterThan(1.0);
    }
}
