package org.vascalc.simulation.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link EtdPhi}'s factors against their closed forms (Hochbruck &amp; Ostermann 2010, eq. 2.10):
 * phi1(z) = (e^z - 1) / z, phi2(z) = (e^z - 1 - z) / z^2, their Taylor series at 0
 * (phi_k(z) = sum z^i / (i + k)!), the recurrence phi_k(z) = z phi_(k+1)(z) + 1/k!, and that the
 * given {@code expm1} is not read where the series is used.
 */
class EtdPhiTest {

    @Test
    void phi1IsTheExponentialEulerFactor() {
        // phi1(-2) = (1 - e^-2) / 2; phi1(1) = e - 1; phi1(0) = 1 (a pure integrator: y0 + h f).
        assertThat(EtdPhi.phi(-2)).isCloseTo((1 - Math.exp(-2)) / 2, within(1e-15));
        assertThat(EtdPhi.phi(1)).isCloseTo(Math.E - 1, within(1e-15));
        assertThat(EtdPhi.phi(0)).isEqualTo(1.0);
        // In the series' range (|z| < 1e-6) the factor is 1 + z/2: it leaves out z^2/6 (at most 1.7e-13).
        for (double z : new double[] {3e-7, -9e-7, Math.nextDown(1e-6), -Math.nextDown(1e-6)}) {
            assertThat(EtdPhi.phi(z)).as("z %s", z).isCloseTo(1 + z / 2 + z * z / 6, within(z * z / 6 + 1e-15));
        }
        // At the hand-over itself the closed form is used.
        assertThat(EtdPhi.phi(1e-6)).isCloseTo(1 + 5e-7 + 1e-12 / 6, within(1e-15));
    }

    @Test
    void phiGivenReadsTheGivenExponentialOnlyOutsideTheSeries() {
        for (double z : new double[] {-2, -1e-3, 2e-6, -1e-6, 0.5, -30}) {
            assertThat(EtdPhi.phiGiven(z, Math.expm1(z))).as("z %s", z).isEqualTo(EtdPhi.phi(z));
        }
        // Where the series is used, the given e^z - 1 is not read: NaN leaves the factor finite.
        assertThat(EtdPhi.phiGiven(-4e-7, Double.NaN)).isCloseTo(1 - 2e-7, within(1e-15));
        // Outside it, the factor is the given value over z: a wrong e^z - 1 shows.
        assertThat(EtdPhi.phiGiven(-2, 4.0)).isEqualTo(-2.0);
    }

    @Test
    void phi2IsTheSecondFactorAndMeetsTheRecurrence() {
        // phi2(-1) = (e^-1 - 1 + 1) / 1 = e^-1; phi2(2) = (e^2 - 3) / 4.
        assertThat(EtdPhi.phi2Given(-1, Math.expm1(-1))).isCloseTo(Math.exp(-1), within(1e-15));
        assertThat(EtdPhi.phi2Given(2, Math.expm1(2))).isCloseTo((Math.exp(2) - 3) / 4, within(1e-15));
        // phi1(z) = z phi2(z) + 1.
        for (double z : new double[] {-40, -3.5, -0.25, 1e-3, 0.7}) {
            double phi2 = EtdPhi.phi2Given(z, Math.expm1(z));
            assertThat(EtdPhi.phi(z)).as("z %s", z).isCloseTo(z * phi2 + 1, within(1e-14));
        }
        // Series range (|z| < 1e-4): 1/2 + z/6, leaving out z^2/24 (at most 4.2e-10), e^z - 1 not read.
        for (double z : new double[] {0, 5e-5, -9.9e-5}) {
            assertThat(EtdPhi.phi2Given(z, Double.NaN)).as("z %s", z)
                    .isCloseTo(0.5 + z / 6 + z * z / 24, within(z * z / 24 + 1e-15));
        }
        // Either side of the hand-over at 1e-4 the two forms agree to their truncation (z^2/24 ~ 4e-10).
        double below = EtdPhi.phi2Given(Math.nextDown(1e-4), Double.NaN);
        double above = EtdPhi.phi2Given(1e-4, Math.expm1(1e-4));
        assertThat(above).isCloseTo(below, within(1e-9));
        assertThat(EtdPhi.phi2Given(-1e-4, Math.expm1(-1e-4))).isCloseTo(0.5 - 1e-4 / 6, within(1e-9));
        // At 1e-4 itself the closed form is used: within its rounding (~2e-12 from e^z - 1 - z) of the
        // series with z^2/24 (4.2e-10, which the truncated series would miss).
        assertThat(above).isCloseTo(0.5 + 1e-4 / 6 + 1e-8 / 24, within(2e-11));
    }
}
